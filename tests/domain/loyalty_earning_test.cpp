#include "domain/loyalty/earning.h"

#include <boost/test/unit_test.hpp>

#include <limits>
#include <numeric>

using namespace md::loyalty;
using namespace std::chrono;

namespace {

md::Date ymd(int y, unsigned m, unsigned d) {
    return md::Date{year{y} / month{m} / day{d}};
}

/// A programme with REGULAR / SILVER / GOLD, a base rule BASE (1 point per ¥1, priority 0) and no limits;
/// tests add the rules they are about.
class ProgrammeBuilder {
public:
    ProgrammeBuilder() {
        for (const char* code : {"REGULAR", "SILVER", "GOLD"}) {
            Tier t;
            t.rank = static_cast<int>(m_p.ladder.tiers.size());
            t.code = code;
            m_p.ladder.tiers.push_back(t);
        }
        EarningRule base;
        base.code = "BASE";
        base.kind = RuleKind::Base;
        m_p.rules.push_back(base);
    }
    ProgrammeBuilder& base(std::int64_t pointsPer, std::int64_t unitMinor) {
        m_p.rules.front().pointsPer = pointsPer;
        m_p.rules.front().unitMinor = unitMinor;
        return *this;
    }
    ProgrammeBuilder& baseCapPerOrder(std::int64_t cap) {
        m_p.rules.front().capPerOrder = cap;
        return *this;
    }
    ProgrammeBuilder& tierPercent(std::map<std::string, int> percents, int priority = 1) {
        EarningRule r;
        r.code = "TIER";
        r.kind = RuleKind::TierMultiplier;
        r.priority = priority;
        r.tierPercent = std::move(percents);
        m_p.rules.push_back(r);
        return *this;
    }
    ProgrammeBuilder& rule(EarningRule r) {
        m_p.rules.push_back(std::move(r));
        return *this;
    }
    ProgrammeBuilder& minSpend(std::int64_t minor) {
        m_p.minSpendMinor = minor;
        return *this;
    }
    ProgrammeBuilder& orderCap(std::int64_t points) {
        m_p.maxPointsPerOrder = points;
        return *this;
    }
    Programme build() const { return m_p; }

private:
    Programme m_p;
};

EarningRule bonus(std::string code, RuleKind kind, int priority, int percent, std::int64_t extra = 0,
                  Stacking stacking = Stacking::Stack) {
    EarningRule r;
    r.code = std::move(code);
    r.kind = kind;
    r.priority = priority;
    r.bonusPercent = percent;
    r.extraPoints = extra;
    r.stacking = stacking;
    return r;
}

EarningRule category(std::string code, int priority, int percent, Stacking stacking = Stacking::Stack,
                     std::vector<std::string> values = {"FOOD"}) {
    auto r = bonus(std::move(code), RuleKind::Category, priority, percent, 0, stacking);
    r.values = std::move(values);
    return r;
}

/// ¥100.00 of FOOD at store S01, in store, on Monday 18 March 2024: 100 base points.
OrderFacts order(std::int64_t amountMinor = 10000) {
    OrderFacts o;
    o.amountMinor = amountMinor;
    o.category = "FOOD";
    o.store = "S01";
    o.channel = "store";
    o.localDate = ymd(2024, 3, 18);
    return o;
}

MemberFacts member(std::string tier = "") {
    MemberFacts m;
    m.tier = std::move(tier);
    return m;
}

const BreakdownStep* step(const Earning& e, const std::string& rule) {
    for (const auto& s : e.steps)
        if (s.rule == rule) return &s;
    return nullptr;
}

const BreakdownStep* stepOfKind(const Earning& e, const std::string& kind) {
    for (const auto& s : e.steps)
        if (s.kind == kind) return &s;
    return nullptr;
}

bool noteHas(const BreakdownStep* s, const std::string& text) {
    BOOST_TEST_INFO("note: " << (s ? s->note : "(no step)"));
    return s && s->note.find(text) != std::string::npos;
}

std::int64_t byRule(const Earning& e, const std::string& code) {
    auto it = e.byRule.find(code);
    return it == e.byRule.end() ? -1 : it->second;
}

std::int64_t sumByRule(const Earning& e) {
    return std::accumulate(e.byRule.begin(), e.byRule.end(), std::int64_t{0},
                           [](std::int64_t a, const auto& kv) { return a + kv.second; });
}

std::vector<std::string> stepRules(const Earning& e) {
    std::vector<std::string> out;
    for (const auto& s : e.steps)
        out.push_back(s.rule);
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(loyalty_earning)

// --- base, min spend, qualifying points -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_base_rule_earns_whole_points_per_unit_rounded_down) {
    auto e = rateOrder(ProgrammeBuilder().build(), order(12399), member());
    BOOST_TEST(e.points == 123);
    BOOST_TEST(byRule(e, "BASE") == 123);
    e = rateOrder(ProgrammeBuilder().base(3, 1000).build(), order(12399), member());
    BOOST_TEST(e.points == 37); // 3 per ¥10 of ¥123.99
    e = rateOrder(ProgrammeBuilder().base(1, 100).build(), order(99), member());
    BOOST_TEST(e.points == 0);
    BOOST_REQUIRE(step(e, "BASE"));
    BOOST_TEST(step(e, "BASE")->kind == "base");
}

BOOST_AUTO_TEST_CASE(an_earning_records_the_tier_it_was_rated_with_for_re_rating) {
    BOOST_TEST(rateOrder(ProgrammeBuilder().build(), order(), member("GOLD")).tier == "GOLD");
    BOOST_TEST(rateOrder(ProgrammeBuilder().build(), order(1), member("SILVER")).tier == "SILVER");
    BOOST_TEST(breakdownJson(rateOrder(ProgrammeBuilder().build(), order(), member("GOLD")))
                   .find("\"tier\":\"GOLD\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_largest_amounts_earn_exactly_without_overflow) {
    const std::int64_t amount = 1'000'000'000'000 + 99; // ten billion yuan and 99 fen
    const std::int64_t per = 100'000'000;
    // amount * per overflows 64 bits; the exact result does not.
    const std::int64_t expected = (amount / 100) * per + (amount % 100) * per / 100;
    auto e = rateOrder(ProgrammeBuilder().base(per, 100).build(), order(amount), member());
    BOOST_TEST(e.points == expected);
    BOOST_TEST(e.qualifyingPoints == expected);
}

BOOST_AUTO_TEST_CASE(a_result_beyond_64_bits_saturates_instead_of_wrapping) {
    auto e = rateOrder(ProgrammeBuilder().base(1'000'000'000, 1).build(), order(1'000'000'000'000), member());
    BOOST_TEST(e.points == std::numeric_limits<std::int64_t>::max());
    e = rateOrder(ProgrammeBuilder().base(1'000'000'000, 1).orderCap(5000).build(), order(1'000'000'000'000),
                  member());
    BOOST_TEST(e.points == 5000);
}

BOOST_AUTO_TEST_CASE(an_order_below_the_minimum_spend_earns_nothing_and_says_why) {
    const auto p = ProgrammeBuilder().minSpend(5000).rule(bonus("EXTRA", RuleKind::Store, 10, 0, 50)).build();
    auto e = rateOrder(p, order(4999), member());
    BOOST_TEST(e.points == 0);
    BOOST_TEST(e.qualifyingPoints == 0);
    BOOST_TEST(e.byRule.empty());
    BOOST_REQUIRE(e.steps.size() == 1u);
    BOOST_TEST(e.steps[0].kind == "min_spend");
    BOOST_TEST(!e.steps[0].applied);
    BOOST_TEST(e.steps[0].rule == "");
    BOOST_TEST(noteHas(&e.steps[0], "49.99"));
    BOOST_TEST(noteHas(&e.steps[0], "50.00"));
}

BOOST_AUTO_TEST_CASE(an_order_of_exactly_the_minimum_spend_earns) {
    const auto p = ProgrammeBuilder().minSpend(5000).build();
    auto e = rateOrder(p, order(5000), member());
    BOOST_TEST(e.points == 50);
    BOOST_TEST(!stepOfKind(e, "min_spend"));
}

BOOST_AUTO_TEST_CASE(an_order_with_nothing_spent_earns_no_fixed_extra_points) {
    const auto p = ProgrammeBuilder().rule(bonus("EXTRA", RuleKind::Store, 10, 0, 50)).build();
    for (std::int64_t amount : {0, -5000}) {
        auto e = rateOrder(p, order(amount), member());
        BOOST_TEST(e.points == 0);
        BOOST_REQUIRE(e.steps.size() == 1u);
        BOOST_TEST(e.steps[0].kind == "min_spend");
    }
}

BOOST_AUTO_TEST_CASE(qualifying_points_are_the_base_points_before_multipliers_and_bonuses) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 200}}).rule(category("FOOD2X", 10, 100)).build();
    auto e = rateOrder(p, order(10000), member("GOLD"));
    BOOST_TEST(e.points == 300);
    BOOST_TEST(e.qualifyingPoints == 100);
}

BOOST_AUTO_TEST_CASE(the_base_rules_own_cap_limits_qualifying_points_and_what_bonuses_build_on) {
    const auto p = ProgrammeBuilder().baseCapPerOrder(80).rule(category("FOOD2X", 10, 100)).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.qualifyingPoints == 80);
    BOOST_TEST(byRule(e, "FOOD2X") == 80);
    BOOST_TEST(e.points == 160);
    BOOST_TEST(noteHas(step(e, "BASE"), "capped at 80 per order"));
}

BOOST_AUTO_TEST_CASE(the_order_cap_does_not_reduce_qualifying_points) {
    const auto p = ProgrammeBuilder().orderCap(40).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 40);
    BOOST_TEST(e.qualifyingPoints == 100);
}

// --- tier multiplier and plan ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_tier_multiplier_adds_the_extra_percent_of_the_base_points) {
    const auto p = ProgrammeBuilder().tierPercent({{"SILVER", 120}, {"GOLD", 150}}).build();
    auto e = rateOrder(p, order(10000), member("GOLD"));
    BOOST_TEST(e.points == 150);
    BOOST_REQUIRE(step(e, "TIER"));
    BOOST_TEST(step(e, "TIER")->points == 50);
    BOOST_TEST(step(e, "TIER")->kind == "tier_multiplier");
    BOOST_TEST(step(e, "TIER")->note == "\xC3\x97"
                                        "150% for GOLD");
    BOOST_TEST(byRule(e, "TIER") == 50);
    BOOST_TEST(rateOrder(p, order(10000), member("SILVER")).points == 120);
}

BOOST_AUTO_TEST_CASE(the_tier_extra_rounds_down) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 150}}).build();
    auto e = rateOrder(p, order(3300), member("GOLD"));
    BOOST_TEST(e.points == 33 + 16);
}

BOOST_AUTO_TEST_CASE(a_member_without_a_tier_gets_the_base_tiers_percent) {
    const auto p = ProgrammeBuilder().tierPercent({{"REGULAR", 110}}).build();
    auto e = rateOrder(p, order(10000), member(""));
    BOOST_TEST(e.points == 110);
    BOOST_TEST(noteHas(step(e, "TIER"), "REGULAR"));
}

BOOST_AUTO_TEST_CASE(a_tier_without_a_multiplier_shows_a_step_that_was_not_applied) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 150}}).build();
    auto e = rateOrder(p, order(10000), member("SILVER"));
    BOOST_TEST(e.points == 100);
    BOOST_REQUIRE(step(e, "TIER"));
    BOOST_TEST(!step(e, "TIER")->applied);
    BOOST_TEST(step(e, "TIER")->points == 0);
    BOOST_TEST(byRule(e, "TIER") == -1);
}

BOOST_AUTO_TEST_CASE(a_multiplier_below_100_percent_takes_points_away_rounding_down) {
    const auto p = ProgrammeBuilder().tierPercent({{"REGULAR", 50}}).build();
    auto e = rateOrder(p, order(3300), member(""));
    BOOST_TEST(e.points == 16); // floor(33 * 50%)
    BOOST_TEST(step(e, "TIER")->points == -17);
}

BOOST_AUTO_TEST_CASE(the_plan_percent_adds_on_the_base_points_without_compounding_the_tier) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 150}}).build();
    auto m = member("GOLD");
    m.planPercent = 150;
    auto e = rateOrder(p, order(10000), m);
    BOOST_TEST(e.points == 200); // 100 + 50 + 50, not 100 * 1.5 * 1.5
    const auto* plan = stepOfKind(e, "plan");
    BOOST_REQUIRE(plan);
    BOOST_TEST(plan->points == 50);
    BOOST_TEST(plan->rule == "");
    BOOST_TEST(noteHas(plan, "150%"));
    BOOST_TEST(e.qualifyingPoints == 100);
}

BOOST_AUTO_TEST_CASE(no_plan_step_without_a_plan) {
    auto e = rateOrder(ProgrammeBuilder().build(), order(10000), member());
    BOOST_TEST(!stepOfKind(e, "plan"));
}

// --- bonus rule conditions ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_category_bonus_applies_to_its_categories_only) {
    const auto p =
        ProgrammeBuilder().rule(category("FRESH", 10, 100, Stacking::Stack, {"FOOD", "DRINK"})).build();
    auto o = order(10000);
    BOOST_TEST(rateOrder(p, o, member()).points == 200);
    o.category = "DRINK";
    BOOST_TEST(rateOrder(p, o, member()).points == 200);
    o.category = "TOYS";
    auto e = rateOrder(p, o, member());
    BOOST_TEST(e.points == 100);
    BOOST_TEST(!step(e, "FRESH")); // a rule whose condition fails leaves no step
    BOOST_TEST(byRule(e, "FRESH") == -1);
}

BOOST_AUTO_TEST_CASE(a_store_bonus_applies_in_its_stores_only) {
    auto r = bonus("FLAGSHIP", RuleKind::Store, 10, 50);
    r.values = {"S01"};
    const auto p = ProgrammeBuilder().rule(r).build();
    auto o = order(10000);
    BOOST_TEST(rateOrder(p, o, member()).points == 150);
    BOOST_TEST(rateOrder(p, o, member()).steps.back().kind == "store");
    o.store = "S02";
    BOOST_TEST(rateOrder(p, o, member()).points == 100);
}

BOOST_AUTO_TEST_CASE(a_channel_bonus_applies_on_its_channels_only) {
    auto r = bonus("APP", RuleKind::Channel, 10, 0, 30);
    r.values = {"app", "online"};
    const auto p = ProgrammeBuilder().rule(r).build();
    auto o = order(10000);
    BOOST_TEST(rateOrder(p, o, member()).points == 100);
    o.channel = "app";
    BOOST_TEST(rateOrder(p, o, member()).points == 130);
    o.channel = "online";
    BOOST_TEST(rateOrder(p, o, member()).points == 130);
}

BOOST_AUTO_TEST_CASE(a_date_range_bonus_includes_both_ends) {
    auto r = bonus("SPRING", RuleKind::DateRange, 10, 100);
    r.from = ymd(2024, 3, 1);
    r.to = ymd(2024, 3, 31);
    const auto p = ProgrammeBuilder().rule(r).build();
    auto o = order(10000);
    const auto pointsOn = [&](md::Date d) {
        o.localDate = d;
        return rateOrder(p, o, member()).points;
    };
    BOOST_TEST(pointsOn(ymd(2024, 2, 29)) == 100);
    BOOST_TEST(pointsOn(ymd(2024, 3, 1)) == 200);
    BOOST_TEST(pointsOn(ymd(2024, 3, 31)) == 200);
    BOOST_TEST(pointsOn(ymd(2024, 4, 1)) == 100);
}

BOOST_AUTO_TEST_CASE(a_date_range_without_an_end_is_open_on_that_side) {
    auto r = bonus("FROM_APRIL", RuleKind::DateRange, 10, 100);
    r.from = ymd(2024, 4, 1);
    const auto p = ProgrammeBuilder().rule(r).build();
    auto o = order(10000);
    o.localDate = ymd(2030, 1, 1);
    BOOST_TEST(rateOrder(p, o, member()).points == 200);
    o.localDate = ymd(2024, 3, 31);
    BOOST_TEST(rateOrder(p, o, member()).points == 100);
}

BOOST_AUTO_TEST_CASE(a_birthday_bonus_applies_in_the_members_birthday_month) {
    const auto p = ProgrammeBuilder().rule(bonus("BDAY", RuleKind::BirthdayMonth, 10, 100)).build();
    auto m = member();
    BOOST_TEST(rateOrder(p, order(10000), m).points == 100); // no birthday known
    m.birthday = ymd(1990, 3, 31);
    BOOST_TEST(rateOrder(p, order(10000), m).points == 200);
    m.birthday = ymd(1990, 4, 1);
    BOOST_TEST(rateOrder(p, order(10000), m).points == 100);
}

BOOST_AUTO_TEST_CASE(a_29_february_birthday_is_celebrated_in_february_of_common_years) {
    const auto p = ProgrammeBuilder().rule(bonus("BDAY", RuleKind::BirthdayMonth, 10, 100)).build();
    auto m = member();
    m.birthday = ymd(2000, 2, 29);
    auto o = order(10000);
    o.localDate = ymd(2023, 2, 1);
    BOOST_TEST(rateOrder(p, o, m).points == 200);
    o.localDate = ymd(2023, 2, 28);
    BOOST_TEST(rateOrder(p, o, m).points == 200);
    o.localDate = ymd(2023, 3, 1);
    BOOST_TEST(rateOrder(p, o, m).points == 100);
}

BOOST_AUTO_TEST_CASE(a_member_day_bonus_applies_on_that_day_of_every_month) {
    auto r = bonus("MEMBER_DAY", RuleKind::MemberDay, 10, 0, 88);
    r.dayOfMonth = 18;
    const auto p = ProgrammeBuilder().rule(r).build();
    auto o = order(10000);
    BOOST_TEST(rateOrder(p, o, member()).points == 188);
    o.localDate = ymd(2024, 12, 18);
    BOOST_TEST(rateOrder(p, o, member()).points == 188);
    o.localDate = ymd(2024, 3, 19);
    BOOST_TEST(rateOrder(p, o, member()).points == 100);
}

BOOST_AUTO_TEST_CASE(a_bonus_is_its_extra_percent_of_base_plus_its_fixed_points) {
    auto r = bonus("BOTH", RuleKind::Store, 10, 100, 20);
    r.values = {"S01"};
    auto e = rateOrder(ProgrammeBuilder().rule(r).build(), order(12345), member());
    BOOST_TEST(byRule(e, "BOTH") == 123 + 20);
    BOOST_TEST(e.points == 123 + 123 + 20);
    const auto* s = step(e, "BOTH");
    BOOST_REQUIRE(s);
    BOOST_TEST(s->applied);
    BOOST_TEST(s->points == 143);
    BOOST_TEST(noteHas(s, "store S01"));
}

BOOST_AUTO_TEST_CASE(bonuses_build_on_the_base_points_not_on_the_tier_extra) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 200}}).rule(category("FOOD2X", 10, 100)).build();
    auto e = rateOrder(p, order(10000), member("GOLD"));
    BOOST_TEST(byRule(e, "FOOD2X") == 100);
}

BOOST_AUTO_TEST_CASE(referral_rules_earn_nothing_on_orders_and_are_found_by_referral_rule) {
    auto ref = bonus("REFER", RuleKind::Referral, 5, 0, 500);
    const auto p = ProgrammeBuilder().rule(ref).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 100);
    BOOST_TEST(!step(e, "REFER"));
    BOOST_REQUIRE(referralRule(p));
    BOOST_TEST(referralRule(p)->code == "REFER");
    BOOST_TEST(referralRule(ProgrammeBuilder().build()) == nullptr);
}

// --- stacking -------------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(stacking_bonuses_add_up) {
    auto store = bonus("S01_BONUS", RuleKind::Store, 20, 50);
    store.values = {"S01"};
    const auto p = ProgrammeBuilder().rule(category("FOOD2X", 10, 100)).rule(store).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 100 + 100 + 50);
    BOOST_TEST(sumByRule(e) == e.points);
}

BOOST_AUTO_TEST_CASE(rules_run_in_ascending_priority_not_in_the_order_they_are_listed) {
    auto store = bonus("S01_BONUS", RuleKind::Store, 5, 50);
    store.values = {"S01"};
    const auto p =
        ProgrammeBuilder().rule(category("LATE", 30, 10)).rule(category("EARLY", 10, 10)).rule(store).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST((stepRules(e) == std::vector<std::string>{"BASE", "S01_BONUS", "EARLY", "LATE"}));
}

BOOST_AUTO_TEST_CASE(an_exclusive_rule_that_applies_shuts_out_the_rules_after_it_only) {
    auto store = bonus("S01_BONUS", RuleKind::Store, 20, 50);
    store.values = {"S01"};
    auto hw = bonus("HW", RuleKind::Channel, 30, 300, 0, Stacking::HighestWins);
    hw.values = {"store"};
    const auto p = ProgrammeBuilder()
                       .rule(category("EARLY", 5, 10))
                       .rule(category("EXCL", 10, 100, Stacking::Exclusive))
                       .rule(store)
                       .rule(hw)
                       .build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 100 + 10 + 100);
    BOOST_TEST(step(e, "EARLY")->applied);
    BOOST_TEST(step(e, "EXCL")->applied);
    for (const char* code : {"S01_BONUS", "HW"}) {
        const auto* s = step(e, code);
        BOOST_REQUIRE(s);
        BOOST_TEST(!s->applied);
        BOOST_TEST(s->points == 0);
        BOOST_TEST(noteHas(s, "excluded by EXCL"));
        BOOST_TEST(byRule(e, code) == -1);
    }
}

BOOST_AUTO_TEST_CASE(a_later_exclusive_rule_is_itself_shut_out_by_an_earlier_one) {
    const auto p = ProgrammeBuilder()
                       .rule(category("FIRST", 10, 100, Stacking::Exclusive))
                       .rule(category("SECOND", 20, 400, Stacking::Exclusive))
                       .build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 200);
    BOOST_TEST(noteHas(step(e, "SECOND"), "excluded by FIRST"));
}

BOOST_AUTO_TEST_CASE(an_exclusive_rule_whose_condition_fails_shuts_out_nothing) {
    const auto p = ProgrammeBuilder()
                       .rule(category("TOYS_ONLY", 10, 100, Stacking::Exclusive, {"TOYS"}))
                       .rule(category("FOOD2X", 20, 100))
                       .build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 200);
    BOOST_TEST(step(e, "FOOD2X")->applied);
}

BOOST_AUTO_TEST_CASE(an_exclusive_rule_with_its_budget_spent_shuts_out_nothing) {
    auto excl = category("CAMPAIGN", 10, 200, Stacking::Exclusive);
    excl.budgetPoints = 1000;
    const auto p = ProgrammeBuilder().rule(excl).rule(category("FOOD2X", 20, 100)).build();
    RuleUsage usage;
    usage.budget["CAMPAIGN"] = 1000;
    auto e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(e.points == 200);
    BOOST_TEST(!step(e, "CAMPAIGN")->applied);
    BOOST_TEST(noteHas(step(e, "CAMPAIGN"), "budget 1000 per month used up"));
    BOOST_TEST(step(e, "FOOD2X")->applied);
}

BOOST_AUTO_TEST_CASE(of_the_highest_wins_rules_only_the_largest_bonus_counts) {
    auto store = bonus("STORE_HW", RuleKind::Store, 10, 50, 0, Stacking::HighestWins);
    store.values = {"S01"};
    const auto p = ProgrammeBuilder()
                       .rule(store)
                       .rule(category("FOOD_HW", 20, 200, Stacking::HighestWins))
                       .rule(category("FOOD_STACK", 30, 10))
                       .build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 100 + 200 + 10);
    BOOST_TEST(!step(e, "STORE_HW")->applied);
    BOOST_TEST(step(e, "STORE_HW")->points == 0);
    BOOST_TEST(noteHas(step(e, "STORE_HW"), "beaten by FOOD_HW"));
    BOOST_TEST(noteHas(step(e, "STORE_HW"), "would give 50"));
    BOOST_TEST(step(e, "FOOD_HW")->applied);
    BOOST_TEST(step(e, "FOOD_STACK")->applied);
    BOOST_TEST(byRule(e, "STORE_HW") == -1);
    BOOST_TEST(sumByRule(e) == e.points);
}

BOOST_AUTO_TEST_CASE(a_highest_wins_tie_goes_to_the_lowest_priority_number) {
    auto store = bonus("STORE_HW", RuleKind::Store, 20, 100, 0, Stacking::HighestWins);
    store.values = {"S01"};
    // Listed after its rival but evaluated first: priority decides, not the list.
    const auto p =
        ProgrammeBuilder().rule(store).rule(category("FOOD_HW", 10, 100, Stacking::HighestWins)).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 200);
    BOOST_TEST(step(e, "FOOD_HW")->applied);
    BOOST_TEST(noteHas(step(e, "STORE_HW"), "beaten by FOOD_HW"));
}

BOOST_AUTO_TEST_CASE(highest_wins_compares_bonuses_after_their_limits) {
    auto big = category("BIG_CAPPED", 10, 300, Stacking::HighestWins);
    big.capPerOrder = 40;
    auto store = bonus("STORE_HW", RuleKind::Store, 20, 60, 0, Stacking::HighestWins);
    store.values = {"S01"};
    const auto p = ProgrammeBuilder().rule(big).rule(store).build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 160);
    BOOST_TEST(noteHas(step(e, "BIG_CAPPED"), "beaten by STORE_HW"));
}

BOOST_AUTO_TEST_CASE(a_spent_highest_wins_rule_does_not_compete) {
    auto big = category("BIG", 10, 300, Stacking::HighestWins);
    big.capPerMember = 100;
    auto store = bonus("STORE_HW", RuleKind::Store, 20, 10, 0, Stacking::HighestWins);
    store.values = {"S01"};
    const auto p = ProgrammeBuilder().rule(big).rule(store).build();
    RuleUsage usage;
    usage.member["BIG"] = 100;
    auto e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(e.points == 110);
    BOOST_TEST(step(e, "STORE_HW")->applied);
    BOOST_TEST(!step(e, "BIG")->applied);
    BOOST_TEST(noteHas(step(e, "BIG"), "member cap 100 per month used up"));
}

BOOST_AUTO_TEST_CASE(an_exclusive_rule_keeps_later_highest_wins_rules_out_of_the_contest) {
    auto store = bonus("STORE_HW", RuleKind::Store, 10, 50, 0, Stacking::HighestWins);
    store.values = {"S01"};
    const auto p = ProgrammeBuilder()
                       .rule(store)
                       .rule(category("EXCL", 20, 10, Stacking::Exclusive))
                       .rule(category("LATE_HW", 30, 500, Stacking::HighestWins))
                       .build();
    auto e = rateOrder(p, order(10000), member());
    BOOST_TEST(e.points == 100 + 50 + 10);
    BOOST_TEST(step(e, "STORE_HW")->applied);
    BOOST_TEST(noteHas(step(e, "LATE_HW"), "excluded by EXCL"));
}

// --- per-rule limits ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_rules_cap_per_order_limits_its_bonus_and_says_so) {
    auto r = category("FOOD2X", 10, 100);
    r.capPerOrder = 30;
    auto e = rateOrder(ProgrammeBuilder().rule(r).build(), order(10000), member());
    BOOST_TEST(byRule(e, "FOOD2X") == 30);
    BOOST_TEST(e.points == 130);
    BOOST_TEST(noteHas(step(e, "FOOD2X"), "capped at 30 per order"));
    e = rateOrder(ProgrammeBuilder().rule(r).build(), order(2000), member());
    BOOST_TEST(byRule(e, "FOOD2X") == 20);
    BOOST_TEST(!noteHas(step(e, "FOOD2X"), "capped"));
}

BOOST_AUTO_TEST_CASE(a_member_cap_pays_what_is_left_of_it_in_the_period) {
    auto r = category("FOOD2X", 10, 100);
    r.capPerMember = 100;
    const auto p = ProgrammeBuilder().rule(r).build();
    RuleUsage usage;
    usage.member["FOOD2X"] = 70;
    auto e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(byRule(e, "FOOD2X") == 30);
    BOOST_TEST(noteHas(step(e, "FOOD2X"), "member cap 100 per month: 30 left"));
    usage.member["FOOD2X"] = 100;
    e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(e.points == 100);
    BOOST_TEST(!step(e, "FOOD2X")->applied);
    usage.member["FOOD2X"] = 250; // over the cap (the cap was lowered): nothing, never negative
    e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(e.points == 100);
    BOOST_TEST(step(e, "FOOD2X")->points == 0);
}

BOOST_AUTO_TEST_CASE(usage_of_one_rule_does_not_limit_another) {
    auto r = category("FOOD2X", 10, 100);
    r.capPerMember = 100;
    RuleUsage usage;
    usage.member["OTHER"] = 100;
    usage.budget["OTHER"] = 100;
    auto e = rateOrder(ProgrammeBuilder().rule(r).build(), order(10000), member(), usage);
    BOOST_TEST(byRule(e, "FOOD2X") == 100);
}

BOOST_AUTO_TEST_CASE(a_member_cap_per_order_ignores_usage_from_other_orders) {
    auto r = category("FOOD2X", 10, 100);
    r.capPerMember = 60;
    r.capPeriod = Period::Order;
    RuleUsage usage;
    usage.member["FOOD2X"] = 60;
    auto e = rateOrder(ProgrammeBuilder().rule(r).build(), order(10000), member(), usage);
    BOOST_TEST(byRule(e, "FOOD2X") == 60);
    BOOST_TEST(noteHas(step(e, "FOOD2X"), "member cap 60 per order: 60 left"));
}

BOOST_AUTO_TEST_CASE(a_budget_pays_out_its_remainder_then_stops) {
    auto r = category("FOOD2X", 10, 100);
    r.budgetPoints = 10000;
    r.budgetPeriod = Period::Programme;
    const auto p = ProgrammeBuilder().rule(r).build();
    RuleUsage usage;
    usage.budget["FOOD2X"] = 9975;
    auto e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(byRule(e, "FOOD2X") == 25);
    BOOST_TEST(noteHas(step(e, "FOOD2X"), "budget 10000 in total: 25 left"));
    usage.budget["FOOD2X"] = 10000;
    e = rateOrder(p, order(10000), member(), usage);
    BOOST_TEST(e.points == 100);
    BOOST_TEST(!step(e, "FOOD2X")->applied);
    BOOST_TEST(noteHas(step(e, "FOOD2X"), "used up"));
}

BOOST_AUTO_TEST_CASE(limits_apply_per_order_then_per_member_then_budget_and_each_that_cuts_is_noted) {
    auto r = category("FOOD2X", 10, 100, Stacking::Stack);
    r.capPerOrder = 80;
    r.capPerMember = 200;
    r.capPeriod = Period::Year;
    r.budgetPoints = 5000;
    r.budgetPeriod = Period::Day;
    RuleUsage usage;
    usage.member["FOOD2X"] = 140;  // 60 left
    usage.budget["FOOD2X"] = 4950; // 50 left
    auto e = rateOrder(ProgrammeBuilder().rule(r).build(), order(10000), member(), usage);
    BOOST_TEST(byRule(e, "FOOD2X") == 50);
    const auto* s = step(e, "FOOD2X");
    BOOST_TEST(noteHas(s, "capped at 80 per order"));
    BOOST_TEST(noteHas(s, "member cap 200 per year: 60 left"));
    BOOST_TEST(noteHas(s, "budget 5000 per day: 50 left"));
    BOOST_TEST(s->note.find("capped") < s->note.find("member cap"));
    BOOST_TEST(s->note.find("member cap") < s->note.find("budget"));
}

BOOST_AUTO_TEST_CASE(limits_on_the_base_rule_and_tier_multiplier_work_like_a_bonus_rules) {
    auto p = ProgrammeBuilder().tierPercent({{"GOLD", 200}}).build();
    p.rules[0].capPerMember = 1000;
    p.rules[1].budgetPoints = 500;
    RuleUsage usage;
    usage.member["BASE"] = 960;
    usage.budget["TIER"] = 480;
    auto e = rateOrder(p, order(10000), member("GOLD"), usage);
    BOOST_TEST(byRule(e, "BASE") == 40);
    BOOST_TEST(e.qualifyingPoints == 40);
    BOOST_TEST(byRule(e, "TIER") == 20);
    BOOST_TEST(e.points == 60);
}

// --- programme cap per order ----------------------------------------------------------------------

namespace {

/// GOLD member, ¥100: BASE 100, TIER +50, FIRST (priority 10) +100, SECOND (priority 20) +30: 280.
Earning cappedAt(std::int64_t cap) {
    const auto p = ProgrammeBuilder()
                       .tierPercent({{"GOLD", 150}})
                       .rule(category("FIRST", 10, 100))
                       .rule(category("SECOND", 20, 30))
                       .orderCap(cap)
                       .build();
    return rateOrder(p, order(10000), member("GOLD"));
}

} // namespace

BOOST_AUTO_TEST_CASE(the_order_cap_limits_the_total_with_a_negative_step) {
    auto e = cappedAt(200);
    BOOST_TEST(e.points == 200);
    const auto* cap = stepOfKind(e, "order_cap");
    BOOST_REQUIRE(cap);
    BOOST_TEST(cap->points == -80);
    BOOST_TEST(cap->rule == "");
    BOOST_TEST(cap->applied);
    BOOST_TEST(noteHas(cap, "200 per order"));
    BOOST_TEST(e.steps.back().kind == "order_cap");
}

BOOST_AUTO_TEST_CASE(the_order_cut_comes_off_the_last_evaluated_bonus_first) {
    auto e = cappedAt(200);
    BOOST_TEST(byRule(e, "SECOND") == 0);
    BOOST_TEST(byRule(e, "FIRST") == 50);
    BOOST_TEST(byRule(e, "TIER") == 50);
    BOOST_TEST(byRule(e, "BASE") == 100);
    BOOST_TEST(sumByRule(e) == 200);
}

BOOST_AUTO_TEST_CASE(the_order_cut_reaches_the_tier_and_then_the_base_only_after_all_bonuses) {
    auto e = cappedAt(120);
    BOOST_TEST(byRule(e, "SECOND") == 0);
    BOOST_TEST(byRule(e, "FIRST") == 0);
    BOOST_TEST(byRule(e, "TIER") == 20);
    BOOST_TEST(byRule(e, "BASE") == 100);
    e = cappedAt(60);
    BOOST_TEST(byRule(e, "TIER") == 0);
    BOOST_TEST(byRule(e, "BASE") == 60);
    BOOST_TEST(e.points == 60);
    BOOST_TEST(e.qualifyingPoints == 100);
}

BOOST_AUTO_TEST_CASE(an_order_under_the_cap_has_no_cap_step) {
    auto e = cappedAt(280);
    BOOST_TEST(e.points == 280);
    BOOST_TEST(!stepOfKind(e, "order_cap"));
    BOOST_TEST(sumByRule(e) == 280);
}

// --- text forms -----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(the_breakdown_json_is_compact_and_in_step_order) {
    Earning e;
    e.points = 150;
    e.qualifyingPoints = 100;
    e.tier = "GOLD";
    e.steps.push_back({"BASE", "base", 100, true, "1 per 1.00"});
    e.steps.push_back({"", "order_cap", -5, false, ""});
    BOOST_TEST(breakdownJson(e) ==
               R"({"points":150,"qualifying":100,"tier":"GOLD","steps":[)"
               R"({"rule":"BASE","kind":"base","points":100,"applied":true,"note":"1 per 1.00"},)"
               R"({"rule":"","kind":"order_cap","points":-5,"applied":false,"note":""}]})");
    BOOST_TEST(breakdownJson(Earning{}) == R"({"points":0,"qualifying":0,"tier":"","steps":[]})");
}

BOOST_AUTO_TEST_CASE(the_breakdown_json_escapes_quotes_backslashes_and_controls) {
    Earning e;
    e.steps.push_back({"A\"B", "k\\", 0, true, "line\none\ttab\x01\x7f"});
    const auto json = breakdownJson(e);
    BOOST_TEST(json.find(R"("rule":"A\"B")") != std::string::npos);
    BOOST_TEST(json.find(R"("kind":"k\\")") != std::string::npos);
    BOOST_TEST(json.find(R"("note":"line\none\ttab\u0001\u007f")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_breakdown_json_keeps_utf8_and_replaces_bytes_that_are_not) {
    Earning e;
    // 食品 ×150%, a C1 control, 中文 in GBK (not UTF-8), and a UTF-8 sequence cut short.
    e.steps.push_back({"", "category", 0, true,
                       "\xE9\xA3\x9F\xE5\x93\x81 \xC3\x97"
                       "150% \xC2\x9B"
                       "x \xD6\xD0\xCE\xC4 \xE9\xA3"});
    const auto json = breakdownJson(e);
    const std::string expected = "\"note\":\"\xE9\xA3\x9F\xE5\x93\x81 \xC3\x97"
                                 "150% \\u009bx \\ufffd\\ufffd\\ufffd\\ufffd \\ufffd\\ufffd\"}";
    BOOST_TEST_INFO("json: " << json);
    BOOST_TEST(json.find(expected) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rated_orders_breakdown_names_every_step) {
    const auto p = ProgrammeBuilder().tierPercent({{"GOLD", 150}}).rule(category("FOOD2X", 10, 100)).build();
    const auto json = breakdownJson(rateOrder(p, order(10000), member("GOLD")));
    BOOST_TEST(json.find(R"({"points":250,"qualifying":100,)") == 0u);
    BOOST_TEST(json.find(R"("rule":"TIER","kind":"tier_multiplier","points":50,"applied":true)") !=
               std::string::npos);
    BOOST_TEST(json.find(R"("rule":"FOOD2X","kind":"category","points":100)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(period_keys_name_the_period_containing_the_day) {
    const auto d = ymd(2024, 3, 8);
    BOOST_TEST(periodKey(Period::Order, d) == "");
    BOOST_TEST(periodKey(Period::Day, d) == "2024-03-08");
    BOOST_TEST(periodKey(Period::Month, d) == "2024-03");
    BOOST_TEST(periodKey(Period::Year, d) == "2024");
    BOOST_TEST(periodKey(Period::Programme, d) == "all");
    BOOST_TEST(periodKey(Period::Month, ymd(2024, 12, 31)) == "2024-12");
}

BOOST_AUTO_TEST_SUITE_END()
