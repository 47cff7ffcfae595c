#pragma once
// Keyset paging of the member list by a loyalty column (tier rank, points balance), which lives in
// its own table keyed by member (member_tiers, member_points; ARCHITECTURE.md: fast-changing state stays
// off members) and has an index on (value, member_id) there (004_loyalty.sql). A member without a row
// counts as value 0. So a page is the merge of two keyset ranges, each answered from an index and
// stopped after `limit` rows: the rows of the loyalty table after the key (its (value, member_id)
// index, then one primary-key lookup into members per row), and — only when the page reaches value 0
// — the members without a row after the key (members' primary key, each probed in the loyalty table's
// primary key).
#include "domain/member_browsing.h"
#include "persistence/database.h"

#include <optional>
#include <vector>

namespace md::db {

bool isLoyaltyColumn(SortColumn c);

std::vector<MemberRow> loyaltyPageAfter(Database& db, SortColumn c, bool asc,
                                        const std::optional<RowKey>& after, int limit);
/// The keys of rows 0, step, 2*step ... in the merged order: one pass over the loyalty table's index
/// merged with the (id-ordered) members that have no row.
std::vector<RowKey> loyaltyAnchors(Database& db, SortColumn c, bool asc, int step);
/// The value a row sorts by ("3", "1250").
std::string loyaltyValue(SortColumn c, const MemberRow& row);

} // namespace md::db
