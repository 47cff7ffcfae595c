#pragma once
// Internal: reading and writing points ledger rows (one column list for every reader).
#include "domain/loyalty/ledger.h"
#include "persistence/database.h"

#include <optional>
#include <string>

namespace soci {
class row;
}

namespace md::db {

inline constexpr const char* kLedgerColumns =
    "id, member_id, kind, points, qualifying, spend_minor, occurred_at, local_date, available_on, "
    "expires_on, "
    "idempotency_key, transaction_id, reverses_id, programme_version, reason, note, breakdown, actor, "
    "recorded_at";

loyalty::LedgerEntry ledgerEntryFromRow(const soci::row& r);
/// Inserts the posting as a ledger row; returns its id.
std::int64_t insertLedgerEntry(Database& db, const loyalty::Posting& p, const std::string& actor,
                               const std::string& recordedAt);

Date rowDate(const soci::row& r, std::size_t i); ///< throws DatabaseError for an unreadable date
std::optional<Date> rowOptDate(const soci::row& r, std::size_t i);

} // namespace md::db
