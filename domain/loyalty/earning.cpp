#include "domain/loyalty/earning.h"

#include "domain/money.h"

#include <algorithm>
#include <limits>

namespace md::loyalty {

namespace {

using i64 = std::int64_t;
using u64 = std::uint64_t;
constexpr i64 kMax = std::numeric_limits<i64>::max();

/// Keeps r a remainder (below c) after it was doubled or had another remainder added.
void reduce(u64& q, u64& r, u64 c) {
    if (r >= c) {
        r -= c;
        ++q;
    }
}

/// floor(a * b / c) for c > 0, exact where a * b itself would overflow (an amount of 10^12 fen times a
/// generous points-per-unit), saturating at the int64 range. Portable: no 128-bit type.
i64 mulDivFloor(i64 a, i64 b, i64 c) {
    const bool negative = (a < 0) != (b < 0);
    const u64 ua = a < 0 ? 0 - static_cast<u64>(a) : static_cast<u64>(a);
    const u64 ub = b < 0 ? 0 - static_cast<u64>(b) : static_cast<u64>(b);
    const u64 uc = static_cast<u64>(c);
    // a*b/c = (a/c)*b + (a%c)*b/c; the second term by shift-and-add long multiplication, keeping a
    // quotient and a remainder below c so that nothing exceeds 64 bits.
    const u64 qa = ua / uc, ra = ua % uc;
    u64 q = 0, r = 0;
    for (int bit = 63; bit >= 0; --bit) {
        q <<= 1;
        r <<= 1;
        reduce(q, r, uc); // r < 2 * uc before each reduction: no step leaves 64 bits
        if ((ub >> bit) & 1u) {
            r += ra;
            reduce(q, r, uc);
        }
    }
    const u64 limit = static_cast<u64>(kMax);
    if (ub != 0 && qa > (limit - std::min(q, limit)) / ub) return negative ? -kMax : kMax;
    const u64 magnitude = qa * ub + q;
    if (magnitude > limit) return negative ? -kMax : kMax;
    if (!negative) return static_cast<i64>(magnitude);
    return -static_cast<i64>(magnitude) - (r != 0 ? 1 : 0); // floor, not truncation, below zero
}

i64 addSat(i64 a, i64 b) {
    if (b > 0 && a > kMax - b) return kMax;
    if (b < 0 && a < -kMax - b) return -kMax;
    return a + b;
}

std::string periodText(Period p) {
    switch (p) {
    case Period::Order:
        return "per order";
    case Period::Day:
        return "per day";
    case Period::Month:
        return "per month";
    case Period::Year:
        return "per year";
    case Period::Programme:
        return "in total";
    }
    return "";
}

/// Usage so far in the rule's period. A limit whose period is the order starts afresh with every order,
/// so usage carried from other orders does not count against it.
i64 usedSoFar(const std::map<std::string, i64>& usage, const std::string& code, Period period) {
    if (period == Period::Order) return 0;
    auto it = usage.find(code);
    return it == usage.end() ? 0 : std::max<i64>(0, it->second);
}

struct Limited {
    i64 points = 0;
    std::string note; ///< "; capped at 500 per order" ... for each limit that cut, empty when none did
};

/// The rule's own limits in order: per order, per member (what is left of capPerMember), budget (what is
/// left of budgetPoints; a budget stops issuing when spent and pays out its remainder partially).
Limited applyLimits(const EarningRule& r, i64 points, const RuleUsage& usage) {
    Limited l{points, ""};
    if (points <= 0) return l; // limits cap what a rule gives; they never make it negative
    if (r.capPerOrder > 0 && l.points > r.capPerOrder) {
        l.points = r.capPerOrder;
        l.note += "; capped at " + std::to_string(r.capPerOrder) + " per order";
    }
    const auto limit = [&](i64 cap, i64 used, const std::string& what, Period period) {
        const i64 left = std::max<i64>(0, cap - used);
        if (l.points <= left) return;
        l.points = left;
        l.note += "; " + what + " " + std::to_string(cap) + " " + periodText(period) +
                  (left == 0 ? " used up" : ": " + std::to_string(left) + " left");
    };
    if (r.capPerMember > 0)
        limit(r.capPerMember, usedSoFar(usage.member, r.code, r.capPeriod), "member cap", r.capPeriod);
    if (r.budgetPoints > 0)
        limit(r.budgetPoints, usedSoFar(usage.budget, r.code, r.budgetPeriod), "budget", r.budgetPeriod);
    return l;
}

bool isBonus(RuleKind k) {
    return k != RuleKind::Base && k != RuleKind::TierMultiplier && k != RuleKind::Referral;
}

bool contains(const std::vector<std::string>& values, const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
}

/// Why the bonus rule's condition holds for this order ("category FOOD"), or nullopt when it does not.
std::optional<std::string> condition(const EarningRule& r, const OrderFacts& o, const MemberFacts& m) {
    using namespace std::chrono;
    const year_month_day day{o.localDate};
    switch (r.kind) {
    case RuleKind::Category:
        if (contains(r.values, o.category)) return "category " + o.category;
        break;
    case RuleKind::Store:
        if (contains(r.values, o.store)) return "store " + o.store;
        break;
    case RuleKind::Channel:
        if (contains(r.values, o.channel)) return "channel " + o.channel;
        break;
    case RuleKind::DateRange:
        if ((!r.from || *r.from <= o.localDate) && (!r.to || o.localDate <= *r.to))
            return "from " + (r.from ? formatDate(*r.from) : "the start") + " to " +
                   (r.to ? formatDate(*r.to) : "further notice");
        break;
    case RuleKind::BirthdayMonth:
        // Month only: a 29 February birthday falls in February every year.
        if (m.birthday && year_month_day{*m.birthday}.month() == day.month()) return "birthday month";
        break;
    case RuleKind::MemberDay:
        if (r.dayOfMonth > 0 && static_cast<unsigned>(day.day()) == static_cast<unsigned>(r.dayOfMonth))
            return "member day " + std::to_string(r.dayOfMonth);
        break;
    case RuleKind::Base:
    case RuleKind::TierMultiplier:
    case RuleKind::Referral:
        break;
    }
    return std::nullopt;
}

std::string bonusText(const EarningRule& r) {
    std::string s;
    if (r.bonusPercent != 0) s += ", +" + std::to_string(r.bonusPercent) + "% of base";
    if (r.extraPoints != 0) s += ", +" + std::to_string(r.extraPoints) + " points";
    return s;
}

/// A bonus rule whose condition holds, and what becomes of it.
struct Candidate {
    const EarningRule* rule = nullptr;
    std::string why; ///< condition and bonus, for the note
    Limited limited; ///< the bonus after the rule's own limits
    const EarningRule* excludedBy = nullptr;
    const EarningRule* beatenBy = nullptr;
    bool applies() const { return limited.points > 0 && !excludedBy && !beatenBy; }
};

std::vector<const EarningRule*> byPriority(const Programme& p) {
    std::vector<const EarningRule*> rules;
    for (const EarningRule& r : p.rules)
        rules.push_back(&r);
    std::stable_sort(rules.begin(), rules.end(),
                     [](const EarningRule* a, const EarningRule* b) { return a->priority < b->priority; });
    return rules;
}

/// Bonus rules with their stacking resolved. A rule that gives nothing after its limits (budget spent)
/// does not count as applying: an exhausted exclusive campaign lets the rules after it apply again, and a
/// spent highest-wins rule does not compete. Rules whose condition does not hold are left out entirely,
/// so "excluded by" and "beaten by" name only bonuses the order would otherwise have had.
std::vector<Candidate> bonusCandidates(const std::vector<const EarningRule*>& rules, const OrderFacts& o,
                                       const MemberFacts& m, i64 base, const RuleUsage& usage) {
    std::vector<Candidate> out;
    const EarningRule* exclusive = nullptr;
    for (const EarningRule* r : rules) {
        if (!isBonus(r->kind)) continue;
        auto why = condition(*r, o, m);
        if (!why) continue;
        const i64 raw = std::max<i64>(0, addSat(mulDivFloor(base, r->bonusPercent, 100), r->extraPoints));
        Candidate c{r, *why + bonusText(*r), applyLimits(*r, raw, usage)};
        c.excludedBy = exclusive;
        if (c.applies() && r->stacking == Stacking::Exclusive) exclusive = r;
        out.push_back(std::move(c));
    }
    // Highest-wins: the largest bonus after limits; on a tie the first in priority order (strict >).
    Candidate* winner = nullptr;
    for (Candidate& c : out)
        if (c.rule->stacking == Stacking::HighestWins && c.applies() &&
            (!winner || c.limited.points > winner->limited.points))
            winner = &c;
    for (Candidate& c : out)
        if (winner && &c != winner && c.rule->stacking == Stacking::HighestWins && c.applies())
            c.beatenBy = winner->rule;
    return out;
}

/// One contribution to the order's total, for the programme cap to cut from.
struct Part {
    std::string rule; ///< "" for the plan
    i64 points = 0;
};

} // namespace

Earning rateOrder(const Programme& p, const OrderFacts& order, const MemberFacts& member,
                  const RuleUsage& usage) {
    Earning e;
    e.tier = member.tier;
    // Nothing spent (or a return) earns nothing either: fixed extra points must not attach to it.
    if (order.amountMinor <= 0 || order.amountMinor < p.minSpendMinor) {
        const std::string amount = Money(order.amountMinor, p.currency).toDecimalString();
        e.steps.push_back({"", "min_spend", 0, false,
                           order.amountMinor <= 0
                               ? "nothing spent (" + amount + ")"
                               : "order of " + amount + " is below the minimum spend of " +
                                     Money(p.minSpendMinor, p.currency).toDecimalString()});
        return e;
    }
    const auto rules = byPriority(p);
    std::vector<Part> parts; // in evaluation order: base, tier, plan, bonuses

    i64 base = 0;
    auto baseRule =
        std::find_if(rules.begin(), rules.end(), [](auto* r) { return r->kind == RuleKind::Base; });
    if (baseRule != rules.end()) {
        const EarningRule& r = **baseRule;
        const i64 raw =
            r.pointsPer > 0 && r.unitMinor > 0 ? mulDivFloor(order.amountMinor, r.pointsPer, r.unitMinor) : 0;
        const Limited l = applyLimits(r, raw, usage);
        base = l.points;
        e.steps.push_back({r.code, toCode(r.kind), base, true,
                           std::to_string(r.pointsPer) + " per " +
                               Money(r.unitMinor, p.currency).toDecimalString() + " of " +
                               Money(order.amountMinor, p.currency).toDecimalString() + l.note});
        parts.push_back({r.code, base});
    }
    // Tier progress counts the base points the member really earned (after the base rule's own limits),
    // not multipliers or bonuses, and not the programme's per-order cap on spendable points.
    e.qualifyingPoints = base;

    auto tierRule =
        std::find_if(rules.begin(), rules.end(), [](auto* r) { return r->kind == RuleKind::TierMultiplier; });
    if (tierRule != rules.end()) {
        const EarningRule& r = **tierRule;
        std::string tier = member.tier;
        if (tier.empty())
            for (const Tier& t : p.ladder.tiers)
                if (t.rank == 0) tier = t.code;
        auto it = r.tierPercent.find(tier);
        const int percent = it == r.tierPercent.end() ? 100 : it->second;
        if (percent == 100) {
            e.steps.push_back({r.code, toCode(r.kind), 0, false, "no multiplier for " + tier});
        } else {
            // A percent below 100 takes points away (floor, so base + extra == floor(base * percent / 100)).
            const Limited l = applyLimits(r, mulDivFloor(base, percent - 100, 100), usage);
            e.steps.push_back({r.code, toCode(r.kind), l.points, true,
                               "\xC3\x97" + std::to_string(percent) + "% for " + tier + l.note});
            parts.push_back({r.code, l.points});
        }
    }
    // Multipliers add on the base points; they do not compound (tier 150% and plan 150%: 200% in all).
    if (member.planPercent != 100) {
        const i64 extra = mulDivFloor(base, member.planPercent - 100, 100);
        e.steps.push_back({"", "plan", extra, true,
                           "\xC3\x97" + std::to_string(member.planPercent) + "% for the membership plan"});
        parts.push_back({"", extra});
    }

    for (const Candidate& c : bonusCandidates(rules, order, member, base, usage)) {
        const EarningRule& r = *c.rule;
        std::string note = c.why + c.limited.note;
        if (c.excludedBy)
            note = "excluded by " + c.excludedBy->code + " (" + note + ")";
        else if (c.beatenBy)
            note = "beaten by " + c.beatenBy->code + " (" + note + ", would give " +
                   std::to_string(c.limited.points) + ")";
        e.steps.push_back({r.code, toCode(r.kind), c.applies() ? c.limited.points : 0, c.applies(), note});
        if (c.applies()) parts.push_back({r.code, c.limited.points});
    }

    i64 total = 0;
    for (const Part& part : parts)
        total = addSat(total, part.points);
    if (p.maxPointsPerOrder > 0 && total > p.maxPointsPerOrder) {
        // The cut comes off the bonuses last evaluated first, then the plan, the tier multiplier and the
        // base last: byRule then shows the base rule's points intact whenever the cap allows, and the
        // campaigns of least precedence are the ones that lose.
        i64 cut = total - p.maxPointsPerOrder;
        e.steps.push_back(
            {"", "order_cap", -cut, true, "capped at " + std::to_string(p.maxPointsPerOrder) + " per order"});
        for (auto it = parts.rbegin(); it != parts.rend() && cut > 0; ++it) {
            const i64 take = std::min(cut, std::max<i64>(0, it->points));
            it->points -= take;
            cut -= take;
        }
        total = p.maxPointsPerOrder;
    }
    e.points = std::max<i64>(0, total);
    for (const Part& part : parts)
        if (!part.rule.empty()) e.byRule[part.rule] += part.points;
    return e;
}

const EarningRule* referralRule(const Programme& p) {
    for (const EarningRule& r : p.rules)
        if (r.kind == RuleKind::Referral) return &r;
    return nullptr;
}

} // namespace md::loyalty
