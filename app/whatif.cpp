#include "app/whatif.h"

#include "app/programme.h"
#include "domain/user_error.h"

namespace md::app {

WhatIfReport whatIfProgramme(const RequestContext& ctx, DataStore& store, const loyalty::Programme& proposed,
                             Date from, Date to, const ProgressFn& progress) {
    if (from > to)
        throw UserError("whatif.period", {{"from", formatDate(from)}, {"to", formatDate(to)}},
                        "the period starts after it ends");
    if (const auto problems = loyalty::validateProgramme(proposed); !problems.empty()) {
        std::string text;
        for (const auto& p : problems)
            text += (text.empty() ? "" : "; ") + p.field + ": " + p.message;
        throw UserError("programme.invalid", {{"problems", text}},
                        "the proposed programme is not valid: " + text);
    }
    const auto inForce = currentProgramme(ctx, store);
    if (!inForce) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    return store.whatIf(proposed, *inForce, from, to, ctx.today(), ctx.zone, progress);
}

} // namespace md::app
