#pragma once
// Use cases on tiers: history, manual override (always with an end date and a reason), review.
#include "app/request_context.h"
#include "domain/loyalty/loyalty_repository.h"
#include "domain/unit_of_work.h"

#include <string>
#include <vector>

namespace md::app {

/// Where a member stands: the tier in force today, what it takes to reach the next one and to keep
/// this one ("spend ¥320 more by 2027-03-31 to reach Gold").
struct TierProgress {
    std::optional<loyalty::Tier> tier;  ///< in force today (an override while it lasts)
    std::optional<loyalty::Tier> next;  ///< the next rank up from the earned tier; none at the top
    loyalty::QualifyingFigures figures; ///< in the current window
    loyalty::Window window;
    std::int64_t spendToNext = 0, pointsToNext = 0; ///< 0: that threshold is met or not used
    std::int64_t spendToKeep = 0, pointsToKeep = 0; ///< for the earned tier's retention
    /// The last day of the window the figures must be reached in; none for a rolling window (the
    /// oldest purchases keep dropping out).
    std::optional<Date> by;
    std::optional<Date> overrideUntil, graceUntil;
    std::int64_t programmeVersion = 0; ///< the version the figures were judged by
};
/// Throws UserError "member.unknown_card" {card}; nullopt without a programme.
std::optional<TierProgress> tierProgress(const RequestContext& ctx, DataStore& store, std::int64_t memberId);

std::vector<loyalty::TierChange> tierHistory(const RequestContext& ctx, DataStore& store,
                                             const std::string& card);

/// A manual tier until a date, with a reason: never a permanent floor. Throws UserError
/// "tier.unknown" {tier, known}, "tier.until_past" {until}, "tier.reason_required", "programme.none".
void setTier(const RequestContext& ctx, DataStore& store, const std::string& card, const std::string& tier,
             Date until, const std::string& reason);

/// Reviews every member's tier on asOf under the programme in force then (dry run: decides, writes
/// nothing). Throws UserError "programme.none".
loyalty::ReviewReport reviewTiers(const RequestContext& ctx, DataStore& store, Date asOf, bool dryRun);

} // namespace md::app
