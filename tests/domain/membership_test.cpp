// Paid plans in the programme (validation, JSON), membership terms and their standing, the tier floor,
// and the codes people type.
#include "domain/loyalty/programme_json.h"
#include "domain/loyalty/tiers.h"
#include "domain/membership/codes.h"
#include "domain/membership/membership.h"
#include "tests/domain/programme_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <set>

using namespace md;
using namespace md::loyalty;
using namespace md::membership;
using test_programme::day;
using test_programme::validProgramme;

namespace {

Plan plusPlan() {
    Plan x;
    x.code = "PLUS";
    x.nameZh = "PLUS会员";
    x.nameEn = "PLUS";
    x.feeMinor = 9900;
    x.termMonths = 12;
    x.floorTier = "SILVER";
    x.pointsPercent = 150;
    x.benefits = {"BIRTHDAY"};
    return x;
}

std::string found(const Programme& p) {
    std::string out;
    for (const ProgrammeProblem& q : validateProgramme(p))
        out += (out.empty() ? "" : "; ") + q.field + " " + q.code;
    return out;
}

Term term(const char* plan, Date from, Date to, std::optional<Date> cancelled = std::nullopt) {
    Term t;
    t.planCode = plan;
    t.startsOn = from;
    t.endsOn = to;
    t.cancelledOn = cancelled;
    return t;
}

} // namespace

BOOST_AUTO_TEST_SUITE(membership_plans)

BOOST_AUTO_TEST_CASE(a_programme_with_a_valid_plan_is_valid_and_round_trips_through_json) {
    Programme p = validProgramme();
    p.plans = {plusPlan()};
    BOOST_TEST(found(p) == "");
    const auto back = programmeFromJson(programmeToJson(p));
    BOOST_REQUIRE(back.programme.has_value());
    BOOST_TEST(back.programme->plans.size() == 1u);
    BOOST_TEST((back.programme->plans.front() == plusPlan()));
}

BOOST_AUTO_TEST_CASE(a_programme_without_plans_exports_no_plans_key) {
    BOOST_TEST(programmeToJson(validProgramme()).find("\"plans\"") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(each_impossible_plan_field_is_one_problem_at_its_path) {
    Programme p = validProgramme();
    Plan bad = plusPlan();
    bad.code = "plus";
    bad.feeMinor = 0;
    bad.termDays = 30; // and months: two terms
    bad.floorTier = "DIAMOND";
    bad.pointsPercent = 90;
    bad.benefits = {"NOPE"};
    p.plans = {bad};
    BOOST_TEST(found(p) ==
               "plans[0].code programme.code_invalid; plans[0].fee programme.out_of_range; "
               "plans[0].term_months programme.plan_term; plans[0].floor_tier programme.unknown_tier; "
               "plans[0].points_percent programme.out_of_range; plans[0].benefits[0] "
               "programme.unknown_benefit");
}

BOOST_AUTO_TEST_CASE(two_plans_may_not_share_a_code) {
    Programme p = validProgramme();
    p.plans = {plusPlan(), plusPlan()};
    BOOST_TEST(found(p) == "plans[1].code programme.code_duplicate");
}

BOOST_AUTO_TEST_CASE(a_benefit_only_a_plan_grants_needs_no_tier) {
    Programme p = validProgramme();
    p.benefits[2].tiers.clear(); // BIRTHDAY, named by PLUS
    BOOST_TEST(found(p) == "benefits[2].tiers programme.benefit_without_tier");
    p.plans = {plusPlan()};
    BOOST_TEST(found(p) == "");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_in_a_plan_is_reported_at_its_path) {
    Programme p = validProgramme();
    p.plans = {plusPlan()};
    std::string json = programmeToJson(p);
    json.replace(json.find("\"points_percent\""), 16, "\"points_pct\"");
    const auto r = programmeFromJson(json);
    BOOST_REQUIRE(!r.problems.empty());
    BOOST_TEST(r.problems.front().field == "plans[0].points_pct");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(membership_terms)

BOOST_AUTO_TEST_CASE(a_yearly_term_ends_the_day_before_the_same_date_next_year) {
    BOOST_TEST(formatDate(termEnd(plusPlan(), day(2025, 7, 1))) == "2026-06-30");
    Plan monthly = plusPlan();
    monthly.termMonths = 1;
    BOOST_TEST(formatDate(termEnd(monthly, day(2025, 1, 31))) == "2025-02-27");
    Plan days = plusPlan();
    days.termMonths = 0;
    days.termDays = 30;
    BOOST_TEST(formatDate(termEnd(days, day(2025, 7, 1))) == "2025-07-30");
}

BOOST_AUTO_TEST_CASE(status_follows_the_end_date_without_a_sweep) {
    const std::vector<Term> ts = {term("PLUS", day(2025, 1, 1), day(2025, 12, 31))};
    BOOST_TEST(toCode(standingOn({}, day(2025, 6, 1)).status) == "none");
    BOOST_TEST(toCode(standingOn(ts, day(2025, 12, 31)).status) == "active");
    BOOST_TEST(toCode(standingOn(ts, day(2026, 1, 1)).status) == "lapsed");
    BOOST_TEST(toCode(standingOn(ts, day(2024, 12, 1)).status) == "scheduled");
}

BOOST_AUTO_TEST_CASE(a_renewal_while_active_starts_after_the_paid_through_end_not_today) {
    std::vector<Term> ts = {term("PLUS", day(2025, 1, 1), day(2025, 12, 31))};
    Standing s = standingOn(ts, day(2025, 12, 1));
    BOOST_TEST(formatDate(renewalStart(s, day(2025, 12, 1))) == "2026-01-01");
    ts.push_back(term("PLUS", day(2026, 1, 1), day(2026, 12, 31))); // renewed once already
    s = standingOn(ts, day(2025, 12, 1));
    BOOST_TEST(formatDate(*s.paidThrough) == "2026-12-31");
    BOOST_TEST(formatDate(renewalStart(s, day(2025, 12, 1))) == "2027-01-01");
    // Lapsed: a renewal starts today.
    BOOST_TEST(formatDate(renewalStart(standingOn(ts, day(2027, 3, 1)), day(2027, 3, 1))) == "2027-03-01");
}

BOOST_AUTO_TEST_CASE(a_cancelled_term_grants_through_its_last_day_and_then_reads_cancelled) {
    const std::vector<Term> ts = {term("PLUS", day(2025, 1, 1), day(2025, 12, 31), day(2025, 6, 30)),
                                  term("PLUS", day(2026, 1, 1), day(2026, 12, 31), day(2025, 6, 30))};
    BOOST_TEST(toCode(standingOn(ts, day(2025, 6, 30)).status) == "active");
    BOOST_TEST(formatDate(*standingOn(ts, day(2025, 6, 30)).paidThrough) == "2025-06-30");
    BOOST_TEST(toCode(standingOn(ts, day(2025, 7, 1)).status) == "cancelled");
    BOOST_TEST(toCode(standingOn(ts, day(2026, 2, 1)).status) == "cancelled");
}

BOOST_AUTO_TEST_CASE(the_plan_floor_lifts_the_effective_tier_only_while_the_membership_lasts) {
    TierState s;
    s.rank = 0;
    s.floorRank = 1;
    s.floorFrom = day(2025, 1, 1);
    s.floorUntil = day(2025, 12, 31);
    BOOST_TEST(effectiveRank(s, day(2024, 12, 31)) == 0);
    BOOST_TEST(effectiveRank(s, day(2025, 6, 1)) == 1);
    BOOST_TEST(effectiveRank(s, day(2026, 1, 1)) == 0);
    s.rank = 2; // earned above the floor: the earned tier counts
    BOOST_TEST(effectiveRank(s, day(2025, 6, 1)) == 2);
}

BOOST_AUTO_TEST_CASE(the_plan_in_force_on_a_day_is_the_one_whose_term_covers_it) {
    Programme p = validProgramme();
    p.plans = {plusPlan()};
    const std::vector<Term> ts = {term("PLUS", day(2025, 1, 1), day(2025, 12, 31))};
    BOOST_TEST(planOn(ts, p, day(2025, 3, 1)) != nullptr);
    BOOST_TEST(planOn(ts, p, day(2026, 3, 1)) == nullptr);
    BOOST_TEST(*floorRank(plusPlan(), p) == 1);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(membership_codes)

BOOST_AUTO_TEST_CASE(voucher_codes_carry_at_least_60_bits_in_the_unambiguous_alphabet) {
    const double bits =
        static_cast<double>(kVoucherCodeLength) * std::log2(static_cast<double>(kCodeAlphabet.size()));
    BOOST_TEST(bits >= 60.0);
    for (const char c : std::string("0O1IL2Z5S8BUV6G"))
        BOOST_TEST(kCodeAlphabet.find(c) == std::string_view::npos);
    std::set<char> distinct(kCodeAlphabet.begin(), kCodeAlphabet.end());
    BOOST_TEST(distinct.size() == kCodeAlphabet.size());
}

BOOST_AUTO_TEST_CASE(ten_thousand_codes_are_all_different_and_use_every_symbol) {
    std::set<std::string> codes;
    std::set<char> used;
    for (int i = 0; i < 10000; ++i) {
        const std::string c = newVoucherCode();
        BOOST_TEST(c.size() == kVoucherCodeLength);
        used.insert(c.begin(), c.end());
        codes.insert(c);
    }
    BOOST_TEST(codes.size() == 10000u);
    BOOST_TEST(used.size() == kCodeAlphabet.size());
}

BOOST_AUTO_TEST_CASE(typed_codes_are_normalised_and_look_alikes_refused) {
    BOOST_TEST(normaliseCode("acdef-hjkmn-pqrtw") == "ACDEFHJKMNPQRTW");
    BOOST_TEST(normaliseCode("ACDEF HJKMN") == "ACDEFHJKMN");
    BOOST_TEST(normaliseCode("ACDE0") == "");
    BOOST_TEST(displayCode("ACDEFHJKMNPQRTW") == "ACDEF-HJKMN-PQRTW");
}

BOOST_AUTO_TEST_SUITE_END()
