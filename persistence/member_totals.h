#pragma once
// members.orders / revenue_minor / first_purchase_at / last_purchase_at, recomputed from transactions
// with one set-based UPDATE ... FROM (same SQL on SQLite >= 3.33 and PostgreSQL):
//   orders  = number of purchases; revenue = purchases - refunds;
//   first/last_purchase_at = earliest/latest purchase.
#include "persistence/database.h"

#include <cstdint>
#include <vector>

namespace md::db {

/// For the given members only (a member left without transactions goes back to zero). Runs inside the
/// caller's transaction.
void recomputeMemberTotals(Database& db, const std::vector<std::int64_t>& memberIds);
/// For every member that has transactions (members without any keep their stored totals).
void recomputeAllMemberTotals(Database& db);

} // namespace md::db
