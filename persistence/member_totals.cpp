#include "persistence/member_totals.h"

#include "persistence/bulk_loader.h"
#include "persistence/event_log.h"
#include "persistence/native_sql.h"

#include <soci/soci.h>

namespace md::db {

namespace {

// The aggregate of one member's current transactions; `source` names the rows grouped by member_id.
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

// LEFT JOIN: a member whose last transaction moved to another card gets zero, not stale totals.
void recomputeListed(Database& db, const TempTable& affected) {
    db.sql() << totalsUpdate(
        affected.name() + " a LEFT JOIN transactions t ON t.member_id = a.member_id AND t.superseded = 0",
        "a.member_id");
}

// Events that change a member's totals, and for a correction also the member of the replaced row.
const char* const kTouchedMembers =
    "SELECT e.member_id FROM events e WHERE e.id > :a1 AND e.id <= :b1 AND e.member_id IS NOT NULL "
    "AND e.type IN ('purchase_recorded', 'refund_recorded', 'transaction_corrected') "
    "UNION SELECT o.member_id FROM events e JOIN transactions n ON n.id = e.entity_id "
    "JOIN transactions o ON o.id = n.replaces_id "
    "WHERE e.id > :a2 AND e.id <= :b2 AND e.type = 'transaction_corrected'";

} // namespace

void recomputeMemberTotals(Database& db, const std::vector<std::int64_t>& memberIds) {
    if (memberIds.empty()) return;
    TempTable affected(db, "md_import_affected", "SELECT id AS member_id FROM members");
    BulkWriter ids(db, affected.name(), {{"member_id", ColumnType::Integer}}, 50000);
    for (auto id : memberIds)
        ids.integer(id).endRow();
    ids.flush();
    affected.analyze();
    recomputeListed(db, affected);
    affected.drop();
}

void recomputeAllMemberTotals(Database& db) {
    db.sql() << "UPDATE members SET orders = 0, revenue_minor = 0, first_purchase_at = NULL, "
                "last_purchase_at = NULL";
    db.sql() << totalsUpdate("transactions t WHERE t.superseded = 0", "t.member_id");
}

std::int64_t processMemberTotals(Database& db, const std::string& now, std::int64_t chunk) {
    std::int64_t processed = 0;
    for (;;) {
        WriteTransaction tx(db);
        lockForEventConsuming(db);
        const std::int64_t from = consumerPosition(db, kMemberTotalsConsumer);
        const std::int64_t newest = maxId(db, "events");
        if (newest <= from) {
            tx.commit();
            return processed;
        }
        const std::int64_t to = std::min(newest, from + chunk);
        TempTable affected(db, "md_totals_affected", "SELECT id AS member_id FROM members");
        // Each bound name once: SOCI binds by position on some backends.
        long long a1 = from, b1 = to, a2 = from, b2 = to;
        db.sql() << "INSERT INTO " + affected.name() + " (member_id) " + kTouchedMembers, soci::use(a1, "a1"),
            soci::use(b1, "b1"), soci::use(a2, "a2"), soci::use(b2, "b2");
        affected.analyze();
        recomputeListed(db, affected);
        affected.drop();
        setConsumerPosition(db, kMemberTotalsConsumer, to, now);
        tx.commit();
        processed += to - from;
    }
}

void rebuildMemberTotals(Database& db, const std::string& now) {
    WriteTransaction tx(db);
    lockForEventConsuming(db);
    recomputeAllMemberTotals(db);
    setConsumerPosition(db, kMemberTotalsConsumer, maxId(db, "events"), now);
    tx.commit();
}

} // namespace md::db
