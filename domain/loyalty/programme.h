#pragma once
// The loyalty programme as marketing designs it: tier ladder, benefits, earning rules, expiry policy and
// the value of a point. One Programme is one stored version (programme_versions); the engine uses the
// version effective on the day a purchase happened. Plain data: validation is validateProgramme(),
// the JSON form is programme_json.h, the arithmetic is earning.h / tiers.h / expiry.h.
// Money is integer minor units (fen); multipliers are integer percent (150 = ×1.5): no floating point.
#include "domain/time.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace md::loyalty {

/// Over what period qualifying spend and points are summed for tier decisions.
enum class QualifyingWindow {
    Rolling12Months, ///< the 365 days (366 over a leap day) ending on the day of the decision
    CalendarYear,    ///< 1 January of the decision's year up to the decision (programme time zone)
    Anniversary      ///< the membership year: from the last anniversary of the join date
};
enum class DowngradePolicy {
    OneTierPerReview, ///< a review lowers a member by at most one rank
    ToQualifiedTier   ///< a review moves a member straight to the tier their figures support
};
/// Entry when spend AND points thresholds are both met, or when EITHER is (a threshold of 0 is "not used").
enum class ThresholdMode { Any, All };

struct Tier {
    int rank = 0;       ///< 0 is the base tier every member starts in; ranks are 0..n-1 without gaps
    std::string code;   ///< "GOLD": upper-case letters, digits, '_'; unique in the ladder
    std::string nameZh; ///< "金卡"
    std::string nameEn; ///< "Gold"
    ThresholdMode mode = ThresholdMode::Any;
    std::int64_t entrySpendMinor = 0;  ///< qualifying spend within the window to enter (0: not used)
    std::int64_t entryPoints = 0;      ///< qualifying points within the window to enter (0: not used)
    std::int64_t retainSpendMinor = 0; ///< to keep the tier at review (≤ entry)
    std::int64_t retainPoints = 0;
    int graceDays = 0; ///< after a failed review the member keeps the tier this long before it drops
    bool operator==(const Tier&) const = default;
};

struct TierLadder {
    QualifyingWindow window = QualifyingWindow::Rolling12Months;
    DowngradePolicy downgrade = DowngradePolicy::OneTierPerReview;
    std::vector<Tier> tiers; ///< by rank, base first
    bool operator==(const TierLadder&) const = default;
};

enum class BenefitType {
    PercentDiscount,  ///< percent off (percent)
    PointsMultiplier, ///< extra earning for the tier (percent, 200 = ×2); the engine applies it
    BirthdayGift,     ///< a gift in the birthday month (text)
    BirthdayVoucher,  ///< a voucher issued in the birthday month (valueMinor, validDays)
    FreeShipping,
    PriorityService,
    MemberDayOffer, ///< on dayOfMonth every month (percent off and/or a points multiplier)
    PartnerBenefit, ///< a partner's offer (partner, text)
    FreeText
};

struct Benefit {
    std::string code; ///< unique in the programme
    BenefitType type = BenefitType::FreeText;
    std::vector<std::string> tiers; ///< tier codes it is attached to
    Date effectiveFrom{};
    std::optional<Date> effectiveTo; ///< inclusive; none = open-ended
    int percent = 0;                 ///< discount percent or multiplier percent, by type
    int dayOfMonth = 0;              ///< MemberDayOffer: 1..28
    std::int64_t valueMinor = 0;     ///< BirthdayVoucher value
    int validDays = 0;               ///< BirthdayVoucher validity
    std::string partner;             ///< PartnerBenefit
    std::string textZh, textEn;      ///< what the member is told
    bool operator==(const Benefit&) const = default;
};

enum class RuleKind {
    Base,           ///< pointsPer points for every unitMinor spent (the order's amount)
    TierMultiplier, ///< tierPercent[tier] applied to the base points
    Category,       ///< bonus when the order's category is in `values`
    Store,          ///< bonus when the store is in `values`
    Channel,        ///< bonus when the channel ("store","online","app","phone") is in `values`
    DateRange,      ///< bonus for orders on from..to (inclusive, programme-local dates)
    BirthdayMonth,  ///< bonus in the member's birthday month
    MemberDay,      ///< bonus on dayOfMonth
    Referral        ///< not per order: extraPoints to the referrer on the referee's first purchase
};
/// How a bonus rule combines with the bonus rules after it (in priority order).
enum class Stacking {
    Stack,      ///< adds to the others
    Exclusive,  ///< when it applies, no later (lower-priority) bonus rule is considered
    HighestWins ///< of all applying highest-wins rules only the largest bonus counts
};
enum class Period { Order, Day, Month, Year, Programme };

struct EarningRule {
    std::string code; ///< unique; named in every breakdown
    RuleKind kind = RuleKind::Base;
    int priority = 0; ///< evaluated in ascending priority; unique among bonus rules
    Stacking stacking = Stacking::Stack;
    // Base
    std::int64_t pointsPer = 1;   ///< points per unit ...
    std::int64_t unitMinor = 100; ///< ... of this many minor units (1 point per ¥1: 1 / 100)
    // TierMultiplier
    std::map<std::string, int> tierPercent; ///< tier code -> percent (100 = ×1)
    // Bonuses: a multiplier on the base points (percent, 200 = +100% of base) and/or fixed extra points
    int bonusPercent = 0; ///< extra points as a percent of the base points (100 = double points)
    std::int64_t extraPoints = 0;
    std::vector<std::string> values; ///< Category/Store/Channel
    std::optional<Date> from, to;    ///< DateRange (inclusive)
    int dayOfMonth = 0;              ///< MemberDay
    // Limits (0 = none)
    std::int64_t capPerOrder = 0;  ///< this rule's points per order
    std::int64_t capPerMember = 0; ///< this rule's points per member per capPeriod
    Period capPeriod = Period::Month;
    std::int64_t budgetPoints = 0; ///< programme-wide points this rule may issue per budgetPeriod
    Period budgetPeriod = Period::Month;
    bool operator==(const EarningRule&) const = default;
};

enum class ExpiryKind {
    Never,
    DaysAfterEarn, ///< expires at the end of the day `days` after the earning day
    EndOfMonth,    ///< at the end of the month `months` months after the earning month (0: same month)
    EndOfYear,     ///< at the end of the earning year (+ `years`, default 0)
    Rolling        ///< all points expire `days` after the member's last activity (any purchase resets)
};
struct ExpiryPolicy {
    ExpiryKind kind = ExpiryKind::DaysAfterEarn;
    int days = 365;
    int months = 12;
    int years = 0;
    int pendingDays = 0;       ///< earned points are pending (not spendable) this long: the return window
    int expiringSoonDays = 30; ///< "expiring soon" in balances and reminders
    bool operator==(const ExpiryPolicy&) const = default;
};

/// A paid membership plan (付费会员, docs/membership.md): a fee buys a term during which the member's tier
/// is at least `floorTier`, their base points earn `pointsPercent` (150 = ×1.5, MemberFacts::planPercent),
/// and `benefits` (benefit codes of this programme) apply. Exactly one of termMonths / termDays is > 0.
struct Plan {
    std::string code;           ///< "PLUS": upper-case letters, digits, '_'; unique among plans
    std::string nameZh, nameEn; ///< "PLUS会员", "PLUS"
    std::int64_t feeMinor = 0;  ///< the fee per term (fen), > 0
    int termMonths = 0;         ///< a term of whole months (12 = a year) ...
    int termDays = 0;           ///< ... or of days
    std::string floorTier;      ///< tier code; "" = no floor
    int pointsPercent = 100;    ///< 100 = no extra points
    std::vector<std::string> benefits;
    bool operator==(const Plan&) const = default;
};

/// What a point is worth: amountMinor per `points` points (1 fen per point: 1 / 1). Liability uses it.
struct PointValue {
    std::int64_t amountMinor = 1;
    std::int64_t points = 1;
    bool operator==(const PointValue&) const = default;
};

struct Programme {
    std::int64_t version = 0; ///< assigned when stored (1, 2, ...); 0 for a programme not yet stored
    Date effectiveFrom{};     ///< the first programme-local day this version applies to
    std::string name;
    std::string currency = "CNY";
    TierLadder ladder;
    std::vector<Benefit> benefits;
    std::vector<EarningRule> rules;
    std::vector<Plan> plans; ///< paid membership plans, none by default
    ExpiryPolicy expiry;
    PointValue pointValue;
    std::int64_t minSpendMinor = 0;     ///< an order below this earns nothing
    std::int64_t maxPointsPerOrder = 0; ///< all rules together, per order (0 = no cap)
    /// Manual adjustments of more than this many points (either sign) wait for a second person.
    std::int64_t approvalThreshold = 1000;
    bool operator==(const Programme&) const = default;
};

/// One reason a programme cannot be stored: the JSON path of the field ("tiers[2].entry_spend") and why.
struct ProgrammeProblem {
    std::string field;
    std::string code;    ///< "programme.threshold_overlap" ... (turned into a sentence at the edge)
    std::string message; ///< English fallback sentence
};

/// Contradictions and impossible values: ranks with gaps, duplicate codes, entry thresholds that do not
/// rise with rank, retention above entry, a bonus rule without a unique priority, a benefit naming a tier
/// that does not exist, an unknown tier in a multiplier table, no base rule ... Empty when valid.
std::vector<ProgrammeProblem> validateProgramme(const Programme& p);

/// The tier with this code, or null.
const Tier* findTier(const Programme& p, const std::string& code);
/// The paid membership plan with this code, or null.
const Plan* findPlan(const Programme& p, const std::string& code);

/// Codes used in JSON and in the database for the enums above ("rolling_12_months", "stack", ...).
std::string toCode(QualifyingWindow);
std::string toCode(DowngradePolicy);
std::string toCode(ThresholdMode);
std::string toCode(BenefitType);
std::string toCode(RuleKind);
std::string toCode(Stacking);
std::string toCode(Period);
std::string toCode(ExpiryKind);
std::optional<QualifyingWindow> parseQualifyingWindow(const std::string&);
std::optional<DowngradePolicy> parseDowngradePolicy(const std::string&);
std::optional<ThresholdMode> parseThresholdMode(const std::string&);
std::optional<BenefitType> parseBenefitType(const std::string&);
std::optional<RuleKind> parseRuleKind(const std::string&);
std::optional<Stacking> parseStacking(const std::string&);
std::optional<Period> parsePeriod(const std::string&);
std::optional<ExpiryKind> parseExpiryKind(const std::string&);

} // namespace md::loyalty
