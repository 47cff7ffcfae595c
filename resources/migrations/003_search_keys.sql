-- MemberDesk migration 003: search and sort keys that need more than ASCII rules.
--  * name_sort: the name's ICU collation key for Chinese (pinyin order for Han) as hex text, so that
--    byte order (COLLATE BINARY / "C") is the collator's order on both backends. The member list sorts
--    by it when sorting by name.
--  * card_digits: the digits of the card number, so a card typed without its letters ("00000009" for
--    MD00000009) is found by an index lookup.
-- Both are computed in C++ (persistence/member_search_keys.cpp); the migration's C++ step
-- (persistence/migrations_003_search_keys.cpp) fills them for existing members at the "-- @step" line
-- below. The indexes come after it: built once over the filled column instead of updated row by row.

ALTER TABLE members ADD COLUMN name_sort TEXT {{BINARY}} NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN card_digits TEXT {{BINARY}} NOT NULL DEFAULT '';

-- @step

CREATE INDEX members_name_sort ON members (name_sort, id);
CREATE INDEX members_card_digits ON members (card_digits);
