#include "app/rerate.h"

#include "app/programme.h"
#include "domain/user_error.h"

namespace md::app {

loyalty::RerateReport rerate(const RequestContext& ctx, DataStore& store, Date from, Date to,
                             const ProgressFn& progress) {
    if (from > to)
        throw UserError("rerate.period", {{"from", formatDate(from)}, {"to", formatDate(to)}},
                        "the period starts after it ends");
    if (to > ctx.today())
        throw UserError("rerate.future", {{"to", formatDate(to)}}, "the period ends in the future");
    const auto p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    // Orders not yet rated would otherwise earn twice: once here, once when the engine reaches them.
    runLoyaltyEngine(ctx, store, progress);
    const auto report = store.rerate(*p, p->version, from, to, ctx.zone, ctx.actor, ctx.now(), progress);
    auto uow = store.write();
    uow->audit(ctx.actor, "rerate", "programme", std::to_string(p->version), std::nullopt,
               "{\"from\":\"" + formatDate(from) + "\",\"to\":\"" + formatDate(to) + "\",\"orders\":" +
                   std::to_string(report.orders) + ",\"changed\":" + std::to_string(report.changed) +
                   ",\"entries\":" + std::to_string(report.entries) +
                   ",\"finished\":" + (report.finished ? "true" : "false") + "}");
    uow->commit();
    return report;
}

} // namespace md::app
