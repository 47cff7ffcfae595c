// validateProgramme, second half: benefits and earning rules.
#include "domain/loyalty/programme_validation_detail.h"

#include <algorithm>
#include <map>

namespace md::loyalty::detail {

namespace {

bool isBonus(RuleKind k) {
    return k != RuleKind::Base && k != RuleKind::TierMultiplier && k != RuleKind::Referral;
}

void checkBenefit(Problems& out, const Programme& p, const Benefit& b, std::size_t i,
                  std::set<std::string>& codes) {
    const std::string path = at("benefits", i);
    out.code(path + ".code", b.code, codes, "benefit");
    // A benefit only a paid plan grants names no tier.
    const bool ofPlan = std::any_of(p.plans.begin(), p.plans.end(), [&](const Plan& x) {
        return std::find(x.benefits.begin(), x.benefits.end(), b.code) != x.benefits.end();
    });
    if (b.tiers.empty() && !ofPlan)
        out.add(path + ".tiers", "benefit_without_tier", "benefit " + b.code + " names no tier");
    for (std::size_t k = 0; k < b.tiers.size(); ++k)
        if (!findTier(p, b.tiers[k]))
            out.add(at(path + ".tiers", k), "unknown_tier",
                    "benefit " + b.code + " names tier \"" + b.tiers[k] + "\", which is not in the ladder");
    if (b.effectiveTo && *b.effectiveTo < b.effectiveFrom)
        out.add(path + ".effective_to", "date_order",
                "benefit " + b.code + " ends on " + formatDate(*b.effectiveTo) + ", before it starts on " +
                    formatDate(b.effectiveFrom));
    switch (b.type) {
    case BenefitType::PercentDiscount:
        out.range(path + ".percent", b.percent, 1, 100, "the discount percent");
        break;
    case BenefitType::PointsMultiplier:
        out.range(path + ".percent", b.percent, 100, 1000, "the points multiplier percent");
        break;
    case BenefitType::MemberDayOffer:
        out.range(path + ".percent", b.percent, 0, 100, "the member-day discount percent");
        out.range(path + ".day_of_month", b.dayOfMonth, 1, 28, "the member day");
        break;
    case BenefitType::BirthdayVoucher:
        if (b.valueMinor < 1)
            out.add(path + ".value", "out_of_range",
                    "the voucher value is " + yuan(b.valueMinor) + "; it must be at least 0.01");
        out.range(path + ".valid_days", b.validDays, 1, 366, "the voucher validity in days");
        break;
    case BenefitType::PartnerBenefit:
        out.text(path + ".partner", b.partner, true, "the partner");
        break;
    case BenefitType::BirthdayGift:
    case BenefitType::FreeShipping:
    case BenefitType::PriorityService:
    case BenefitType::FreeText:
        break;
    }
    if (b.type != BenefitType::PartnerBenefit) out.text(path + ".partner", b.partner, false, "the partner");
    out.text(path + ".text_zh", b.textZh, false, "the Chinese text", true);
    out.text(path + ".text_en", b.textEn, false, "the English text", true);
}

void checkValues(Problems& out, const EarningRule& r, const std::string& path) {
    if (r.values.empty()) {
        out.add(path + ".values", "required", "rule " + r.code + " (" + toCode(r.kind) + ") lists no values");
        return;
    }
    for (std::size_t k = 0; k < r.values.size(); ++k) {
        const std::string& v = r.values[k];
        if (r.kind == RuleKind::Channel) {
            if (v != "store" && v != "online" && v != "app" && v != "phone")
                out.add(at(path + ".values", k), "unknown_channel",
                        "channel \"" + v + "\" is unknown; allowed: store, online, app, phone");
        } else {
            out.text(at(path + ".values", k), v, true, "the " + toCode(r.kind) + " value");
        }
    }
}

void checkKind(Problems& out, const Programme& p, const EarningRule& r, const std::string& path) {
    switch (r.kind) {
    case RuleKind::Base:
        out.range(path + ".points_per", r.pointsPer, 1, 1'000'000, "the points per unit");
        if (r.unitMinor < 1)
            out.add(path + ".unit", "out_of_range",
                    "the unit of spend is " + yuan(r.unitMinor) + "; it must be at least 0.01");
        break;
    case RuleKind::TierMultiplier:
        for (const auto& [tier, percent] : r.tierPercent) {
            const std::string field = path + ".tier_percent." + tier;
            if (!findTier(p, tier))
                out.add(field, "unknown_tier",
                        "rule " + r.code + " names tier \"" + tier + "\", which is not in the ladder");
            out.range(field, percent, 100, 1000, "the multiplier percent of " + tier);
        }
        break;
    case RuleKind::Category:
    case RuleKind::Store:
    case RuleKind::Channel:
        checkValues(out, r, path);
        break;
    case RuleKind::DateRange:
        if (!r.from)
            out.add(path + ".from", "required", "rule " + r.code + " (date_range) has no start date");
        if (r.from && r.to && *r.to < *r.from)
            out.add(path + ".to", "date_order",
                    "rule " + r.code + " ends on " + formatDate(*r.to) + ", before it starts on " +
                        formatDate(*r.from));
        break;
    case RuleKind::MemberDay:
        out.range(path + ".day_of_month", r.dayOfMonth, 1, 28, "the member day");
        break;
    case RuleKind::Referral:
        if (r.extraPoints < 1)
            out.add(path + ".extra_points", "out_of_range",
                    "the referral rule " + r.code + " gives " + std::to_string(r.extraPoints) +
                        " points; it must give at least 1");
        break;
    case RuleKind::BirthdayMonth:
        break;
    }
    if (isBonus(r.kind)) {
        out.range(path + ".bonus_percent", r.bonusPercent, 0, 1000, "the bonus percent");
        out.notNegative(path + ".extra_points", r.extraPoints, "the extra points");
        if (r.bonusPercent <= 0 && r.extraPoints <= 0)
            out.add(path + ".bonus_percent", "bonus_empty",
                    "bonus rule " + r.code + " gives neither a bonus percent nor extra points");
    }
}

/// How many rules of a kind there may be: the second base rule (or a missing one) is a problem.
void checkCounts(Problems& out, const Programme& p) {
    std::map<RuleKind, std::size_t> seen;
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const RuleKind k = p.rules[i].kind;
        if (++seen[k] < 2) continue;
        if (k == RuleKind::Base)
            out.add(at("rules", i) + ".kind", "base_rule_count",
                    "there must be exactly one base rule; this is another");
        if (k == RuleKind::TierMultiplier)
            out.add(at("rules", i) + ".kind", "tier_multiplier_count",
                    "there may be at most one tier_multiplier rule");
        if (k == RuleKind::Referral)
            out.add(at("rules", i) + ".kind", "referral_rule_count",
                    "there may be at most one referral rule");
    }
    if (seen[RuleKind::Base] == 0)
        out.add("rules", "base_rule_count", "there must be exactly one base rule (points per unit of spend)");
}

/// Bonus rules run in priority order, after the base rule: equal priorities would leave the order (and
/// so exclusive and highest-wins outcomes) to chance.
void checkPriorities(Problems& out, const Programme& p) {
    auto base = std::find_if(p.rules.begin(), p.rules.end(),
                             [](const EarningRule& r) { return r.kind == RuleKind::Base; });
    std::map<int, const EarningRule*> taken;
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const EarningRule& r = p.rules[i];
        if (!isBonus(r.kind)) continue;
        const std::string field = at("rules", i) + ".priority";
        if (base != p.rules.end() && r.priority <= base->priority)
            out.add(field, "priority_not_after_base",
                    "bonus rule " + r.code + " has priority " + std::to_string(r.priority) +
                        "; bonus rules need a priority above the base rule's " +
                        std::to_string(base->priority));
        auto [it, fresh] = taken.emplace(r.priority, &r);
        if (!fresh)
            out.add(field, "priority_duplicate",
                    "bonus rules " + it->second->code + " and " + r.code + " both have priority " +
                        std::to_string(r.priority) + "; each bonus rule needs its own");
    }
}

} // namespace

void checkBenefits(Problems& out, const Programme& p) {
    std::set<std::string> codes;
    for (std::size_t i = 0; i < p.benefits.size(); ++i)
        checkBenefit(out, p, p.benefits[i], i, codes);
}

void checkRules(Problems& out, const Programme& p) {
    std::set<std::string> codes;
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
        const EarningRule& r = p.rules[i];
        const std::string path = at("rules", i);
        out.code(path + ".code", r.code, codes, "rule");
        checkKind(out, p, r, path);
        out.notNegative(path + ".cap_per_order", r.capPerOrder, "the cap per order");
        out.notNegative(path + ".cap_per_member", r.capPerMember, "the cap per member");
        out.notNegative(path + ".budget_points", r.budgetPoints, "the budget");
    }
    checkCounts(out, p);
    checkPriorities(out, p);
}

} // namespace md::loyalty::detail
