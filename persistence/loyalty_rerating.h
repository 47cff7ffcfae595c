#pragma once
// Internal to re-rating and what-if (orders rated again, outside the engine's event stream): which tier
// a member held on a past day, the tier an earn was rated with, caps and budgets counted over the orders
// being rated, and the proportional share a refund takes back.
#include "domain/loyalty/earning.h"
#include "domain/time.h"
#include "persistence/database.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace md::db {

/// Tier history from the recorded tier changes.
class TierTimeline {
public:
    /// Reads every recorded tier change once (far fewer rows than orders).
    static TierTimeline load(Database& db);
    /// The tier code the member held on `day` ("" before any recorded change: the base tier).
    const std::string& tierOn(std::int64_t member, Date day) const;

private:
    struct Change {
        Date on{};
        std::string to;
    };
    std::unordered_map<std::int64_t, std::vector<Change>> m_changes; ///< per member, in recorded order
};

/// The "tier" field of a stored breakdown ({"points":..,"qualifying":..,"tier":"GOLD",...}); "" when the
/// breakdown has none.
std::string breakdownTier(const std::string& json);

/// Per-member caps and programme budgets, counted over the orders a run rates (re-rating reverses the
/// earns it replaces, so their usage no longer counts; what-if starts from nothing).
class RuleUsageCounter {
public:
    loyalty::RuleUsage forOrder(const loyalty::Programme& p, Date day, std::int64_t member) const;
    void add(const loyalty::Programme& p, Date day, std::int64_t member, const loyalty::Earning& e);

private:
    std::int64_t used(const std::string& key) const;
    std::unordered_map<std::string, std::int64_t> m_used; ///< rule, period key, member (0: budget)
};

/// What a refund of `part` of `whole` takes back of `points`, rounded half up, never more than points.
std::int64_t refundShare(std::int64_t points, std::int64_t part, std::int64_t whole);

} // namespace md::db
