-- MemberDesk schema v7: segments (docs/segments.md).
--  * segments: named rules (the JSON text form), unique by name, with who created and last changed them.
--  * segment_members: a frozen segment's snapshot, the members that matched when it was frozen
--    (segments.frozen_at); a dynamic segment has none and is evaluated whenever it is used.
-- Instants UTC text as elsewhere.
CREATE TABLE segments (
    id {{ID}},
    name TEXT {{BINARY}} NOT NULL UNIQUE,
    rule TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    frozen_at TEXT,
    frozen_by TEXT
);
CREATE TABLE segment_members (
    segment_id BIGINT NOT NULL REFERENCES segments(id),
    member_id BIGINT NOT NULL REFERENCES members(id),
    PRIMARY KEY (segment_id, member_id)
);
-- "Purchases in a category / store / channel within N days" reads only current purchases of that value
-- in the window: with the member in the index it is an index-only range, not a scan of the orders.
CREATE INDEX transactions_category_window ON transactions (category, occurred_at, member_id)
    WHERE kind = 'purchase' AND superseded = 0;
CREATE INDEX transactions_store_window ON transactions (store_code, occurred_at, member_id)
    WHERE kind = 'purchase' AND superseded = 0;
CREATE INDEX transactions_channel_window ON transactions (channel, occurred_at, member_id)
    WHERE kind = 'purchase' AND superseded = 0;
