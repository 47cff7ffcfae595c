// Re-rating a past period under the current rules, and trying a proposed programme over real data, on
// both backends: a re-rate reverses and re-earns with reasons (never edits a row) and is idempotent; a
// refund after a re-rate takes back from the new earn; a what-if changes nothing and its figures follow
// the proposal.
#include "app/rerate.h"
#include "app/tiers.h"
#include "app/whatif.h"
#include "domain/user_error.h"
#include "tests/app/loyalty_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::loyalty;
using namespace md::test;

namespace {

/// The test programme with the base rate changed, effective from `from`.
Programme withBaseRate(std::int64_t pointsPer, Date from) {
    Programme p = testProgramme();
    p.effectiveFrom = from;
    for (EarningRule& r : p.rules)
        if (r.kind == RuleKind::Base) r.pointsPer = pointsPer;
    return p;
}

std::int64_t count(LoyaltyFixture& f, const std::string& sql) {
    return countWhere(*f.check, sql);
}

} // namespace

BOOST_AUTO_TEST_SUITE(rerate_and_whatif)

BOOST_AUTO_TEST_CASE(a_rerate_under_unchanged_rules_writes_nothing) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,200.00,purchase,beauty,", "A2,2025-03-02 10:00,100.00,purchase,food,",
                   "R2,2025-03-03 10:00,40.00,refund,food,A2"});
    const auto before = count(f, "SELECT COUNT(*) FROM points_ledger");
    const auto r = app::rerate(f.ctx, f.store, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(r.orders == 2);
    BOOST_TEST(r.unchanged == 2);
    BOOST_TEST(r.changed == 0);
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger") == before);
    BOOST_TEST(r.pointsBefore == r.pointsAfter);
}

BOOST_AUTO_TEST_CASE(a_rerate_after_the_base_rate_doubles_reverses_and_re_earns_each_order_with_reasons) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,", "A2,2025-04-01 10:00,50.00,purchase,food,"});
    BOOST_TEST(f.points().balance.total == 150);
    BOOST_REQUIRE(app::saveProgramme(f.ctx, f.store, withBaseRate(2, date("2025-06-01"))).problems.empty());
    const auto r = app::rerate(f.ctx, f.store, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(r.orders == 1); // A2 is outside the period
    BOOST_TEST(r.changed == 1);
    BOOST_TEST(r.entries == 2);
    BOOST_TEST(r.programmeVersion == 2);
    BOOST_TEST(f.points().balance.total == 200 + 50);
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger WHERE reason = 'rerate' AND kind = 'reverse' AND "
                        "points = -100 AND reverses_id IS NOT NULL") == 1);
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger WHERE reason = 'rerate' AND kind = 'earn' AND "
                        "points = 200 AND breakdown IS NOT NULL AND programme_version = 2") == 1);
    // The original earn is untouched: the database refuses edits anyway, and nothing was deleted.
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger WHERE kind = 'earn' AND points = 100") == 1);
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
    // Again with the same rules: nothing more.
    const auto again = app::rerate(f.ctx, f.store, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(again.changed == 0);
    BOOST_TEST(again.entries == 0);
    BOOST_TEST(f.points().balance.total == 250);
}

BOOST_AUTO_TEST_CASE(a_rerate_keeps_the_refunded_share_taken_back) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,", "R1,2025-03-02 10:00,25.00,refund,food,A1"});
    BOOST_TEST(f.points().balance.total == 75);
    BOOST_REQUIRE(app::saveProgramme(f.ctx, f.store, withBaseRate(2, date("2025-06-01"))).problems.empty());
    app::rerate(f.ctx, f.store, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(f.points().balance.total == 150); // 200 for the order, 50 back for the refunded quarter
    BOOST_TEST(f.points().balance.qualifying == 150);
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
}

BOOST_AUTO_TEST_CASE(a_refund_after_a_rerate_takes_back_from_the_new_earn) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,"});
    BOOST_REQUIRE(app::saveProgramme(f.ctx, f.store, withBaseRate(2, date("2025-06-01"))).problems.empty());
    app::rerate(f.ctx, f.store, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(f.points().balance.total == 200);
    f.importLines({"R1,2025-06-20 10:00,50.00,refund,food,A1"});
    BOOST_TEST(f.points().balance.total == 100); // half of the 200 the current rules gave
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger r JOIN points_ledger e ON e.id = r.reverses_id "
                        "WHERE r.reason = 'refund' AND r.points = -100 AND e.reason = 'rerate'") == 1);
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
}

BOOST_AUTO_TEST_CASE(a_rerate_refuses_a_backwards_or_future_period) {
    LoyaltyFixture f;
    const auto codeOf = [&](const char* from, const char* to) {
        try {
            app::rerate(f.ctx, f.store, date(from), date(to));
        } catch (const UserError& e) {
            return e.code();
        }
        return std::string("none");
    };
    BOOST_TEST(codeOf("2025-03-31", "2025-03-01") == "rerate.period");
    BOOST_TEST(codeOf("2025-06-01", "2025-12-31") == "rerate.future");
}

BOOST_AUTO_TEST_CASE(a_whatif_of_the_programme_in_force_moves_nobody_and_changes_nothing) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,600.00,purchase,food,", "A2,2025-03-10 10:00,500.00,purchase,beauty,",
                   "R2,2025-03-12 10:00,100.00,refund,beauty,A2"});
    const auto ledger = count(f, "SELECT COUNT(*) FROM points_ledger");
    const auto versions = app::programmeVersions(f.ctx, f.store).size();
    const auto r =
        app::whatIfProgramme(f.ctx, f.store, testProgramme(), date("2025-01-01"), date("2025-06-30"));
    BOOST_TEST(r.orders == 3);
    BOOST_TEST(r.membersUp == 0);
    BOOST_TEST(r.membersDown == 0);
    BOOST_TEST(r.proposedPoints == r.currentPoints);
    BOOST_TEST(r.currentPoints == f.points().balance.total);
    BOOST_TEST(count(f, "SELECT COUNT(*) FROM points_ledger") == ledger);
    BOOST_TEST(app::programmeVersions(f.ctx, f.store).size() == versions);
    BOOST_REQUIRE(r.tiers.size() == 3u);
    BOOST_TEST(r.tiers[1].code == "SILVER");
    BOOST_TEST(r.tiers[1].membersNow == 1);
    BOOST_TEST(r.tiers[1].membersProposed == 1);
    BOOST_REQUIRE(r.months.size() == 1u);
    BOOST_TEST(r.months[0].month == "2025-03");
}

BOOST_AUTO_TEST_CASE(a_whatif_shows_the_points_and_tier_moves_the_proposal_would_cause) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,600.00,purchase,food,", "A2,2025-03-10 10:00,500.00,purchase,food,"});
    BOOST_TEST(f.points().tier == "SILVER");
    Programme p = withBaseRate(2, date("2024-01-01"));
    p.ladder.tiers[1].entrySpendMinor = 80000;  // SILVER from ¥800: unchanged for this member
    p.ladder.tiers[2].entrySpendMinor = 100000; // GOLD from ¥1,000 instead of ¥5,000
    p.ladder.tiers[2].retainSpendMinor = 60000;
    const auto r = app::whatIfProgramme(f.ctx, f.store, p, date("2025-03-01"), date("2025-03-31"));
    BOOST_TEST(r.proposedPoints > r.currentPoints);
    BOOST_TEST(r.membersUp == 1);
    BOOST_TEST(r.tiers[1].movingUp == 1);
    BOOST_TEST(r.tiers[2].membersProposed == 1);
    BOOST_TEST(f.points().tier == "SILVER"); // the what-if did not move anyone
}

BOOST_AUTO_TEST_CASE(a_whatif_refuses_an_invalid_proposal_and_a_backwards_period) {
    LoyaltyFixture f;
    Programme bad = testProgramme();
    bad.ladder.tiers[1].entrySpendMinor = 900000; // SILVER above GOLD
    try {
        app::whatIfProgramme(f.ctx, f.store, bad, date("2025-01-01"), date("2025-06-30"));
        BOOST_FAIL("an invalid proposal was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.code() == "programme.invalid");
        BOOST_TEST(e.param("problems").find("tiers") != std::string::npos);
    }
    try {
        app::whatIfProgramme(f.ctx, f.store, testProgramme(), date("2025-06-30"), date("2025-01-01"));
        BOOST_FAIL("a backwards period was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.code() == "whatif.period");
    }
}

BOOST_AUTO_TEST_SUITE_END()
