// validateProgramme, third part: paid membership plans (docs/membership.md).
#include "domain/loyalty/programme_validation_detail.h"

#include <algorithm>

namespace md::loyalty::detail {

namespace {

void checkPlan(Problems& out, const Programme& p, const Plan& x, std::size_t i,
               std::set<std::string>& codes) {
    const std::string path = at("plans", i);
    out.code(path + ".code", x.code, codes, "plan");
    out.text(path + ".name_zh", x.nameZh, true, "the plan's Chinese name");
    out.text(path + ".name_en", x.nameEn, true, "the plan's English name");
    if (x.feeMinor < 1)
        out.add(path + ".fee", "out_of_range",
                "the fee of plan " + x.code + " is " + yuan(x.feeMinor) + "; it must be at least 0.01");
    if ((x.termMonths > 0) == (x.termDays > 0))
        out.add(path + ".term_months", "plan_term",
                "plan " + x.code + " needs exactly one term: term_months or term_days");
    else if (x.termMonths > 0)
        out.range(path + ".term_months", x.termMonths, 1, 120, "the term in months");
    else
        out.range(path + ".term_days", x.termDays, 1, 3660, "the term in days");
    if (!x.floorTier.empty() && !findTier(p, x.floorTier))
        out.add(path + ".floor_tier", "unknown_tier",
                "plan " + x.code + " names floor tier \"" + x.floorTier + "\", which is not in the ladder");
    out.range(path + ".points_percent", x.pointsPercent, 100, 1000, "the plan's points multiplier percent");
    for (std::size_t k = 0; k < x.benefits.size(); ++k) {
        const std::string& code = x.benefits[k];
        const bool known = std::any_of(p.benefits.begin(), p.benefits.end(),
                                       [&](const Benefit& b) { return b.code == code; });
        if (!known)
            out.add(at(path + ".benefits", k), "unknown_benefit",
                    "plan " + x.code + " names benefit \"" + code + "\", which is not in the benefits");
    }
}

} // namespace

void checkPlans(Problems& out, const Programme& p) {
    std::set<std::string> codes;
    for (std::size_t i = 0; i < p.plans.size(); ++i)
        checkPlan(out, p, p.plans[i], i, codes);
}

} // namespace md::loyalty::detail
