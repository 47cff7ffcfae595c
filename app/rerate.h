#pragma once
// Re-rating: the current rules applied again to a past period (after a rule was fixed or a promotion
// was set up late). Reverses and re-earns with clear reasons; never edits a ledger row.
#include "app/request_context.h"
#include "domain/loyalty/whatif.h"
#include "domain/progress.h"
#include "domain/unit_of_work.h"

namespace md::app {

/// Rates the engine's backlog first, then re-rates every live purchase whose local day is in [from, to]
/// under the programme in force today. Idempotent: a second run with the same rules writes nothing.
/// Throws UserError "rerate.period" {from, to} when from > to, "rerate.future" {to} when to is after
/// today, "programme.none". Cancelling stops after a committed chunk (report.finished false).
loyalty::RerateReport rerate(const RequestContext& ctx, DataStore& store, Date from, Date to,
                             const ProgressFn& progress = {});

} // namespace md::app
