#pragma once
// members.orders / revenue_minor / first_purchase_at / last_purchase_at, the first consumer of the
// events table. Totals are recomputed set-based from the member's current (not superseded) transactions
// with one UPDATE ... FROM (same SQL on SQLite >= 3.33 and PostgreSQL):
//   orders  = number of purchases; revenue = purchases - refunds;
//   first/last_purchase_at = earliest/latest purchase.
// Recomputing (rather than adding deltas) makes a correction, which can move an order to another member
// or another day, as simple as a new purchase.
#include "persistence/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md::db {

inline constexpr const char* kMemberTotalsConsumer = "member_totals";

/// For the given members only (a member left without transactions goes back to zero). Runs inside the
/// caller's transaction.
void recomputeMemberTotals(Database& db, const std::vector<std::int64_t>& memberIds);
/// For every member (members without transactions go back to zero).
void recomputeAllMemberTotals(Database& db);

/// The consumer: processes the events after its stored position in chunks of `chunk` events, each in
/// one transaction (joining the caller's if one is open) that also moves the position — exactly once,
/// and restartable after a crash at any point. Returns the number of events processed.
std::int64_t processMemberTotals(Database& db, const std::string& now, std::int64_t chunk = 200000);
/// Recomputes every member and moves the position to the newest event, in one transaction.
void rebuildMemberTotals(Database& db, const std::string& now);

} // namespace md::db
