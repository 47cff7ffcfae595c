#pragma once
// Internal: the derived columns members are searched and sorted by that need more than ASCII rules
// (domain/member_query.h has those): name_sort, an ICU collation key, and card_digits. Every writer of
// members (repository, import, demo loader, migration 003's backfill) computes them here.
#include <string>
#include <string_view>

namespace md::db {

/// The name's ICU sort key for Chinese ("zh": pinyin order for Han, Latin letters alphabetical) as
/// lower-case hex, so that comparing the text byte by byte (COLLATE BINARY / "C") orders names as the
/// collator would, on both backends. The key depends on the ICU version's collation data: a program
/// built against another ICU computes other keys, so the keys are rewritten when that version changes
/// (see nameSortVersion()).
std::string nameSortKey(std::string_view name);

/// The collation data version nameSortKey() uses ("153.112"), recorded when keys are computed.
std::string nameSortVersion();

/// The digits of a card number, for cards typed without their letters (md::cardDigits).
std::string cardDigitsKey(std::string_view card);

} // namespace md::db
