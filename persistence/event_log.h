#pragma once
// The events table (append-only; triggers refuse UPDATE and DELETE) and the lock that keeps consumers
// from skipping an event: on PostgreSQL ids are taken from a sequence before commit, so a transaction
// with a lower id can commit after one with a higher id. Writers hold a shared advisory lock until they
// commit; a consumer takes it exclusively, so when it reads, every event up to the newest is committed.
// SQLite has one writer at a time and needs nothing.
#include "domain/events.h"
#include "persistence/database.h"

namespace md::db {

/// Call in every transaction that appends events, before the first append (repeating is harmless).
void lockForEventWriting(Database& db);
/// Call in a consumer's transaction before reading its position.
void lockForEventConsuming(Database& db);

class SociEventLog : public EventLog {
public:
    explicit SociEventLog(Database& db) : m_db(db) {}
    std::int64_t append(Event e) override;
    std::vector<Event> after(std::int64_t afterId, int limit) override;
    std::vector<Event> forMember(std::int64_t memberId) override;

private:
    Database& m_db;
};

/// Set-based: one purchase_recorded / refund_recorded / transaction_corrected event per transaction
/// row with id > afterTransactionId, in the order they happened (bulk imports and the demo).
void appendTransactionEvents(Database& db, std::int64_t afterTransactionId, const std::string& actor,
                             const std::string& recordedAt);
/// Set-based: one member_joined event per member with id > afterMemberId, then consent_changed
/// (granted) for each of those members' channels with consent given.
void appendMemberJoinedEvents(Database& db, std::int64_t afterMemberId, const std::string& actor,
                              const std::string& recordedAt);
/// The largest id in table ("members", "transactions", "events"), 0 when empty.
std::int64_t maxId(Database& db, const std::string& table);

/// The stored position of a consumer (0 when it never ran) and moving it.
std::int64_t consumerPosition(Database& db, const std::string& consumer);
void setConsumerPosition(Database& db, const std::string& consumer, std::int64_t lastEventId,
                         const std::string& at);

} // namespace md::db
