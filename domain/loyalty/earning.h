#pragma once
// How many points one order earns under a programme, and why: the breakdown every earn entry stores.
// Rules run in ascending priority: the base rule, then the tier multiplier, then the bonus rules with
// their stacking (stack / exclusive / highest-wins), then each rule's per-order cap, per-member and
// programme-budget limits, then the programme's per-order cap. Integer arithmetic, rounded down.
#include "domain/loyalty/programme.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md::loyalty {

struct OrderFacts {
    std::int64_t amountMinor = 0;
    std::string category, store, channel; ///< channel as its code: "store", "online", "app", "phone"
    Date localDate{};                     ///< the order's day in the programme time zone
};

struct MemberFacts {
    std::string tier; ///< the member's tier code when the order happened ("" = base)
    std::optional<Date> birthday;
    /// Extra percent from a paid membership plan (100 = none; 150 = ×1.5 on the base points).
    int planPercent = 100;
};

/// Points already issued in the current cap/budget period of each rule (rule code -> points), so caps and
/// budgets hold across orders. The caller keeps these up to date (the engine, in its chunk).
struct RuleUsage {
    std::map<std::string, std::int64_t> member; ///< to this member, in the rule's capPeriod
    std::map<std::string, std::int64_t> budget; ///< programme-wide, in the rule's budgetPeriod
};

struct BreakdownStep {
    std::string rule;        ///< the rule's code ("" for the programme-wide steps: min spend, order cap)
    std::string kind;        ///< toCode(RuleKind), or "min_spend" / "order_cap" / "plan"
    std::int64_t points = 0; ///< what this step added (negative for a cap that took points away)
    bool applied = true;     ///< false: considered and not used (see note)
    std::string note;        ///< why: "×150% for GOLD", "capped at 500 per order", "beaten by NEWYEAR" ...
};

struct Earning {
    std::int64_t points = 0;           ///< spendable points for the order (≥ 0)
    std::int64_t qualifyingPoints = 0; ///< the base points (before multipliers and bonuses), toward tiers
    std::string tier;                  ///< the member's tier the order was rated with (re-rating uses it)
    std::vector<BreakdownStep> steps;  ///< in evaluation order
    /// Points each rule contributed after caps (rule code -> points): the caller adds them to RuleUsage.
    std::map<std::string, std::int64_t> byRule;
};

/// The programme's rule for an order. `usage` is read, not changed.
Earning rateOrder(const Programme& p, const OrderFacts& order, const MemberFacts& member,
                  const RuleUsage& usage = {});

/// The breakdown as compact JSON:
/// {"points":N,"qualifying":N,"tier":"GOLD","steps":[{"rule":..,"kind":..,"points":..,
/// "applied":true,"note":..}]} — stored on the earn entry and shown by the app and `show --json`.
std::string breakdownJson(const Earning& e);

/// The key of the period containing `day`: Order -> "", Day -> "2024-03-18", Month -> "2024-03",
/// Year -> "2024", Programme -> "all".
std::string periodKey(Period period, Date day);

/// The referral rule (kind Referral) of the programme, if any.
const EarningRule* referralRule(const Programme& p);

} // namespace md::loyalty
