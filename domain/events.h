#pragma once
// What happened, as other parts of the system need to hear it. A write that others react to appends
// an event in the same transaction; consumers (member totals today; the loyalty engine, journeys and
// daily aggregates later) read events after their stored position and move it in their own
// transaction, so each event is processed exactly once and a consumer can be rebuilt by replaying.
#include "time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

namespace event {
inline constexpr const char* kMemberJoined = "member_joined";
inline constexpr const char* kMemberChanged = "member_changed";
inline constexpr const char* kConsentChanged = "consent_changed";
inline constexpr const char* kPurchaseRecorded = "purchase_recorded";
inline constexpr const char* kRefundRecorded = "refund_recorded";
/// A stored order was replaced by a correction row (entity = the new row; it names the old one).
inline constexpr const char* kTransactionCorrected = "transaction_corrected";
inline constexpr const char* kStoreChanged = "store_changed";
inline constexpr const char* kSettingChanged = "setting_changed";
/// A points ledger entry was written (entity = the entry).
inline constexpr const char* kPointsPosted = "points_posted";
/// A member's tier changed (entity = the tier_changes row).
inline constexpr const char* kTierChanged = "tier_changed";
} // namespace event

struct Event {
    std::int64_t id = 0; ///< assigned when stored; increasing
    std::string type;    ///< one of md::event::k*
    std::optional<std::int64_t> memberId;
    std::optional<std::int64_t> entityId; ///< the transaction, store, ... the event is about
    Timestamp occurredAt{};               ///< when it happened in the business (a purchase's time)
    Timestamp recordedAt{};               ///< when it was written
    std::string actor;
    std::string payload = "{}"; ///< JSON object with type-specific detail
};

/// Appends events inside the caller's unit of work.
class EventLog {
public:
    virtual ~EventLog() = default;
    /// Stores e (id and recordedAt are assigned) in the current transaction; returns the new id.
    virtual std::int64_t append(Event e) = 0;
    /// Events after `afterId`, oldest first, at most `limit`.
    virtual std::vector<Event> after(std::int64_t afterId, int limit) = 0;
    /// Events of one member, oldest first.
    virtual std::vector<Event> forMember(std::int64_t memberId) = 0;
};

} // namespace md
