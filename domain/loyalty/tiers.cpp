#include "domain/loyalty/tiers.h"

#include <algorithm>

namespace md::loyalty {

using namespace std::chrono;

namespace {

/// The date y/m/d, or the last day of that month when d does not exist in it (Feb 29 in a common year).
Date clampedDate(year y, month m, day d) {
    const year_month_day ymd{y, m, d};
    if (ymd.ok()) return Date{ymd};
    return Date{y / m / last};
}

const Tier* tierOfRank(const TierLadder& ladder, int rank) {
    for (const Tier& t : ladder.tiers)
        if (t.rank == rank) return &t;
    return nullptr;
}

/// Whether spend/points reach the thresholds under the mode; a threshold of 0 is not used. With no
/// threshold used there is nothing to reach: `none` says what that means to the caller.
bool meets(ThresholdMode mode, std::int64_t spendThreshold, std::int64_t pointsThreshold,
           const QualifyingFigures& f, bool none) {
    const bool useSpend = spendThreshold > 0;
    const bool usePoints = pointsThreshold > 0;
    if (!useSpend && !usePoints) return none;
    const bool spendMet = useSpend && f.spendMinor >= spendThreshold;
    const bool pointsMet = usePoints && f.points >= pointsThreshold;
    if (mode == ThresholdMode::Any) return spendMet || pointsMet;
    return (!useSpend || spendMet) && (!usePoints || pointsMet);
}

/// Where a member who is not kept in their tier lands, and the grace they then have in the new tier:
/// when the figures do not keep that tier either, its grace starts at once (graceUntil = day + its
/// graceDays, so with no grace days: through `day` only). Without this a second review on the same day
/// would start grace or drop again, and reviews would not be idempotent.
Decision downgrade(const TierLadder& ladder, const TierState& s, const QualifyingFigures& f, Date day) {
    const int qualified = qualifiedRank(ladder, f);
    Decision d;
    if (ladder.downgrade == DowngradePolicy::ToQualifiedTier) {
        d.rank = qualified;
        d.reason = "downgrade_to_qualified";
        return d; // the figures support this tier by definition: nothing left to fail
    }
    d.rank = std::max(s.rank - 1, qualified);
    d.reason = "downgrade_one_tier";
    if (d.rank > qualified && !retains(ladder, d.rank, f)) {
        const Tier* t = tierOfRank(ladder, d.rank);
        d.graceUntil = day + days{t ? t->graceDays : 0};
    }
    return d;
}

} // namespace

Window qualifyingWindow(QualifyingWindow kind, Date day, Date joinDate) {
    const year_month_day ymd{day};
    switch (kind) {
    case QualifyingWindow::Rolling12Months:
        // One year back, then the day after: 365 days, 366 when the window holds a Feb 29.
        return {clampedDate(ymd.year() - years{1}, ymd.month(), ymd.day()) + days{1}, day};
    case QualifyingWindow::CalendarYear:
        return {Date{ymd.year() / January / 1}, day};
    case QualifyingWindow::Anniversary: {
        const year_month_day join{joinDate};
        Date start = clampedDate(ymd.year(), join.month(), join.day());
        if (start > day) start = clampedDate(ymd.year() - years{1}, join.month(), join.day());
        return {start, day};
    }
    }
    return {day, day};
}

int qualifiedRank(const TierLadder& ladder, const QualifyingFigures& f) {
    int best = 0;
    for (const Tier& t : ladder.tiers)
        if (t.rank > best && meets(t.mode, t.entrySpendMinor, t.entryPoints, f, false)) best = t.rank;
    return best;
}

bool retains(const TierLadder& ladder, int rank, const QualifyingFigures& f) {
    if (rank <= 0) return true;
    const Tier* t = tierOfRank(ladder, rank);
    if (!t) return false; // a rank the ladder no longer has cannot be kept
    return meets(t->mode, t->retainSpendMinor, t->retainPoints, f, true);
}

int effectiveRank(const TierState& s, Date day) {
    int rank = s.rank;
    if (s.overrideRank && s.overrideUntil && day <= *s.overrideUntil) rank = std::max(rank, *s.overrideRank);
    if (s.floorRank && s.floorFrom && s.floorUntil && *s.floorFrom <= day && day <= *s.floorUntil)
        rank = std::max(rank, *s.floorRank);
    return rank;
}

Decision upgradeOnActivity(const TierLadder& ladder, const TierState& s, const QualifyingFigures& f) {
    const int qualified = qualifiedRank(ladder, f);
    if (qualified > s.rank) return {qualified, std::nullopt, "upgrade"};
    return {s.rank, s.graceUntil, "unchanged"};
}

Decision reviewTier(const TierLadder& ladder, const TierState& s, const QualifyingFigures& f, Date day) {
    const int qualified = qualifiedRank(ladder, f);
    // Figures that would let the member enter the tier also keep it, whatever its retention thresholds
    // say (they may use the other measure): otherwise a downgrade to the qualified tier could fail its
    // own next review.
    if (qualified >= s.rank || retains(ladder, s.rank, f)) {
        if (qualified > s.rank) return {qualified, std::nullopt, "upgrade"};
        return {s.rank, std::nullopt, "retained"};
    }
    if (s.graceUntil) {
        if (day <= *s.graceUntil) return {s.rank, s.graceUntil, "grace_running"};
        return downgrade(ladder, s, f, day);
    }
    const Tier* current = tierOfRank(ladder, s.rank);
    if (current && current->graceDays > 0) return {s.rank, day + days{current->graceDays}, "grace_started"};
    return downgrade(ladder, s, f, day);
}

} // namespace md::loyalty
