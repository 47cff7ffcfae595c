#include "domain/loyalty/programme.h"

#include <array>
#include <utility>

namespace md::loyalty {

namespace {

// One table per enum: the code is what JSON files and the database hold, so it never changes.
template <class E, std::size_t N> using Codes = std::array<std::pair<E, const char*>, N>;

constexpr Codes<QualifyingWindow, 3> kWindows{{{QualifyingWindow::Rolling12Months, "rolling_12_months"},
                                               {QualifyingWindow::CalendarYear, "calendar_year"},
                                               {QualifyingWindow::Anniversary, "anniversary"}}};
constexpr Codes<DowngradePolicy, 2> kDowngrades{{{DowngradePolicy::OneTierPerReview, "one_tier_per_review"},
                                                 {DowngradePolicy::ToQualifiedTier, "to_qualified_tier"}}};
constexpr Codes<ThresholdMode, 2> kModes{{{ThresholdMode::Any, "any"}, {ThresholdMode::All, "all"}}};
constexpr Codes<BenefitType, 9> kBenefits{{{BenefitType::PercentDiscount, "percent_discount"},
                                           {BenefitType::PointsMultiplier, "points_multiplier"},
                                           {BenefitType::BirthdayGift, "birthday_gift"},
                                           {BenefitType::BirthdayVoucher, "birthday_voucher"},
                                           {BenefitType::FreeShipping, "free_shipping"},
                                           {BenefitType::PriorityService, "priority_service"},
                                           {BenefitType::MemberDayOffer, "member_day_offer"},
                                           {BenefitType::PartnerBenefit, "partner_benefit"},
                                           {BenefitType::FreeText, "free_text"}}};
constexpr Codes<RuleKind, 9> kRules{{{RuleKind::Base, "base"},
                                     {RuleKind::TierMultiplier, "tier_multiplier"},
                                     {RuleKind::Category, "category"},
                                     {RuleKind::Store, "store"},
                                     {RuleKind::Channel, "channel"},
                                     {RuleKind::DateRange, "date_range"},
                                     {RuleKind::BirthdayMonth, "birthday_month"},
                                     {RuleKind::MemberDay, "member_day"},
                                     {RuleKind::Referral, "referral"}}};
constexpr Codes<Stacking, 3> kStackings{{{Stacking::Stack, "stack"},
                                         {Stacking::Exclusive, "exclusive"},
                                         {Stacking::HighestWins, "highest_wins"}}};
constexpr Codes<Period, 5> kPeriods{{{Period::Order, "order"},
                                     {Period::Day, "day"},
                                     {Period::Month, "month"},
                                     {Period::Year, "year"},
                                     {Period::Programme, "programme"}}};
constexpr Codes<ExpiryKind, 5> kExpiries{{{ExpiryKind::Never, "never"},
                                          {ExpiryKind::DaysAfterEarn, "days_after_earn"},
                                          {ExpiryKind::EndOfMonth, "end_of_month"},
                                          {ExpiryKind::EndOfYear, "end_of_year"},
                                          {ExpiryKind::Rolling, "rolling"}}};

template <class E, std::size_t N> std::string codeOf(const Codes<E, N>& table, E value) {
    for (const auto& [e, code] : table)
        if (e == value) return code;
    return "?";
}
template <class E, std::size_t N>
std::optional<E> parseOf(const Codes<E, N>& table, const std::string& text) {
    for (const auto& [e, code] : table)
        if (text == code) return e;
    return std::nullopt;
}

} // namespace

const Tier* findTier(const Programme& p, const std::string& code) {
    for (const Tier& t : p.ladder.tiers)
        if (t.code == code) return &t;
    return nullptr;
}

const Plan* findPlan(const Programme& p, const std::string& code) {
    for (const Plan& x : p.plans)
        if (x.code == code) return &x;
    return nullptr;
}

std::string toCode(QualifyingWindow v) {
    return codeOf(kWindows, v);
}
std::string toCode(DowngradePolicy v) {
    return codeOf(kDowngrades, v);
}
std::string toCode(ThresholdMode v) {
    return codeOf(kModes, v);
}
std::string toCode(BenefitType v) {
    return codeOf(kBenefits, v);
}
std::string toCode(RuleKind v) {
    return codeOf(kRules, v);
}
std::string toCode(Stacking v) {
    return codeOf(kStackings, v);
}
std::string toCode(Period v) {
    return codeOf(kPeriods, v);
}
std::string toCode(ExpiryKind v) {
    return codeOf(kExpiries, v);
}
std::optional<QualifyingWindow> parseQualifyingWindow(const std::string& s) {
    return parseOf(kWindows, s);
}
std::optional<DowngradePolicy> parseDowngradePolicy(const std::string& s) {
    return parseOf(kDowngrades, s);
}
std::optional<ThresholdMode> parseThresholdMode(const std::string& s) {
    return parseOf(kModes, s);
}
std::optional<BenefitType> parseBenefitType(const std::string& s) {
    return parseOf(kBenefits, s);
}
std::optional<RuleKind> parseRuleKind(const std::string& s) {
    return parseOf(kRules, s);
}
std::optional<Stacking> parseStacking(const std::string& s) {
    return parseOf(kStackings, s);
}
std::optional<Period> parsePeriod(const std::string& s) {
    return parseOf(kPeriods, s);
}
std::optional<ExpiryKind> parseExpiryKind(const std::string& s) {
    return parseOf(kExpiries, s);
}

} // namespace md::loyalty
