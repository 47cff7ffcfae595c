#pragma once
// The points ledger as the rest of the program sees it: entries, lots, balances and postings.
// The ledger is append-only (the database refuses UPDATE and DELETE); a correction is a compensating
// entry. Positive entries (earn, positive adjust) are lots with an expiry; negative entries draw on
// lots, nearest-to-expire first, and record which lots they drew on. What no lot covered is owed and
// is paid off by the next lots the member earns.
#include "domain/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md::loyalty {

enum class EntryKind { Earn, Redeem, Adjust, Expire, Reverse };
std::string toCode(EntryKind k); ///< "earn", "redeem", "adjust", "expire", "reverse"
std::optional<EntryKind> parseEntryKind(const std::string& s);

struct LedgerEntry {
    std::int64_t id = 0;
    std::int64_t memberId = 0;
    EntryKind kind = EntryKind::Earn;
    std::int64_t points = 0;     ///< signed
    std::int64_t qualifying = 0; ///< signed; counts toward tiers, never spendable
    std::int64_t spendMinor = 0; ///< signed qualifying spend (purchases +, refunds -)
    Timestamp occurredAt{};
    Date localDate{};
    std::optional<Date> availableOn; ///< lots: first spendable day (pending before)
    std::optional<Date> expiresOn;   ///< lots: last spendable day
    std::string key;                 ///< idempotency key
    std::optional<std::int64_t> transactionId;
    std::optional<std::int64_t> reversesId;
    std::optional<std::int64_t> programmeVersion;
    std::string reason, note;
    std::optional<std::string> breakdown; ///< earn: how the points were computed (JSON)
    std::string actor;
    Timestamp recordedAt{};
};

struct Lot {
    std::int64_t entryId = 0;
    std::int64_t points = 0;    ///< as earned
    std::int64_t remaining = 0; ///< not yet drawn on
    Date earnedOn{};
    Date availableOn{};
    std::optional<Date> expiresOn;
};

/// A member's points on a day.
struct Balance {
    std::int64_t spendable = 0;    ///< available, unexpired lots, less what is owed
    std::int64_t pending = 0;      ///< in lots still inside the return window
    std::int64_t expiringSoon = 0; ///< spendable points in lots expiring within the programme's window
    std::optional<Date> nextExpiry;
    std::int64_t expired = 0;    ///< points that expired (expire entries), all time
    std::int64_t owed = 0;       ///< negative postings no lot covered (a refund after spending)
    std::int64_t qualifying = 0; ///< lifetime qualifying points
    std::int64_t total = 0;      ///< the ledger's sum (the cached balance)
    std::vector<Lot> lots;       ///< lots with points left, nearest expiry first
};

/// One change to a member's points.
struct Posting {
    std::int64_t memberId = 0;
    EntryKind kind = EntryKind::Adjust;
    std::int64_t points = 0; ///< signed: + earn / credit, - redeem / debit
    std::int64_t qualifying = 0;
    std::int64_t spendMinor = 0;
    std::string key; ///< idempotency: a second posting with the same key writes nothing
    Timestamp occurredAt{};
    Date localDate{};
    std::optional<Date> availableOn, expiresOn; ///< positive postings (lots)
    std::optional<std::int64_t> transactionId, reversesId, programmeVersion;
    std::string reason, note;
    std::optional<std::string> breakdown;
    /// Negative postings: refuse (write nothing) unless the spendable balance covers them (redeem and
    /// manual debits). A reverse or expire never needs cover: what is short becomes owed.
    bool requireCover = true;
    /// A reverse draws first on this lot (the purchase's own lot), then on the others.
    std::optional<std::int64_t> preferLot;
};

enum class PostStatus { Posted, Duplicate, Short };
struct PostResult {
    PostStatus status = PostStatus::Posted;
    std::int64_t entryId = 0;   ///< the new entry, or the earlier one with the same key
    std::int64_t spendable = 0; ///< the spendable balance afterwards (Short: the balance that was short)
};

} // namespace md::loyalty
