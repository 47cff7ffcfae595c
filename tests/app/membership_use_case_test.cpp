// Paid membership, referral and vouchers through the use cases, on both backends: fees recorded as
// money and never charged twice, renewal from the current end, cancellation, the tier floor and points
// multiplier while a membership lasts, the referral reward on the first purchase only, vouchers issued,
// redeemed once (also by racing processes), expired, and birthday vouchers once a year.
#include "app/membership.h"
#include "app/points.h"
#include "app/programme.h"
#include "app/referral.h"
#include "app/transfer.h"
#include "app/vouchers.h"
#include "domain/membership/codes.h"
#include "domain/user_error.h"
#include "persistence/member_repository.h"
#include "tests/app/app_fixture.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

using namespace md;
using namespace md::loyalty;
using namespace md::test;

namespace {

Programme paidProgramme() {
    Programme p;
    p.name = "Paid";
    p.effectiveFrom = date("2024-01-01");
    auto tier = [](int rank, const char* code, std::int64_t entry) {
        Tier t;
        t.rank = rank;
        t.code = code;
        t.nameZh = code;
        t.nameEn = code;
        t.entrySpendMinor = entry;
        t.retainSpendMinor = entry / 2;
        return t;
    };
    p.ladder.tiers = {tier(0, "REGULAR", 0), tier(1, "SILVER", 100000), tier(2, "GOLD", 500000)};
    EarningRule base;
    base.code = "BASE";
    base.kind = RuleKind::Base;
    EarningRule refer;
    refer.code = "REFER";
    refer.kind = RuleKind::Referral;
    refer.priority = 50;
    refer.extraPoints = 300;
    p.rules = {base, refer};
    Benefit birthday;
    birthday.code = "BIRTHDAY_VOUCHER";
    birthday.type = BenefitType::BirthdayVoucher;
    birthday.tiers = {"SILVER", "GOLD"};
    birthday.effectiveFrom = date("2024-01-01");
    birthday.valueMinor = 2000;
    birthday.validDays = 30;
    p.benefits = {birthday};
    Plan plus;
    plus.code = "PLUS";
    plus.nameZh = "PLUS会员";
    plus.nameEn = "PLUS";
    plus.feeMinor = 9900;
    plus.termMonths = 12;
    plus.floorTier = "SILVER";
    plus.pointsPercent = 150;
    p.plans = {plus};
    p.expiry.kind = ExpiryKind::Never;
    return p;
}

struct MembershipFixture : AppFixture {
    std::string card = "MD000001", friendCard = "MD000002";
    std::int64_t member = 0, friendId = 0;
    int files = 0;

    MembershipFixture() {
        Member m = sampleMember(card);
        m.birthday = date("1990-07-17"); // born in the fixture's month (today is 2025-07-01 in Shanghai)
        db::SociMemberRepository(*check).insert(m, check->actor());
        member = m.id;
        Member f = sampleMember(friendCard, "李雷", "13900139000");
        db::SociMemberRepository(*check).insert(f, check->actor());
        friendId = f.id;
        const auto stored = app::saveProgramme(ctx, store, paidProgramme());
        BOOST_REQUIRE(stored.problems.empty());
    }

    /// Imports purchases "order_id,card,occurred_at,amount".
    void buy(const std::vector<std::string>& lines) {
        const auto path = tdb.dir() / ("tx" + std::to_string(++files) + ".csv");
        std::ofstream out(path);
        out << "order_id,card_no,store,occurred_at,amount,kind\n";
        for (const auto& l : lines) {
            const auto a = l.find(','), b = l.find(',', a + 1), c = l.find(',', b + 1);
            out << l.substr(0, a) << ',' << l.substr(a + 1, b - a - 1) << ",SH001,"
                << l.substr(b + 1, c - b - 1) << ',' << l.substr(c + 1) << ",purchase\n";
        }
        out.close();
        app::importTransactions(ctx, store, path, ImportOptions{});
    }

    std::int64_t count(const std::string& sql) { return countWhere(*check, sql); }
};

std::string errorCode(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const UserError& e) {
        return e.code();
    }
    return "";
}

} // namespace

BOOST_AUTO_TEST_SUITE(membership_use_cases)

BOOST_AUTO_TEST_CASE(buying_records_the_fee_as_money_with_audit_and_event_and_a_retry_charges_once) {
    MembershipFixture f;
    const auto first = app::buyMembership(f.ctx, f.store, f.card, "PLUS", "req-1");
    BOOST_TEST(!first.duplicate);
    BOOST_TEST(formatDate(first.term.startsOn) == "2025-07-01");
    BOOST_TEST(formatDate(first.term.endsOn) == "2026-06-30");
    const auto again = app::buyMembership(f.ctx, f.store, f.card, "PLUS", "req-1");
    BOOST_TEST(again.duplicate);
    BOOST_TEST(again.term.id == first.term.id);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM membership_terms") == 1);
    BOOST_TEST(f.count("SELECT SUM(fee_minor) FROM membership_terms") == 9900);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'membership_bought'") == 1);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM audit_log WHERE entity = 'membership'") == 1);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM points_ledger") == 0); // a fee is money, not points
    BOOST_TEST(errorCode([&] { app::buyMembership(f.ctx, f.store, f.card, "PLUS", "req-2"); }) ==
               "membership.already_active");
    BOOST_TEST(errorCode([&] { app::buyMembership(f.ctx, f.store, f.friendCard, "GOLDPASS"); }) ==
               "membership.unknown_plan");
}

BOOST_AUTO_TEST_CASE(a_renewal_while_active_extends_from_the_current_end_not_from_today) {
    MembershipFixture f;
    app::buyMembership(f.ctx, f.store, f.card, "PLUS", "buy");
    f.clock.set(instant("2026-06-01T04:00:00Z")); // a month before the end
    const auto r = app::renewMembership(f.ctx, f.store, f.card, "renew-1");
    BOOST_TEST(formatDate(r.term.startsOn) == "2026-07-01");
    BOOST_TEST(formatDate(r.term.endsOn) == "2027-06-30");
    BOOST_TEST(app::renewMembership(f.ctx, f.store, f.card, "renew-1").duplicate);
    const auto s = app::membershipStatus(f.ctx, f.store, f.card);
    BOOST_TEST(formatDate(*s.standing.paidThrough) == "2027-06-30");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'membership_renewed'") == 1);
}

BOOST_AUTO_TEST_CASE(a_renewal_after_the_membership_lapsed_starts_today) {
    MembershipFixture f;
    app::buyMembership(f.ctx, f.store, f.card, "PLUS");
    f.clock.set(instant("2026-09-01T04:00:00Z"));
    BOOST_TEST(membership::toCode(app::membershipStatus(f.ctx, f.store, f.card).standing.status) == "lapsed");
    BOOST_TEST(formatDate(app::renewMembership(f.ctx, f.store, f.card).term.startsOn) == "2026-09-01");
    BOOST_TEST(errorCode([&] { app::renewMembership(f.ctx, f.store, f.friendCard); }) == "membership.none");
}

BOOST_AUTO_TEST_CASE(cancelling_needs_a_reason_and_ends_the_grants_after_the_stated_day) {
    MembershipFixture f;
    app::buyMembership(f.ctx, f.store, f.card, "PLUS");
    app::renewMembership(f.ctx, f.store, f.card); // paid ahead: that term becomes void
    BOOST_TEST(errorCode([&] { app::cancelMembership(f.ctx, f.store, f.card, " "); }) ==
               "membership.reason_required");
    BOOST_TEST(app::cancelMembership(f.ctx, f.store, f.card, "moved abroad", date("2025-07-31")) == 2);
    BOOST_TEST(app::cancelMembership(f.ctx, f.store, f.card, "moved abroad", date("2025-07-31")) ==
               0); // retry
    auto s = app::membershipStatus(f.ctx, f.store, f.card);
    BOOST_TEST(membership::toCode(s.standing.status) == "active");
    BOOST_TEST(formatDate(*s.standing.paidThrough) == "2025-07-31");
    f.clock.set(instant("2025-08-01T04:00:00Z"));
    s = app::membershipStatus(f.ctx, f.store, f.card);
    BOOST_TEST(membership::toCode(s.standing.status) == "cancelled");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'membership_cancelled'") == 1);
    BOOST_TEST(errorCode([&] { app::cancelMembership(f.ctx, f.store, f.card, "again"); }) ==
               "membership.not_active");
}

BOOST_AUTO_TEST_CASE(renewals_lists_members_whose_membership_ends_within_the_days) {
    MembershipFixture f;
    app::buyMembership(f.ctx, f.store, f.card, "PLUS"); // ends 2026-06-30
    f.clock.set(instant("2025-08-01T04:00:00Z"));
    app::buyMembership(f.ctx, f.store, f.friendCard, "PLUS"); // ends 2026-07-31
    f.clock.set(instant("2026-06-10T04:00:00Z"));
    const auto due = app::renewalsDue(f.ctx, f.store, 30);
    BOOST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].cardNo == f.card);
    BOOST_TEST(app::renewalsDue(f.ctx, f.store, 60).size() == 2u);
    app::renewMembership(f.ctx, f.store, f.card); // renewed: no longer due
    BOOST_TEST(app::renewalsDue(f.ctx, f.store, 30).empty());
}

BOOST_AUTO_TEST_CASE(an_active_plan_lifts_the_tier_to_its_floor_and_multiplies_points_only_while_it_lasts) {
    MembershipFixture f;
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).tier == "REGULAR");
    app::buyMembership(f.ctx, f.store, f.card, "PLUS");
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).tier == "SILVER");
    f.buy({"A1,MD000001,2025-07-01 01:00,100.00"}); // during the term: 100 base × 150%
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).balance.total == 150);
    f.buy({"A2,MD000001,2024-07-02 10:00,100.00"}); // an order from before the term: base only
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).balance.total == 250);
    f.clock.set(instant("2026-07-02T04:00:00Z")); // lapsed: the floor was never permanent
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).tier == "REGULAR");
}

BOOST_AUTO_TEST_CASE(earned_upgrades_still_happen_under_the_floor) {
    MembershipFixture f;
    app::buyMembership(f.ctx, f.store, f.card, "PLUS");
    f.buy({"A1,MD000001,2025-07-01 01:00,6000.00"});
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).tier == "GOLD");
    f.clock.set(instant("2026-07-02T04:00:00Z"));
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).tier == "GOLD"); // earned, not the plan's
}

BOOST_AUTO_TEST_CASE(a_member_has_one_stable_referral_code_and_codes_differ) {
    MembershipFixture f;
    const std::string a = app::referralCode(f.ctx, f.store, f.card);
    BOOST_TEST(a.size() == 8u);
    BOOST_TEST(app::referralCode(f.ctx, f.store, f.card) == a);
    BOOST_TEST(app::referralCode(f.ctx, f.store, f.friendCard) != a);
}

BOOST_AUTO_TEST_CASE(a_referral_link_refuses_self_cycles_changes_and_members_who_bought) {
    MembershipFixture f;
    const std::string mine = app::referralCode(f.ctx, f.store, f.card);
    const std::string theirs = app::referralCode(f.ctx, f.store, f.friendCard);
    BOOST_TEST(errorCode([&] { app::linkReferral(f.ctx, f.store, f.card, mine); }) == "referral.self");
    BOOST_TEST(errorCode([&] { app::linkReferral(f.ctx, f.store, f.card, "ACDEFHJK"); }) ==
               "referral.unknown_code");
    BOOST_TEST(app::linkReferral(f.ctx, f.store, f.friendCard, mine) == f.card);
    BOOST_TEST(errorCode([&] { app::linkReferral(f.ctx, f.store, f.card, theirs); }) == "referral.cycle");
    BOOST_TEST(errorCode([&] { app::linkReferral(f.ctx, f.store, f.friendCard, mine); }) ==
               "referral.already_linked");
    Member third = sampleMember("MD000003", "韩梅梅", "13700137000");
    db::SociMemberRepository(*f.check).insert(third, f.check->actor());
    f.buy({"T1,MD000003,2025-06-01 10:00,10.00"});
    BOOST_TEST(errorCode([&] { app::linkReferral(f.ctx, f.store, "MD000003", mine); }) ==
               "referral.has_purchases");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'referral_linked'") == 1);
}

BOOST_AUTO_TEST_CASE(the_referrer_earns_the_referral_points_on_the_first_purchase_exactly_once) {
    MembershipFixture f;
    app::linkReferral(f.ctx, f.store, f.friendCard, app::referralCode(f.ctx, f.store, f.card));
    f.buy({"F1,MD000002,2025-06-02 10:00,50.00", "F2,MD000002,2025-06-03 10:00,50.00"});
    f.buy({"F3,MD000002,2025-06-04 10:00,50.00"});
    app::runLoyaltyEngine(f.ctx, f.store);
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).balance.total == 300);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM points_ledger WHERE idempotency_key = 'referral:" +
                       std::to_string(f.friendId) + "'") == 1);
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.friendCard).balance.total == 150);
    // A refund of the first purchase leaves the referral points (docs/membership.md).
    BOOST_TEST(app::checkPoints(f.ctx, f.store).empty());
}

BOOST_AUTO_TEST_CASE(a_voucher_bought_with_points_debits_them_and_a_short_balance_writes_nothing) {
    MembershipFixture f;
    f.buy({"A1,MD000001,2025-06-20 10:00,100.00"}); // 100 points
    app::VoucherRequest req;
    req.points = 60;
    const auto v = app::issueVoucher(f.ctx, f.store, f.card, req, "v-1");
    BOOST_TEST(v.voucher.valueMinor == 60); // 1 fen a point
    BOOST_TEST(v.voucher.code.size() == 15u);
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).balance.total == 40);
    BOOST_TEST(app::issueVoucher(f.ctx, f.store, f.card, req, "v-1").duplicate);
    BOOST_TEST(errorCode([&] { app::issueVoucher(f.ctx, f.store, f.card, req, "v-2"); }) == "points.short");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM vouchers") == 1);
    BOOST_TEST(app::pointsBalance(f.ctx, f.store, f.card).balance.total == 40);
}

BOOST_AUTO_TEST_CASE(a_voucher_is_redeemed_once_by_its_holder_and_not_after_its_last_day) {
    MembershipFixture f;
    app::VoucherRequest req;
    req.valueMinor = 1000;
    req.validDays = 10;
    const auto v = app::issueVoucher(f.ctx, f.store, f.card, req).voucher;
    BOOST_TEST(errorCode([&] { app::redeemVoucher(f.ctx, f.store, v.code, f.friendCard, std::nullopt); }) ==
               "voucher.other_member");
    const auto r =
        app::redeemVoucher(f.ctx, f.store, membership::displayCode(v.code), f.card, std::string("O-1"));
    BOOST_TEST(r.status == "redeemed");
    BOOST_TEST(errorCode([&] { app::redeemVoucher(f.ctx, f.store, v.code, f.card, std::nullopt); }) ==
               "voucher.redeemed");
    BOOST_TEST(errorCode([&] {
                   app::redeemVoucher(f.ctx, f.store, "ACDEFHJKMNPQRTW", f.card, std::nullopt);
               }) == "voucher.unknown");
    const auto late = app::issueVoucher(f.ctx, f.store, f.card, req).voucher;
    f.clock.set(instant("2025-07-20T04:00:00Z"));
    BOOST_TEST(errorCode([&] { app::redeemVoucher(f.ctx, f.store, late.code, f.card, std::nullopt); }) ==
               "voucher.expired");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'voucher_redeemed'") == 1);
}

BOOST_AUTO_TEST_CASE(expiring_vouchers_marks_each_once_and_a_second_run_changes_nothing) {
    MembershipFixture f;
    app::VoucherRequest req;
    req.valueMinor = 500;
    req.validDays = 5;
    app::issueVoucher(f.ctx, f.store, f.card, req);
    app::issueVoucher(f.ctx, f.store, f.card, req);
    BOOST_TEST(app::expireVouchers(f.ctx, f.store, date("2025-07-05")) == 0);
    BOOST_TEST(app::expireVouchers(f.ctx, f.store, date("2025-07-06")) == 2);
    BOOST_TEST(app::expireVouchers(f.ctx, f.store, date("2025-07-06")) == 0);
    const auto list = app::memberVouchers(f.ctx, f.store, f.card);
    BOOST_TEST(list.size() == 2u);
    BOOST_TEST(list[0].status == "expired");
}

BOOST_AUTO_TEST_CASE(a_batch_issues_distinct_unassigned_codes) {
    MembershipFixture f;
    const auto batch = app::issueVoucherBatch(f.ctx, f.store, 500, 1000, 30, "SPRING");
    BOOST_TEST(batch.size() == 500u);
    std::set<std::string> codes;
    for (const auto& v : batch) {
        codes.insert(v.code);
        BOOST_TEST(!v.memberId.has_value());
    }
    BOOST_TEST(codes.size() == 500u);
    // The same batch name again (a retry) issues nothing more.
    BOOST_TEST(app::issueVoucherBatch(f.ctx, f.store, 500, 1000, 30, "SPRING").size() == 500u);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM vouchers") == 500);
    // Anyone may redeem an unassigned code, once.
    app::redeemVoucher(f.ctx, f.store, batch[0].code, f.friendCard, std::nullopt);
    BOOST_TEST(errorCode([&] { app::redeemVoucher(f.ctx, f.store, batch[0].code, f.card, std::nullopt); }) ==
               "voucher.redeemed");
}

BOOST_AUTO_TEST_CASE(birthday_vouchers_go_to_tiers_with_the_benefit_once_per_member_per_year) {
    MembershipFixture f;
    // REGULAR has no birthday voucher; the PLUS floor (SILVER) does.
    BOOST_TEST(app::runBenefits(f.ctx, f.store, date("2025-07-01")).birthdayVouchers == 0);
    app::buyMembership(f.ctx, f.store, f.card, "PLUS");
    const auto run = app::runBenefits(f.ctx, f.store, date("2025-07-01"));
    BOOST_TEST(run.birthdayVouchers == 1);
    BOOST_TEST(app::runBenefits(f.ctx, f.store, date("2025-07-15")).birthdayVouchers == 0);
    const auto list = app::memberVouchers(f.ctx, f.store, f.card);
    BOOST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].source == "birthday");
    BOOST_TEST(list[0].valueMinor == 2000);
    BOOST_TEST(*list[0].issueKey == "birthday:" + std::to_string(f.member) + ":2025");
}

BOOST_AUTO_TEST_CASE(racing_processes_redeem_every_code_exactly_once) {
    MembershipFixture f;
    const int codes = f.tdb.isPostgres() ? 300 : 120;
    const int processes = 6;
    const auto batch = app::issueVoucherBatch(f.ctx, f.store, codes, 1000, 30, "RACE");
    const auto file = f.tdb.dir() / "codes.txt";
    {
        std::ofstream out(file);
        for (const auto& v : batch)
            out << v.code << '\n';
    }
    std::vector<FILE*> workers;
    for (int w = 0; w < processes; ++w) {
        const std::string cmd = std::string("'") + MEMBERDESK_VOUCHER_WORKER + "' '" + f.tdb.urlText() +
                                "' '" + file.string() + "' " + std::to_string(w * codes / processes);
        workers.push_back(popen(cmd.c_str(), "r"));
        BOOST_REQUIRE(workers.back() != nullptr);
    }
    std::map<std::string, int> wins;
    int total = 0;
    for (FILE* w : workers) {
        int won = 0;
        BOOST_TEST(std::fscanf(w, "won %d", &won) == 1);
        char buf[64];
        for (int i = 0; i < won && std::fscanf(w, "%63s", buf) == 1; ++i)
            ++wins[buf];
        BOOST_TEST(pclose(w) == 0);
        total += won;
    }
    BOOST_TEST(total == codes);
    BOOST_TEST(wins.size() == static_cast<std::size_t>(codes));
    for (const auto& [code, n] : wins)
        BOOST_TEST(n == 1, code << " won " << n << " times");
    BOOST_TEST(f.count("SELECT COUNT(*) FROM vouchers WHERE batch = 'RACE' AND status = 'redeemed'") ==
               codes);
    BOOST_TEST(f.count("SELECT COUNT(*) FROM events WHERE type = 'voucher_redeemed'") == codes);
    BOOST_TEST_MESSAGE(testBackendName() << ": " << processes << " processes raced over " << codes
                                         << " codes; " << total << " redemptions");
}

BOOST_AUTO_TEST_SUITE_END()
