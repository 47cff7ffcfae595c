#include "persistence/event_log.h"

#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

namespace {

// Any fixed number will do, as long as nothing else in the database uses it for an advisory lock.
constexpr long long kEventLockKey = 0x4D444556454E5453LL; // "MDEVENTS"

constexpr const char* kEventColumns =
    "id, type, member_id, entity_id, occurred_at, recorded_at, actor, payload";

Event eventFromRow(const soci::row& r) {
    Event e;
    e.id = rowInt(r, 0);
    e.type = rowText(r, 1);
    if (r.get_indicator(2) != soci::i_null) e.memberId = rowInt(r, 2);
    if (r.get_indicator(3) != soci::i_null) e.entityId = rowInt(r, 3);
    if (auto t = parseTimestamp(rowText(r, 4)); t.ok()) e.occurredAt = t.value();
    if (auto t = parseTimestamp(rowText(r, 5)); t.ok()) e.recordedAt = t.value();
    e.actor = rowText(r, 6);
    e.payload = rowText(r, 7);
    return e;
}

std::vector<Event> query(Database& db, const std::string& where, QueryArgs args) {
    std::vector<Event> out;
    args.forEachRow(db.sql(), std::string("SELECT ") + kEventColumns + " FROM events " + where,
                    [&](const soci::row& r) { out.push_back(eventFromRow(r)); });
    return out;
}

} // namespace

void lockForEventWriting(Database& db) {
    db.dialect().advisoryLock(db, kEventLockKey, true);
}

void lockForEventConsuming(Database& db) {
    db.dialect().advisoryLock(db, kEventLockKey, false);
}

std::int64_t SociEventLog::append(Event e) {
    return withSqlErrors(m_db, "Could not record the event " + e.type, [&] {
        WriteTransaction tx(m_db);
        lockForEventWriting(m_db);
        const std::string occurred = formatTimestamp(e.occurredAt);
        const std::string recorded = formatTimestamp(e.recordedAt);
        long long memberId = e.memberId.value_or(0), entityId = e.entityId.value_or(0), id = 0;
        soci::indicator memberInd = e.memberId ? soci::i_ok : soci::i_null;
        soci::indicator entityInd = e.entityId ? soci::i_ok : soci::i_null;
        {
            // Scoped: SQLite refuses COMMIT while a RETURNING statement is still open.
            soci::statement st = (m_db.sql().prepare << "INSERT INTO events (type, member_id, entity_id, "
                                                        "occurred_at, recorded_at, actor, payload) VALUES "
                                                        "(:t, :m, :e, :o, :r, :a, :p) RETURNING id",
                                  soci::use(e.type), soci::use(memberId, memberInd),
                                  soci::use(entityId, entityInd), soci::use(occurred), soci::use(recorded),
                                  soci::use(e.actor), soci::use(e.payload), soci::into(id));
            st.execute(true);
        }
        tx.commit();
        return static_cast<std::int64_t>(id);
    });
}

std::vector<Event> SociEventLog::after(std::int64_t afterId, int limit) {
    return withSqlErrors(m_db, "Could not read the events", [&] {
        return query(m_db, "WHERE id > :a ORDER BY id LIMIT :n",
                     QueryArgs().integer("a", afterId).integer("n", limit));
    });
}

std::vector<Event> SociEventLog::forMember(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the events of member #" + std::to_string(memberId), [&] {
        return query(m_db, "WHERE member_id = :m ORDER BY id", QueryArgs().integer("m", memberId));
    });
}

void appendTransactionEvents(Database& db, std::int64_t afterTransactionId, const std::string& actor,
                             const std::string& recordedAt) {
    lockForEventWriting(db);
    // In the order the orders happened (a file or the demo lists them member by member): the loyalty
    // engine rates in event order, so programme-wide budgets and tier windows see them as they came.
    long long after = afterTransactionId;
    std::string who = actor, at = recordedAt;
    db.sql() << "INSERT INTO events (type, member_id, entity_id, occurred_at, recorded_at, actor, payload) "
                "SELECT CASE WHEN replaces_id IS NOT NULL THEN 'transaction_corrected' "
                "WHEN kind = 'refund' THEN 'refund_recorded' ELSE 'purchase_recorded' END, "
                "member_id, id, occurred_at, :at, :who, "
                "CASE WHEN replaces_id IS NULL THEN '{}' "
                "ELSE '{\"replaces\":' || CAST(replaces_id AS TEXT) || '}' END "
                "FROM transactions WHERE id > :after ORDER BY occurred_at, id",
        soci::use(at, "at"), soci::use(who, "who"), soci::use(after, "after");
}

void appendMemberJoinedEvents(Database& db, std::int64_t afterMemberId, const std::string& actor,
                              const std::string& recordedAt) {
    lockForEventWriting(db);
    long long after = afterMemberId;
    std::string who = actor, at = recordedAt;
    db.sql() << "INSERT INTO events (type, member_id, entity_id, occurred_at, recorded_at, actor) "
                "SELECT 'member_joined', id, id, join_date || 'T00:00:00Z', :at, :who "
                "FROM members WHERE id > :after ORDER BY id",
        soci::use(at, "at"), soci::use(who, "who"), soci::use(after, "after");
    // A new member who said yes is a consent given, as when an agent adds one (app::addMember).
    for (const char* channel : {"email", "sms"}) {
        const std::string column = std::string(channel) + "_consent";
        db.sql()
            << "INSERT INTO events (type, member_id, entity_id, occurred_at, recorded_at, actor, payload) "
               "SELECT 'consent_changed', id, id, COALESCE(" +
                   column + "_at, :at), :at, :who, '{\"channel\":\"" + channel +
                   "\",\"granted\":true}' FROM members WHERE id > :after AND " + column + " = 1 ORDER BY id",
            soci::use(at, "at"), soci::use(who, "who"), soci::use(after, "after");
    }
}

std::int64_t maxId(Database& db, const std::string& table) {
    return QueryArgs().scalar(db.sql(), "SELECT COALESCE(MAX(id), 0) FROM " + table);
}

std::int64_t consumerPosition(Database& db, const std::string& consumer) {
    return QueryArgs()
        .text("c", consumer)
        .scalar(db.sql(), "SELECT last_event_id FROM consumer_positions WHERE consumer = :c");
}

void setConsumerPosition(Database& db, const std::string& consumer, std::int64_t lastEventId,
                         const std::string& at) {
    std::string c = consumer, when = at;
    long long id = lastEventId;
    int n = 0;
    db.sql() << "SELECT COUNT(*) FROM consumer_positions WHERE consumer = :c", soci::use(c), soci::into(n);
    if (n == 0)
        db.sql()
            << "INSERT INTO consumer_positions (consumer, last_event_id, updated_at) VALUES (:c, :i, :a)",
            soci::use(c), soci::use(id), soci::use(when);
    else
        db.sql() << "UPDATE consumer_positions SET last_event_id = :i, updated_at = :a WHERE consumer = :c",
            soci::use(id), soci::use(when), soci::use(c);
}

} // namespace md::db
