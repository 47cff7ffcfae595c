#pragma once
// What a proposed programme would have done over real data, against what the programme in force did:
// the figures of a what-if run (computed by the persistence layer, read-only).
#include "domain/time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md::loyalty {

/// One tier of the current or the proposed ladder (matched by code).
struct WhatIfTier {
    std::string code, nameZh, nameEn;
    int rank = -1;                    ///< in the proposed ladder; -1 when the proposal drops this code
    std::int64_t membersNow = 0;      ///< members whose earned tier today is this code
    std::int64_t membersProposed = 0; ///< members the proposal puts in this tier today
    std::int64_t movingUp = 0;        ///< of membersNow: the proposal puts them in a higher tier
    std::int64_t movingDown = 0;      ///< of membersNow: the proposal puts them in a lower tier
};

/// Points per calendar month of the period (for the chart).
struct WhatIfMonth {
    std::string month; ///< "2026-03"
    std::int64_t currentPoints = 0, proposedPoints = 0;
};

struct WhatIfReport {
    Date from{}, to{};
    Date asOf{};                     ///< the day tiers are judged on (today)
    std::int64_t orders = 0;         ///< purchases and refunds in the period
    std::int64_t members = 0;        ///< members judged for tiers
    std::int64_t currentPoints = 0;  ///< net points the ledger holds for the period (earn + reverse)
    std::int64_t proposedPoints = 0; ///< net points the proposal would have issued for the same orders
    std::int64_t membersUp = 0, membersDown = 0;
    std::vector<WhatIfTier> tiers; ///< the proposal's ladder in rank order, then dropped codes
    std::vector<WhatIfMonth> months;
};

/// What a re-rate did: orders re-rated under the current rules, reversing and re-earning where the
/// points differ (never editing a row).
struct RerateReport {
    Date from{}, to{};
    std::int64_t programmeVersion = 0;
    std::int64_t orders = 0;    ///< purchases in the period
    std::int64_t changed = 0;   ///< orders whose points changed (a reverse and a new earn each)
    std::int64_t unchanged = 0; ///< already earning what the current rules give
    std::int64_t entries = 0;   ///< ledger rows written
    std::int64_t pointsBefore = 0, pointsAfter = 0; ///< net points of the period's orders
    bool finished = true; ///< false: cancelled after a committed chunk (a rerun carries on)
};

} // namespace md::loyalty
