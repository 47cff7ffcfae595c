// programmeFromJson: structure first (keys, types, codes, amounts, dates), then validateProgramme.
#include "domain/loyalty/programme_json.h"
#include "domain/loyalty/programme_json_fields.h"

namespace md::loyalty {

namespace {

using detail::at;
using detail::Fields;
using detail::Problems;

Tier readTier(const json::Object& o, const std::string& path, Problems& out) {
    Tier t;
    Fields f(o, path, out);
    f.integer("rank", t.rank, true);
    f.text("code", t.code, true);
    f.text("name_zh", t.nameZh, true);
    f.text("name_en", t.nameEn, true);
    f.code("mode", t.mode, parseThresholdMode);
    f.money("entry_spend", t.entrySpendMinor);
    f.integer("entry_points", t.entryPoints);
    f.money("retain_spend", t.retainSpendMinor);
    f.integer("retain_points", t.retainPoints);
    f.integer("grace_days", t.graceDays);
    f.finish();
    return t;
}

void readLadder(const json::Object& o, TierLadder& ladder, Problems& out) {
    Fields f(o, "tiers", out);
    f.code("window", ladder.window, parseQualifyingWindow, true);
    f.code("downgrade", ladder.downgrade, parseDowngradePolicy, true);
    if (const json::Array* a = f.array("ladder", true))
        for (std::size_t i = 0; i < a->size(); ++i)
            if (const json::Object* t = detail::elementObject((*a)[i], at("tiers.ladder", i), out))
                ladder.tiers.push_back(readTier(*t, at("tiers.ladder", i), out));
    f.finish();
}

Benefit readBenefit(const json::Object& o, const std::string& path, Problems& out) {
    Benefit b;
    Fields f(o, path, out);
    f.text("code", b.code, true);
    f.code("type", b.type, parseBenefitType, true);
    f.texts("tiers", b.tiers, true);
    f.date("effective_from", b.effectiveFrom, true);
    f.date("effective_to", b.effectiveTo);
    f.integer("percent", b.percent);
    f.integer("day_of_month", b.dayOfMonth);
    f.money("value", b.valueMinor);
    f.integer("valid_days", b.validDays);
    f.text("partner", b.partner);
    f.text("text_zh", b.textZh);
    f.text("text_en", b.textEn);
    f.finish();
    return b;
}

void readTierPercent(const json::Object& o, const std::string& path, EarningRule& r, Problems& out) {
    for (const json::Member& m : o) {
        const std::string field = path + "." + m.key;
        if (!m.value.isInteger()) {
            out.add(field, "wrong_type",
                    "a tier's percent must be a whole number, not " +
                        std::string(json::kindName(m.value.kind())));
            continue;
        }
        const std::int64_t v = m.value.asInteger();
        if (v < 0 || v > 1'000'000) {
            out.add(field, "out_of_range",
                    "the multiplier percent of " + m.key + " is " + std::to_string(v) +
                        "; it must be between 100 and 1000");
            continue;
        }
        r.tierPercent[m.key] = static_cast<int>(v);
    }
}

EarningRule readRule(const json::Object& o, const std::string& path, Problems& out) {
    EarningRule r;
    Fields f(o, path, out);
    f.text("code", r.code, true);
    f.code("kind", r.kind, parseRuleKind, true);
    f.integer("priority", r.priority, true);
    f.code("stacking", r.stacking, parseStacking);
    f.integer("points_per", r.pointsPer);
    f.money("unit", r.unitMinor);
    if (const json::Object* t = f.object("tier_percent")) readTierPercent(*t, f.path("tier_percent"), r, out);
    f.integer("bonus_percent", r.bonusPercent);
    f.integer("extra_points", r.extraPoints);
    f.texts("values", r.values);
    f.date("from", r.from);
    f.date("to", r.to);
    f.integer("day_of_month", r.dayOfMonth);
    f.integer("cap_per_order", r.capPerOrder);
    f.integer("cap_per_member", r.capPerMember);
    f.code("cap_period", r.capPeriod, parsePeriod);
    f.integer("budget_points", r.budgetPoints);
    f.code("budget_period", r.budgetPeriod, parsePeriod);
    f.finish();
    return r;
}

Plan readPlan(const json::Object& o, const std::string& path, Problems& out) {
    Plan x;
    Fields f(o, path, out);
    f.text("code", x.code, true);
    f.text("name_zh", x.nameZh, true);
    f.text("name_en", x.nameEn, true);
    f.money("fee", x.feeMinor, true);
    f.integer("term_months", x.termMonths);
    f.integer("term_days", x.termDays);
    f.text("floor_tier", x.floorTier);
    f.integer("points_percent", x.pointsPercent);
    f.texts("benefits", x.benefits);
    f.finish();
    return x;
}

void readExpiry(const json::Object& o, ExpiryPolicy& e, Problems& out) {
    Fields f(o, "expiry", out);
    f.code("kind", e.kind, parseExpiryKind, true);
    f.integer("days", e.days);
    f.integer("months", e.months);
    f.integer("years", e.years);
    f.integer("pending_days", e.pendingDays);
    f.integer("expiring_soon_days", e.expiringSoonDays);
    f.finish();
}

template <class T, class Read>
void readList(Fields& f, const char* key, std::vector<T>& dst, bool required, Problems& out, Read read) {
    const json::Array* a = f.array(key, required);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i)
        if (const json::Object* o = detail::elementObject((*a)[i], at(key, i), out))
            dst.push_back(read(*o, at(key, i), out));
}

Programme readProgramme(const json::Object& root, Problems& out) {
    Programme p;
    Fields f(root, "", out);
    f.ignore("version"); // the database assigns versions (programme_json.h)
    f.text("name", p.name, true);
    f.text("currency", p.currency, true);
    f.date("effective_from", p.effectiveFrom, true);
    if (const json::Object* v = f.object("point_value", true)) {
        Fields pv(*v, "point_value", out);
        pv.money("amount", p.pointValue.amountMinor, true);
        pv.integer("points", p.pointValue.points, true);
        pv.finish();
    }
    f.money("min_spend", p.minSpendMinor);
    f.integer("max_points_per_order", p.maxPointsPerOrder);
    f.integer("approval_threshold", p.approvalThreshold);
    if (const json::Object* t = f.object("tiers", true)) readLadder(*t, p.ladder, out);
    readList(f, "benefits", p.benefits, false, out, readBenefit);
    readList(f, "rules", p.rules, true, out, readRule);
    readList(f, "plans", p.plans, false, out, readPlan);
    if (const json::Object* e = f.object("expiry", true)) readExpiry(*e, p.expiry, out);
    f.finish();
    return p;
}

/// What a structural problem at `field` taints: the tier, benefit or rule holding it ("rules[3]" for
/// "rules[3].tier_percent.GOLD"), or the field itself outside the lists.
std::string scopeOf(const std::string& field) {
    const std::size_t close = field.find(']');
    return close == std::string::npos ? field : field.substr(0, close + 1);
}

/// Validation problems inside a tainted scope are left out: a value that could not be read holds its
/// default, and would only come back as a contradiction ("retention above entry" after a bad entry).
bool covered(const std::string& field, const std::vector<ProgrammeProblem>& structural) {
    for (const ProgrammeProblem& s : structural) {
        const std::string scope = scopeOf(s.field);
        if (field == scope) return true;
        if (field.size() > scope.size() && field.starts_with(scope) &&
            (field[scope.size()] == '.' || field[scope.size()] == '['))
            return true;
    }
    return false;
}

} // namespace

ProgrammeParse programmeFromJson(std::string_view text) {
    ProgrammeParse result;
    const json::Parsed doc = json::parse(text);
    if (!doc) {
        result.problems.push_back({"", "programme.json_syntax", doc.error().describe()});
        return result;
    }
    if (!doc.value().isObject()) {
        result.problems.push_back(
            {"", "programme.wrong_type",
             "a programme file holds one object, not " + std::string(json::kindName(doc.value().kind()))});
        return result;
    }
    Problems out;
    Programme p = readProgramme(doc.value().asObject(), out);
    const std::vector<ProgrammeProblem> structural = std::move(out.list);
    result.problems = structural;
    for (ProgrammeProblem& v : validateProgramme(p))
        if (!covered(v.field, structural)) result.problems.push_back(std::move(v));
    if (result.problems.empty()) result.programme = std::move(p);
    return result;
}

} // namespace md::loyalty
