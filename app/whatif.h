#pragma once
// What-if: how a proposed programme would have treated real members and orders, against what the
// programme in force actually did. Reads only; changes nothing (no version stored, no ledger row).
#include "app/request_context.h"
#include "domain/loyalty/programme.h"
#include "domain/progress.h"
#include "domain/unit_of_work.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md::app {

/// One tier of the current or the proposed ladder (matched by code).
struct WhatIfTier {
    std::string code, nameZh, nameEn;
    int rank = -1;                   ///< in the proposed ladder; -1 when the proposal drops this code
    std::int64_t membersNow = 0;     ///< members whose earned tier today is this code
    std::int64_t membersProposed = 0; ///< members the proposal's thresholds put in this tier today
    std::int64_t movingUp = 0;       ///< of membersNow: the proposal puts them in a higher tier
    std::int64_t movingDown = 0;     ///< of membersNow: the proposal puts them in a lower tier
};

/// Points per calendar month of the period (for the chart).
struct WhatIfMonth {
    std::string month; ///< "2026-03"
    std::int64_t currentPoints = 0, proposedPoints = 0;
};

struct WhatIfReport {
    Date from{}, to{};
    std::int64_t orders = 0;         ///< purchases and refunds in the period
    std::int64_t members = 0;        ///< members judged for tiers
    std::int64_t currentPoints = 0;  ///< net points the ledger holds for those orders (earn - reverse)
    std::int64_t proposedPoints = 0; ///< net points the proposal would have issued for the same orders
    std::int64_t membersUp = 0, membersDown = 0;
    std::vector<WhatIfTier> tiers;   ///< the proposal's ladder in rank order, then dropped codes
    std::vector<WhatIfMonth> months;
};

/// Rates every purchase and refund with a local day in [from, to] under `proposed` and judges every
/// member's tier today under the proposal's thresholds. Throws UserError "programme.invalid" {problems}
/// when the proposal does not validate, "whatif.period" {from, to} when from > to, "programme.none" when
/// no programme is stored; md::Cancelled when progress returns false.
WhatIfReport whatIfProgramme(const RequestContext& ctx, DataStore& store, const loyalty::Programme& proposed,
                             Date from, Date to, const ProgressFn& progress = {});

} // namespace md::app
