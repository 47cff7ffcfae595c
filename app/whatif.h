#pragma once
// What-if: how a proposed programme would have treated real members and orders, against what the
// programme in force actually did. Reads only; changes nothing (no version stored, no ledger row).
#include "app/request_context.h"
#include "domain/loyalty/programme.h"
#include "domain/loyalty/whatif.h"
#include "domain/progress.h"
#include "domain/unit_of_work.h"

namespace md::app {

using loyalty::WhatIfMonth;
using loyalty::WhatIfReport;
using loyalty::WhatIfTier;

/// Rates every purchase and refund with a local day in [from, to] under `proposed` and judges every
/// member's tier today under the proposal's thresholds. Throws UserError "programme.invalid" {problems}
/// when the proposal does not validate, "whatif.period" {from, to} when from > to, "programme.none" when
/// no programme is stored; md::Cancelled when progress returns false.
WhatIfReport whatIfProgramme(const RequestContext& ctx, DataStore& store, const loyalty::Programme& proposed,
                             Date from, Date to, const ProgressFn& progress = {});

} // namespace md::app
