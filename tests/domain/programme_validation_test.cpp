// validateProgramme: each contradiction or impossible value is one problem, at the JSON path of the
// field, with a stable code.
#include "domain/loyalty/programme.h"
#include "tests/domain/programme_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace md::loyalty;
using test_programme::day;
using test_programme::validProgramme;

namespace {

/// "field code" of every problem, joined by "; ".
std::string found(const Programme& p) {
    std::string out;
    for (const ProgrammeProblem& q : validateProgramme(p)) {
        BOOST_TEST(!q.message.empty());
        out += (out.empty() ? "" : "; ") + q.field + " " + q.code;
    }
    return out;
}

EarningRule& rule(Programme& p, const std::string& code) {
    for (EarningRule& r : p.rules)
        if (r.code == code) return r;
    throw std::logic_error("no rule " + code);
}

} // namespace

BOOST_AUTO_TEST_SUITE(programme_validation)

BOOST_AUTO_TEST_CASE(the_fixture_programme_is_valid) {
    BOOST_TEST(found(validProgramme()) == "");
}

BOOST_AUTO_TEST_CASE(a_programme_needs_a_name_cny_and_a_point_value) {
    Programme p = validProgramme();
    p.name = "  ";
    p.currency = "USD";
    p.pointValue = {0, 0};
    BOOST_TEST(found(p) == "name programme.required; currency programme.currency_unsupported; "
                           "point_value.amount programme.point_value_invalid; "
                           "point_value.points programme.point_value_invalid");
}

BOOST_AUTO_TEST_CASE(programme_wide_limits_must_not_be_negative) {
    Programme p = validProgramme();
    p.minSpendMinor = -1;
    p.maxPointsPerOrder = -1;
    p.approvalThreshold = -1;
    BOOST_TEST(found(p) == "min_spend programme.negative; max_points_per_order programme.negative; "
                           "approval_threshold programme.negative");
}

BOOST_AUTO_TEST_CASE(a_ladder_needs_at_least_one_tier) {
    Programme p = validProgramme();
    p.ladder.tiers.clear();
    p.benefits.clear();
    rule(p, "TIERS").tierPercent.clear();
    BOOST_TEST(found(p) == "tiers.ladder programme.no_tiers");
}

BOOST_AUTO_TEST_CASE(ranks_must_run_from_zero_in_ladder_order) {
    Programme p = validProgramme();
    p.ladder.tiers[2].rank = 3;
    BOOST_TEST(found(p) == "tiers.ladder[2].rank programme.rank_out_of_order");
    p = validProgramme();
    std::swap(p.ladder.tiers[1].rank, p.ladder.tiers[2].rank);
    const std::string f = found(p);
    BOOST_TEST(f.find("tiers.ladder[1].rank programme.rank_out_of_order") != std::string::npos);
    BOOST_TEST(f.find("tiers.ladder[2].rank programme.rank_out_of_order") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tier_codes_follow_the_pattern_and_are_unique) {
    Programme p = validProgramme();
    p.ladder.tiers[1].code = "silver";
    BOOST_TEST(found(p).starts_with("tiers.ladder[1].code programme.code_invalid"));
    p = validProgramme();
    p.ladder.tiers[2].code = "SILVER";
    BOOST_TEST(found(p).starts_with("tiers.ladder[2].code programme.code_duplicate"));
    p.ladder.tiers[2].code = std::string(33, 'A');
    BOOST_TEST(found(p).starts_with("tiers.ladder[2].code programme.code_invalid"));
}

BOOST_AUTO_TEST_CASE(tier_names_are_required_and_plain_text) {
    Programme p = validProgramme();
    p.ladder.tiers[1].nameZh = "";
    p.ladder.tiers[2].nameEn = "Gold\x1b[31m";
    BOOST_TEST(found(p) ==
               "tiers.ladder[1].name_zh programme.required; tiers.ladder[2].name_en programme.text_invalid");
    p = validProgramme();
    p.ladder.tiers[0].nameZh = "\xE9\x87"; // a truncated 金
    BOOST_TEST(found(p) == "tiers.ladder[0].name_zh programme.text_invalid");
}

BOOST_AUTO_TEST_CASE(the_base_tier_has_no_thresholds) {
    Programme p = validProgramme();
    p.ladder.tiers[0].entrySpendMinor = 100;
    BOOST_TEST(found(p) == "tiers.ladder[0].entry_spend programme.base_tier_threshold");
    p = validProgramme();
    p.ladder.tiers[0].retainPoints = 5;
    BOOST_TEST(found(p) == "tiers.ladder[0].retain_points programme.base_tier_threshold");
}

BOOST_AUTO_TEST_CASE(a_higher_tier_needs_some_entry_threshold) {
    Programme p = validProgramme();
    p.ladder.tiers[2].entrySpendMinor = 0;
    p.ladder.tiers[2].retainSpendMinor = 0;
    BOOST_TEST(found(p) == "tiers.ladder[2].entry_spend programme.tier_without_threshold");
}

BOOST_AUTO_TEST_CASE(overlapping_spend_thresholds_are_refused) {
    Programme p = validProgramme();
    p.ladder.tiers[2].entrySpendMinor = p.ladder.tiers[1].entrySpendMinor; // equal: not rising
    p.ladder.tiers[2].retainSpendMinor = 0;
    const auto problems = validateProgramme(p);
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].field == "tiers.ladder[2].entry_spend");
    BOOST_TEST(problems[0].code == "programme.threshold_not_rising");
    BOOST_TEST(problems[0].message.find("¥2,000.00") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(points_thresholds_must_rise_among_the_tiers_that_use_them) {
    Programme p = validProgramme();
    p.ladder.tiers[2].entryPoints = 1500; // SILVER needs 2000 points; GOLD did not use points before
    BOOST_TEST(found(p) == "tiers.ladder[2].entry_points programme.threshold_not_rising");
    p.ladder.tiers[2].entryPoints = 2001;
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(retention_may_not_exceed_entry) {
    Programme p = validProgramme();
    p.ladder.tiers[1].retainSpendMinor = p.ladder.tiers[1].entrySpendMinor + 1;
    p.ladder.tiers[2].retainPoints = 1; // GOLD is entered by spend only
    BOOST_TEST(found(p) == "tiers.ladder[1].retain_spend programme.retention_above_entry; "
                           "tiers.ladder[2].retain_points programme.retention_above_entry");
}

BOOST_AUTO_TEST_CASE(thresholds_are_not_negative_and_grace_is_at_most_two_years) {
    Programme p = validProgramme();
    p.ladder.tiers[1].retainPoints = -1;
    p.ladder.tiers[2].graceDays = 731;
    BOOST_TEST(found(p) == "tiers.ladder[1].retain_points programme.negative; "
                           "tiers.ladder[2].grace_days programme.out_of_range");
    p = validProgramme();
    p.ladder.tiers[2].graceDays = 730;
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(benefit_codes_are_unique_and_tiers_exist) {
    Programme p = validProgramme();
    p.benefits[1].code = "GOLD_DISCOUNT";
    p.benefits[3].tiers = {"SILVER", "PLATINUM"};
    BOOST_TEST(found(p) ==
               "benefits[1].code programme.code_duplicate; benefits[3].tiers[1] programme.unknown_tier");
    p = validProgramme();
    p.benefits[0].tiers.clear();
    BOOST_TEST(found(p) == "benefits[0].tiers programme.benefit_without_tier");
}

BOOST_AUTO_TEST_CASE(a_benefit_ends_on_or_after_its_start) {
    Programme p = validProgramme();
    p.benefits[0].effectiveTo = day(2023, 12, 31);
    BOOST_TEST(found(p) == "benefits[0].effective_to programme.date_order");
    p.benefits[0].effectiveTo = p.benefits[0].effectiveFrom;
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(benefit_percents_and_member_days_are_in_range) {
    Programme p = validProgramme();
    p.benefits[0].percent = 0; // a discount of nothing
    p.benefits[1].dayOfMonth = 29;
    BOOST_TEST(found(p) ==
               "benefits[0].percent programme.out_of_range; benefits[1].day_of_month programme.out_of_range");
    p = validProgramme();
    p.benefits[0].percent = 101;
    BOOST_TEST(found(p) == "benefits[0].percent programme.out_of_range");
    p = validProgramme();
    p.benefits[0].type = BenefitType::PointsMultiplier;
    p.benefits[0].percent = 99;
    BOOST_TEST(found(p) == "benefits[0].percent programme.out_of_range");
    p.benefits[0].percent = 1000;
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(vouchers_have_a_value_and_partners_a_name) {
    Programme p = validProgramme();
    p.benefits[2].valueMinor = 0;
    p.benefits[2].validDays = 0;
    p.benefits[3].partner = "";
    BOOST_TEST(found(p) ==
               "benefits[2].value programme.out_of_range; benefits[2].valid_days programme.out_of_range; "
               "benefits[3].partner programme.required");
}

BOOST_AUTO_TEST_CASE(rule_codes_are_unique_and_there_is_exactly_one_base_rule) {
    Programme p = validProgramme();
    rule(p, "APP").code = "FLAGSHIP";
    BOOST_TEST(found(p) == "rules[4].code programme.code_duplicate");
    p = validProgramme();
    p.rules.erase(p.rules.begin());
    BOOST_TEST(found(p) == "rules programme.base_rule_count");
    p = validProgramme();
    p.rules.push_back(p.rules[0]);
    p.rules.back().code = "BASE2";
    BOOST_TEST(found(p) == "rules[9].kind programme.base_rule_count");
}

BOOST_AUTO_TEST_CASE(the_base_rule_earns_at_least_one_point_per_positive_unit) {
    Programme p = validProgramme();
    rule(p, "BASE").pointsPer = 0;
    rule(p, "BASE").unitMinor = 0;
    BOOST_TEST(found(p) ==
               "rules[0].points_per programme.out_of_range; rules[0].unit programme.out_of_range");
}

BOOST_AUTO_TEST_CASE(one_tier_multiplier_naming_real_tiers_with_sane_percents) {
    Programme p = validProgramme();
    rule(p, "TIERS").tierPercent["PLATINUM"] = 200;
    rule(p, "TIERS").tierPercent["SILVER"] = 90;
    BOOST_TEST(found(p) == "rules[1].tier_percent.PLATINUM programme.unknown_tier; "
                           "rules[1].tier_percent.SILVER programme.out_of_range");
    p = validProgramme();
    p.rules.push_back(rule(p, "TIERS"));
    p.rules.back().code = "TIERS2";
    BOOST_TEST(found(p) == "rules[9].kind programme.tier_multiplier_count");
}

BOOST_AUTO_TEST_CASE(bonus_rules_have_unique_priorities_after_the_base_rule) {
    Programme p = validProgramme();
    rule(p, "APP").priority = rule(p, "BEAUTY").priority;
    BOOST_TEST(found(p) == "rules[4].priority programme.priority_duplicate");
    p = validProgramme();
    rule(p, "BEAUTY").priority = 0;
    BOOST_TEST(found(p) == "rules[2].priority programme.priority_not_after_base");
    p = validProgramme();
    rule(p, "REFERRAL").priority = 10; // referral is not a bonus: its priority may repeat
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(listed_rules_need_values_and_channels_are_known) {
    Programme p = validProgramme();
    rule(p, "BEAUTY").values.clear();
    rule(p, "FLAGSHIP").values = {""};
    rule(p, "APP").values = {"app", "wechat"};
    BOOST_TEST(found(p) == "rules[2].values programme.required; rules[3].values[0] programme.required; "
                           "rules[4].values[1] programme.unknown_channel");
}

BOOST_AUTO_TEST_CASE(a_date_range_rule_starts_and_ends_in_order) {
    Programme p = validProgramme();
    rule(p, "SPRING").to = day(2024, 2, 29);
    BOOST_TEST(found(p) == "rules[5].to programme.date_order");
    rule(p, "SPRING").from.reset();
    BOOST_TEST(found(p) == "rules[5].from programme.required");
    rule(p, "SPRING").from = day(2024, 2, 29);
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(bonus_rules_give_something_within_range) {
    Programme p = validProgramme();
    rule(p, "BIRTHDAY").bonusPercent = 0;
    BOOST_TEST(found(p) == "rules[6].bonus_percent programme.bonus_empty");
    rule(p, "BIRTHDAY").extraPoints = 100;
    BOOST_TEST(found(p) == "");
    rule(p, "BIRTHDAY").bonusPercent = 1001;
    rule(p, "BIRTHDAY").extraPoints = -1;
    BOOST_TEST(found(p) ==
               "rules[6].bonus_percent programme.out_of_range; rules[6].extra_points programme.negative");
}

BOOST_AUTO_TEST_CASE(member_day_rules_fall_on_days_every_month_has) {
    Programme p = validProgramme();
    rule(p, "MEMBER_DAY").dayOfMonth = 0;
    BOOST_TEST(found(p) == "rules[7].day_of_month programme.out_of_range");
    rule(p, "MEMBER_DAY").dayOfMonth = 28;
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(one_referral_rule_giving_points) {
    Programme p = validProgramme();
    rule(p, "REFERRAL").extraPoints = 0;
    BOOST_TEST(found(p) == "rules[8].extra_points programme.out_of_range");
    p = validProgramme();
    p.rules.push_back(rule(p, "REFERRAL"));
    p.rules.back().code = "REFERRAL2";
    BOOST_TEST(found(p) == "rules[9].kind programme.referral_rule_count");
}

BOOST_AUTO_TEST_CASE(caps_and_budgets_are_not_negative) {
    Programme p = validProgramme();
    rule(p, "BASE").capPerOrder = -1;
    rule(p, "TIERS").capPerMember = -1;
    rule(p, "SPRING").budgetPoints = -1;
    BOOST_TEST(found(p) ==
               "rules[0].cap_per_order programme.negative; rules[1].cap_per_member programme.negative; "
               "rules[5].budget_points programme.negative");
}

BOOST_AUTO_TEST_CASE(expiry_periods_are_in_range_for_their_kind) {
    Programme p = validProgramme();
    p.expiry.months = 121;
    BOOST_TEST(found(p) == "expiry.months programme.out_of_range");
    p.expiry.months = 0; // end of the earning month
    BOOST_TEST(found(p) == "");
    p.expiry.kind = ExpiryKind::DaysAfterEarn;
    p.expiry.days = 0;
    BOOST_TEST(found(p) == "expiry.days programme.out_of_range");
    p.expiry.days = 3650;
    p.expiry.pendingDays = -1;
    p.expiry.expiringSoonDays = 366;
    BOOST_TEST(
        found(p) ==
        "expiry.pending_days programme.out_of_range; expiry.expiring_soon_days programme.out_of_range");
    p = validProgramme();
    p.expiry.kind = ExpiryKind::Never;
    p.expiry.days = 0; // does not matter when points never expire
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_SUITE_END()
