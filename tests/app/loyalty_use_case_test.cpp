// The loyalty engine end to end through the use cases, on both backends: importing transactions earns
// points by the programme's rules, refunds and corrections take them back, thresholds upgrade at once,
// reviews downgrade, and people adjust, redeem, approve and override.
#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "app/transfer.h"
#include "domain/user_error.h"
#include "persistence/member_repository.h"
#include "tests/app/loyalty_fixture.h"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace md;
using namespace md::loyalty;
using namespace md::test;

BOOST_AUTO_TEST_SUITE(loyalty_use_cases)

BOOST_AUTO_TEST_CASE(a_purchase_earns_points_by_the_rules_with_a_breakdown_naming_each) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,200.00,purchase,beauty,"});
    const auto mp = f.points();
    BOOST_TEST(mp.balance.total == 400); // 200 base + 100% beauty bonus
    BOOST_TEST(mp.balance.qualifying == 200);
    const auto entries = app::pointsLedger(f.ctx, f.store, f.member, 0, 10);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_REQUIRE(entries[0].breakdown.has_value());
    BOOST_TEST(entries[0].breakdown->find("BASE") != std::string::npos);
    BOOST_TEST(entries[0].breakdown->find("BEAUTY_X2") != std::string::npos);
    BOOST_TEST(entries[0].key == "earn:" + std::to_string(*entries[0].transactionId));
}

BOOST_AUTO_TEST_CASE(importing_the_same_file_again_earns_nothing_more) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,"});
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,"});
    BOOST_TEST(f.points().balance.total == 100);
    BOOST_TEST(f.ledgerCount("kind = 'earn'") == 1);
}

BOOST_AUTO_TEST_CASE(a_refund_takes_back_points_in_proportion_even_after_they_were_spent) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,"});
    app::redeemPoints(f.ctx, f.store, f.card, 80, "voucher");
    f.importLines({"R1,2025-03-05 10:00,50.00,refund,food,A1"});
    const auto mp = f.points();
    BOOST_TEST(mp.balance.total == -30);
    BOOST_TEST(mp.balance.owed == 30);
    BOOST_TEST(mp.balance.spendable == 0);
    BOOST_TEST(f.ledgerCount("kind = 'reverse' AND points = -50 AND reverses_id IS NOT NULL") == 1);
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
}

BOOST_AUTO_TEST_CASE(a_refund_of_the_whole_order_takes_back_exactly_what_it_earned) {
    LoyaltyFixture f;
    f.importLines(
        {"A1,2025-03-01 10:00,123.45,purchase,beauty,", "R1,2025-03-02 10:00,123.45,refund,beauty,A1"});
    BOOST_TEST(f.points().balance.total == 0);
    BOOST_TEST(f.points().balance.qualifying == 0);
}

BOOST_AUTO_TEST_CASE(crossing_a_threshold_upgrades_at_once_and_the_history_says_why) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,600.00,purchase,food,", "A2,2025-03-10 10:00,500.00,purchase,food,",
                   "A3,2025-03-11 10:00,100.00,purchase,food,"});
    BOOST_TEST(f.points().tier == "SILVER");
    // The third order was rated in SILVER: ×150%.
    BOOST_TEST(f.points().balance.total == 600 + 500 + 150);
    const auto history = app::tierHistory(f.ctx, f.store, f.card);
    BOOST_REQUIRE(!history.empty());
    BOOST_TEST(history.back().toTier == "SILVER");
    BOOST_TEST(history.back().reason == "upgrade");
    BOOST_TEST(formatDate(history.back().changedOn) == "2025-03-10");
}

BOOST_AUTO_TEST_CASE(a_corrected_order_gives_back_its_old_points_and_earns_by_its_new_amount) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,100.00,purchase,food,"});
    f.importLines({"A1,2025-03-01 10:00,300.00,purchase,food,"});
    BOOST_TEST(f.points().balance.total == 300);
    BOOST_TEST(f.ledgerCount("reason = 'correction'") == 1);
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
}

BOOST_AUTO_TEST_CASE(a_review_downgrades_only_after_the_grace_period_and_is_idempotent) {
    LoyaltyFixture f;
    f.importLines({"A1,2024-02-01 10:00,5000.00,purchase,food,"});
    BOOST_TEST(f.points().tier == "GOLD");
    // A year later nothing was bought: GOLD is not retained, grace of 30 days starts.
    auto r = app::reviewTiers(f.ctx, f.store, date("2025-03-01"), false);
    BOOST_TEST(r.graceStarted == 1);
    r = app::reviewTiers(f.ctx, f.store, date("2025-03-01"), false);
    BOOST_TEST(r.graceRunning == 1);
    BOOST_TEST(r.downgrades == 0);
    r = app::reviewTiers(f.ctx, f.store, date("2025-04-15"), true);
    BOOST_TEST(r.downgrades == 1);
    BOOST_TEST(r.dryRun);
    BOOST_TEST(countWhere(*f.check, "SELECT COUNT(*) FROM member_tiers WHERE tier_code = 'GOLD'") == 1);
    r = app::reviewTiers(f.ctx, f.store, date("2025-04-15"), false);
    BOOST_TEST(r.downgrades == 1);
    BOOST_TEST(countWhere(*f.check, "SELECT COUNT(*) FROM member_tiers WHERE tier_code = 'SILVER'") == 1);
    BOOST_TEST(app::reviewTiers(f.ctx, f.store, date("2025-04-15"), false).downgrades == 0);
}

BOOST_AUTO_TEST_CASE(an_anniversary_window_review_counts_only_spend_since_the_members_own_anniversary) {
    LoyaltyFixture f; // the member joined on 2024-01-01
    Programme p = testProgramme();
    p.ladder.window = QualifyingWindow::Anniversary;
    BOOST_REQUIRE(app::saveProgramme(f.ctx, f.store, p).problems.empty());
    f.importLines({"A1,2024-06-01 10:00,5000.00,purchase,food,"});
    BOOST_TEST(f.points().tier == "GOLD");
    // On 2025-03-01 the window began on 2025-01-01: June's spend no longer counts (a rolling year would
    // still hold it), so GOLD is not retained and grace starts.
    auto r = app::reviewTiers(f.ctx, f.store, date("2025-03-01"), false);
    BOOST_TEST(r.graceStarted == 1);
    // Spend since the anniversary that meets GOLD's retention keeps the tier and ends the grace.
    f.importLines({"A2,2025-02-01 10:00,3500.00,purchase,food,"});
    r = app::reviewTiers(f.ctx, f.store, date("2025-03-02"), false);
    BOOST_TEST(r.retained == 1);
    BOOST_TEST(countWhere(*f.check, "SELECT COUNT(*) FROM member_tiers WHERE tier_code = 'GOLD' AND "
                                    "grace_until IS NULL") == 1);
}

BOOST_AUTO_TEST_CASE(a_large_adjustment_waits_for_a_second_person_who_is_not_the_requester) {
    LoyaltyFixture f;
    const auto r = app::adjustPoints(f.ctx, f.store, f.card, 5000, "goodwill", "big complaint");
    BOOST_TEST((r.outcome == app::AdjustOutcome::AwaitingApproval));
    BOOST_TEST(f.points().balance.total == 0);
    BOOST_CHECK_EXCEPTION(app::approveAdjustment(f.ctx, f.store, r.approvalId), UserError,
                          [](const UserError& e) { return e.code() == "approval.own_request"; });
    app::RequestContext manager = f.ctx;
    manager.actor = Actor{"manager.wu"};
    const auto posted = app::approveAdjustment(manager, f.store, r.approvalId);
    BOOST_TEST((posted.outcome == app::AdjustOutcome::Posted));
    BOOST_TEST(f.points().balance.total == 5000);
    BOOST_CHECK_EXCEPTION(app::approveAdjustment(manager, f.store, r.approvalId), UserError,
                          [](const UserError& e) { return e.code() == "approval.decided"; });
}

BOOST_AUTO_TEST_CASE(a_redemption_the_balance_cannot_cover_is_refused_and_writes_nothing) {
    LoyaltyFixture f;
    app::adjustPoints(f.ctx, f.store, f.card, 100, "goodwill", "");
    BOOST_CHECK_EXCEPTION(
        app::redeemPoints(f.ctx, f.store, f.card, 101, "gift"), UserError,
        [](const UserError& e) { return e.code() == "points.short" && e.param("spendable") == "100"; });
    BOOST_TEST(f.ledgerCount("kind = 'redeem'") == 0);
}

BOOST_AUTO_TEST_CASE(a_manual_tier_lasts_until_its_date_and_is_never_a_permanent_floor) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,10.00,purchase,food,"});
    BOOST_CHECK_EXCEPTION(app::setTier(f.ctx, f.store, f.card, "GOLD", date("2025-01-01"), "vip"), UserError,
                          [](const UserError& e) { return e.code() == "tier.until_past"; });
    app::setTier(f.ctx, f.store, f.card, "GOLD", date("2025-08-31"), "complaint recovery");
    BOOST_TEST(f.points().tier == "GOLD");
    f.clock.set(instant("2025-09-01T04:00:00Z"));
    BOOST_TEST(f.points().tier == "REGULAR");
    const auto history = app::tierHistory(f.ctx, f.store, f.card);
    BOOST_REQUIRE(!history.empty());
    BOOST_TEST(history.back().reason == "manual_override");
    BOOST_TEST(history.back().note == "complaint recovery");
}

BOOST_AUTO_TEST_CASE(a_programme_file_with_a_wrong_field_stores_nothing_and_names_the_field) {
    LoyaltyFixture f;
    const auto before = app::programmeVersions(f.ctx, f.store).size();
    const auto r = app::importProgramme(f.ctx, f.store, "{\"name\": \"x\", \"tiers\": 5}");
    BOOST_TEST(!r.problems.empty());
    BOOST_TEST(app::programmeVersions(f.ctx, f.store).size() == before);
    const std::string exported = app::exportProgramme(f.ctx, f.store);
    const auto again = app::importProgramme(f.ctx, f.store, exported);
    BOOST_TEST(again.problems.empty());
    BOOST_TEST(again.version == 2);
    BOOST_TEST(app::exportProgramme(f.ctx, f.store, 2) == exported);
}

BOOST_AUTO_TEST_CASE(a_credit_reports_the_spendable_balance_after_it) {
    LoyaltyFixture f;
    BOOST_TEST(app::adjustPoints(f.ctx, f.store, f.card, 100, "goodwill", "").spendable == 100);
    BOOST_TEST(app::adjustPoints(f.ctx, f.store, f.card, 50, "goodwill", "").spendable == 150);
    BOOST_TEST(app::redeemPoints(f.ctx, f.store, f.card, 30, "gift").spendable == 120);
}

BOOST_AUTO_TEST_SUITE_END()
