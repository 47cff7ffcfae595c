#include "persistence/member_totals.h"

#include "persistence/bulk_loader.h"

#include <soci/soci.h>

namespace md::db {

namespace {

// The aggregate of one member's transactions; `source` names the rows grouped by member_id.
std::string totalsUpdate(const std::string& source, const std::string& groupKey) {
    return "UPDATE members SET orders = agg.orders, revenue_minor = agg.revenue, "
           "first_purchase_at = agg.first_at, last_purchase_at = agg.last_at FROM ("
           "SELECT " +
           groupKey +
           " AS member_id, "
           "COUNT(CASE WHEN t.kind = 'purchase' THEN 1 END) AS orders, "
           "COALESCE(SUM(CASE WHEN t.kind = 'purchase' THEN t.amount_minor "
           "WHEN t.kind = 'refund' THEN -t.amount_minor ELSE 0 END), 0) AS revenue, "
           "MIN(CASE WHEN t.kind = 'purchase' THEN t.occurred_at END) AS first_at, "
           "MAX(CASE WHEN t.kind = 'purchase' THEN t.occurred_at END) AS last_at "
           "FROM " +
           source + " GROUP BY " + groupKey + ") agg WHERE members.id = agg.member_id";
}

} // namespace

void recomputeMemberTotals(Database& db, const std::vector<std::int64_t>& memberIds) {
    if (memberIds.empty()) return;
    TempTable affected(db, "md_import_affected", "SELECT id AS member_id FROM members");
    BulkWriter ids(db, affected.name(), {{"member_id", ColumnType::Integer}}, 50000);
    for (auto id : memberIds)
        ids.integer(id).endRow();
    ids.flush();
    affected.analyze();
    // LEFT JOIN: a member whose last transaction moved to another card gets zero, not stale totals.
    db.sql() << totalsUpdate(affected.name() + " a LEFT JOIN transactions t ON t.member_id = a.member_id",
                             "a.member_id");
    affected.drop();
}

void recomputeAllMemberTotals(Database& db) {
    db.sql() << totalsUpdate("transactions t", "t.member_id");
}

} // namespace md::db
