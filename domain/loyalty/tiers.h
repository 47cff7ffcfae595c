#pragma once
// Tier decisions: which tier a member's qualifying figures support, the window they are summed over,
// upgrades (at once, when a threshold is crossed) and reviews (downgrades only there, with grace).
#include "domain/loyalty/programme.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md::loyalty {

struct QualifyingFigures {
    std::int64_t spendMinor = 0; ///< purchases - refunds in the window
    std::int64_t points = 0;     ///< qualifying points in the window
};

/// The window [first, last] (inclusive, programme-local days) for a decision on `day`.
struct Window {
    Date first{}, last{};
};
Window qualifyingWindow(QualifyingWindow kind, Date day, Date joinDate);

/// The highest rank whose entry thresholds the figures meet (0 when none).
int qualifiedRank(const TierLadder& ladder, const QualifyingFigures& f);
/// Whether the figures meet the retention thresholds of the tier of this rank (rank 0 always).
bool retains(const TierLadder& ladder, int rank, const QualifyingFigures& f);

/// A member's stored tier state.
struct TierState {
    int rank = 0;
    std::optional<Date> graceUntil;  ///< set by a failed review while grace runs
    std::optional<int> overrideRank; ///< a manual tier, never a permanent floor: it has an end date
    std::optional<Date> overrideUntil;
    /// A paid membership's tier floor (docs/membership.md) on [floorFrom, floorUntil]: like an override,
    /// never permanent; the earned rank keeps moving underneath.
    std::optional<int> floorRank;
    std::optional<Date> floorFrom, floorUntil;
};

/// The rank the member has on `day`: the highest of their earned rank, the override while it lasts and a
/// paid plan's floor while the membership lasts (an expired override or floor counts for nothing).
int effectiveRank(const TierState& s, Date day);

struct Decision {
    int rank = 0; ///< the earned rank afterwards
    std::optional<Date> graceUntil;
    std::string reason; ///< "upgrade", "retained", "grace_started", "grace_running",
                        ///< "downgrade_one_tier", "downgrade_to_qualified", "unchanged"
};

/// After a purchase: upgrade when the figures reach a higher tier's entry thresholds; never a downgrade.
Decision upgradeOnActivity(const TierLadder& ladder, const TierState& s, const QualifyingFigures& f);

/// A review on `day`: retains -> stays (or upgrades) and any grace ends; fails retention -> grace starts
/// (graceDays > 0 and none running) or continues until it ends; after grace -> down by the ladder's
/// DowngradePolicy (one rank, or straight to the qualified rank). Idempotent for the same inputs.
Decision reviewTier(const TierLadder& ladder, const TierState& s, const QualifyingFigures& f, Date day);

} // namespace md::loyalty
