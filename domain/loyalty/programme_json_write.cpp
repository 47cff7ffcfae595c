// programmeToJson: the programme as pretty JSON in the key order of docs/programme-format.md.
#include "domain/json.h"
#include "domain/loyalty/programme_json.h"
#include "domain/money.h"

namespace md::loyalty {

namespace {

json::Value money(std::int64_t minor) {
    return Money(minor).toDecimalString();
}

json::Value date(Date d) {
    return formatDate(d);
}

json::Value strings(const std::vector<std::string>& list) {
    json::Array a;
    for (const std::string& s : list)
        a.emplace_back(s);
    return a;
}

/// Sets the key when the field matters for the kind at hand, or when it holds something other than
/// its default (so nothing is lost on the way back).
template <class T>
void put(json::Object& o, const char* key, bool relevant, const T& value, const T& fallback,
         json::Value shown) {
    if (relevant || !(value == fallback)) o.set(key, std::move(shown));
}

json::Object tierJson(const Tier& t) {
    json::Object o;
    o.set("rank", t.rank);
    o.set("code", t.code);
    o.set("name_zh", t.nameZh);
    o.set("name_en", t.nameEn);
    o.set("mode", toCode(t.mode));
    o.set("entry_spend", money(t.entrySpendMinor));
    o.set("entry_points", t.entryPoints);
    o.set("retain_spend", money(t.retainSpendMinor));
    o.set("retain_points", t.retainPoints);
    o.set("grace_days", t.graceDays);
    return o;
}

json::Object benefitJson(const Benefit& b) {
    const BenefitType k = b.type;
    const Benefit d;
    json::Object o;
    o.set("code", b.code);
    o.set("type", toCode(k));
    o.set("tiers", strings(b.tiers));
    o.set("effective_from", date(b.effectiveFrom));
    if (b.effectiveTo) o.set("effective_to", date(*b.effectiveTo));
    const bool percent = k == BenefitType::PercentDiscount || k == BenefitType::PointsMultiplier ||
                         k == BenefitType::MemberDayOffer;
    put(o, "percent", percent, b.percent, d.percent, b.percent);
    put(o, "day_of_month", k == BenefitType::MemberDayOffer, b.dayOfMonth, d.dayOfMonth, b.dayOfMonth);
    put(o, "value", k == BenefitType::BirthdayVoucher, b.valueMinor, d.valueMinor, money(b.valueMinor));
    put(o, "valid_days", k == BenefitType::BirthdayVoucher, b.validDays, d.validDays, b.validDays);
    put(o, "partner", k == BenefitType::PartnerBenefit, b.partner, d.partner, b.partner);
    o.set("text_zh", b.textZh);
    o.set("text_en", b.textEn);
    return o;
}

json::Value tierPercentJson(const EarningRule& r, const TierLadder& ladder) {
    // Ladder order reads naturally (REGULAR 100, SILVER 120 ...); codes not in the ladder follow.
    json::Object o;
    for (const Tier& t : ladder.tiers)
        if (auto it = r.tierPercent.find(t.code); it != r.tierPercent.end()) o.set(it->first, it->second);
    for (const auto& [code, percent] : r.tierPercent)
        if (!o.contains(code)) o.set(code, percent);
    return o;
}

json::Object ruleJson(const EarningRule& r, const TierLadder& ladder) {
    const RuleKind k = r.kind;
    const bool bonus = k != RuleKind::Base && k != RuleKind::TierMultiplier && k != RuleKind::Referral;
    const EarningRule d;
    json::Object o;
    o.set("code", r.code);
    o.set("kind", toCode(k));
    o.set("priority", r.priority);
    put(o, "stacking", bonus, r.stacking, d.stacking, toCode(r.stacking));
    put(o, "points_per", k == RuleKind::Base, r.pointsPer, d.pointsPer, r.pointsPer);
    put(o, "unit", k == RuleKind::Base, r.unitMinor, d.unitMinor, money(r.unitMinor));
    put(o, "tier_percent", k == RuleKind::TierMultiplier, r.tierPercent, d.tierPercent,
        tierPercentJson(r, ladder));
    put(o, "bonus_percent", bonus, r.bonusPercent, d.bonusPercent, r.bonusPercent);
    put(o, "extra_points", bonus || k == RuleKind::Referral, r.extraPoints, d.extraPoints, r.extraPoints);
    const bool listed = k == RuleKind::Category || k == RuleKind::Store || k == RuleKind::Channel;
    put(o, "values", listed, r.values, d.values, strings(r.values));
    if (r.from) o.set("from", date(*r.from));
    if (r.to) o.set("to", date(*r.to));
    put(o, "day_of_month", k == RuleKind::MemberDay, r.dayOfMonth, d.dayOfMonth, r.dayOfMonth);
    put(o, "cap_per_order", false, r.capPerOrder, d.capPerOrder, r.capPerOrder);
    put(o, "cap_per_member", false, r.capPerMember, d.capPerMember, r.capPerMember);
    put(o, "cap_period", r.capPerMember != 0, r.capPeriod, d.capPeriod, toCode(r.capPeriod));
    put(o, "budget_points", false, r.budgetPoints, d.budgetPoints, r.budgetPoints);
    put(o, "budget_period", r.budgetPoints != 0, r.budgetPeriod, d.budgetPeriod, toCode(r.budgetPeriod));
    return o;
}

json::Object planJson(const Plan& x) {
    json::Object o;
    o.set("code", x.code);
    o.set("name_zh", x.nameZh);
    o.set("name_en", x.nameEn);
    o.set("fee", money(x.feeMinor));
    if (x.termMonths != 0 || x.termDays == 0) o.set("term_months", x.termMonths);
    if (x.termDays != 0) o.set("term_days", x.termDays);
    o.set("floor_tier", x.floorTier);
    o.set("points_percent", x.pointsPercent);
    o.set("benefits", strings(x.benefits));
    return o;
}

json::Object expiryJson(const ExpiryPolicy& e) {
    const ExpiryKind k = e.kind;
    const ExpiryPolicy d;
    json::Object o;
    o.set("kind", toCode(k));
    put(o, "days", k == ExpiryKind::DaysAfterEarn || k == ExpiryKind::Rolling, e.days, d.days, e.days);
    put(o, "months", k == ExpiryKind::EndOfMonth, e.months, d.months, e.months);
    put(o, "years", k == ExpiryKind::EndOfYear, e.years, d.years, e.years);
    o.set("pending_days", e.pendingDays);
    o.set("expiring_soon_days", e.expiringSoonDays);
    return o;
}

} // namespace

std::string programmeToJson(const Programme& p) {
    json::Object o;
    o.set("name", p.name);
    o.set("currency", p.currency);
    o.set("effective_from", date(p.effectiveFrom));
    json::Object value;
    value.set("amount", money(p.pointValue.amountMinor));
    value.set("points", p.pointValue.points);
    o.set("point_value", std::move(value));
    o.set("min_spend", money(p.minSpendMinor));
    o.set("max_points_per_order", p.maxPointsPerOrder);
    o.set("approval_threshold", p.approvalThreshold);
    json::Object tiers;
    tiers.set("window", toCode(p.ladder.window));
    tiers.set("downgrade", toCode(p.ladder.downgrade));
    json::Array ladder;
    for (const Tier& t : p.ladder.tiers)
        ladder.emplace_back(tierJson(t));
    tiers.set("ladder", std::move(ladder));
    o.set("tiers", std::move(tiers));
    json::Array benefits;
    for (const Benefit& b : p.benefits)
        benefits.emplace_back(benefitJson(b));
    o.set("benefits", std::move(benefits));
    json::Array rules;
    for (const EarningRule& r : p.rules)
        rules.emplace_back(ruleJson(r, p.ladder));
    o.set("rules", std::move(rules));
    if (!p.plans.empty()) {
        // Left out when empty, so files written before paid plans existed export unchanged.
        json::Array plans;
        for (const Plan& x : p.plans)
            plans.emplace_back(planJson(x));
        o.set("plans", std::move(plans));
    }
    o.set("expiry", expiryJson(p.expiry));
    return json::write(o, true) + "\n";
}

} // namespace md::loyalty
