// memberdesk-cli membership, referral, voucher and benefits end to end, on SQLite and PostgreSQL, and
// what `show` adds for them.
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "domain/time.h"

using namespace md::test;

namespace {

std::int64_t scalar(const TestDatabase& db, const std::string& sql) {
    auto d = db.open(false);
    long long n = 0;
    d->sql() << sql, soci::into(n);
    return n;
}

std::string textOf(const TestDatabase& db, const std::string& sql) {
    auto d = db.open(false);
    std::string s;
    d->sql() << sql, soci::into(s);
    return s;
}

/// Two members (the first born this month), a store, and a programme with a paid plan, a referral rule
/// and a birthday voucher for SILVER.
struct MembershipCli : InitialisedDatabase {
    MembershipCli() {
        BOOST_REQUIRE(runOn(*this, {"store", "add", "SH001", "上海店"}).exitCode == 0);
        const std::string birthday = "1990-" + md::formatDate(md::today()).substr(5, 2) + "-01";
        const auto members =
            writeScratch(*this, "m.csv",
                         membersCsv({"MD00000001,王芳,13800138000,," + birthday + ",,2024-01-02,,1,0",
                                     "MD00000002,李雷,13900139000,,,,2024-01-02,,1,0"}));
        BOOST_REQUIRE(runOn(*this, {"import", "members", members}).exitCode == 0);
        const auto programme = writeScratch(*this, "p.json", kProgramme);
        const auto r = runOn(*this, {"programme", "import", programme});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    }
    static constexpr const char* kProgramme = R"({
  "name": "CLI membership",
  "currency": "CNY",
  "effective_from": "2024-01-01",
  "point_value": {"amount": "0.01", "points": 1},
  "tiers": {"window": "rolling_12_months", "downgrade": "one_tier_per_review", "ladder": [
    {"rank": 0, "code": "REGULAR", "name_zh": "普通会员", "name_en": "Regular"},
    {"rank": 1, "code": "SILVER", "name_zh": "银卡", "name_en": "Silver", "entry_spend": "1000.00", "retain_spend": "500.00"}
  ]},
  "benefits": [{"code": "BDAY", "type": "birthday_voucher", "tiers": ["SILVER"], "effective_from": "2024-01-01",
                "value": "20.00", "valid_days": 30}],
  "rules": [{"code": "BASE", "kind": "base", "priority": 0, "points_per": 1, "unit": "1.00"},
            {"code": "REFER", "kind": "referral", "priority": 9, "extra_points": 300}],
  "plans": [{"code": "PLUS", "name_zh": "PLUS年卡", "name_en": "PLUS", "fee": "99.00", "term_months": 12,
             "floor_tier": "SILVER", "points_percent": 150}],
  "expiry": {"kind": "days_after_earn", "days": 365}
})";
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_membership)

BOOST_AUTO_TEST_CASE(plans_buy_status_renew_and_a_retried_request_charges_once) {
    MembershipCli db;
    const auto plans = runOn(db, {"membership", "plans", "--json"});
    BOOST_TEST(plans.exitCode == 0, describe(plans));
    BOOST_TEST(contains(plans.out, "\"fee_minor\": 9900"), describe(plans));
    const auto bought = runOn(db, {"membership", "buy", "MD00000001", "PLUS", "--request-id", "till-1"});
    BOOST_TEST(bought.exitCode == 0, describe(bought));
    const auto retry = runOn(db, {"membership", "buy", "MD00000001", "PLUS", "--request-id", "till-1"});
    BOOST_TEST(retry.exitCode == 0, describe(retry));
    BOOST_TEST(contains(retry.out, "nothing charged again"), describe(retry));
    BOOST_TEST(scalar(db, "SELECT SUM(fee_minor) FROM membership_terms") == 9900);
    const auto status = runOn(db, {"membership", "status", "MD00000001", "--json"});
    BOOST_TEST(contains(status.out, "\"status\": \"active\""), describe(status));
    const auto renewed = runOn(db, {"membership", "renew", "MD00000001"});
    BOOST_TEST(renewed.exitCode == 0, describe(renewed));
    const std::string firstEnd = textOf(db, "SELECT MIN(ends_on) FROM membership_terms");
    const std::string secondStart = textOf(db, "SELECT MAX(starts_on) FROM membership_terms");
    BOOST_TEST(md::formatDate(md::parseDate(firstEnd).value() + std::chrono::days(1)) == secondStart);
    const auto again = runOn(db, {"membership", "buy", "MD00000001", "PLUS"});
    BOOST_TEST(again.exitCode == 2, describe(again));
}

BOOST_AUTO_TEST_CASE(renewals_lists_the_membership_ending_soon_and_cancel_needs_a_reason) {
    MembershipCli db;
    BOOST_REQUIRE(runOn(db, {"membership", "buy", "MD00000002", "PLUS"}).exitCode == 0);
    const auto none = runOn(db, {"membership", "renewals", "--within", "30", "--json"});
    BOOST_TEST(none.exitCode == 0, describe(none));
    BOOST_TEST(!contains(none.out, "MD00000002"), describe(none));
    const auto soon = runOn(db, {"membership", "renewals", "--within", "400", "--json"});
    BOOST_TEST(contains(soon.out, "\"card_no\": \"MD00000002\""), describe(soon));
    const auto noReason = runOn(db, {"membership", "cancel", "MD00000002"});
    BOOST_TEST(noReason.exitCode == 2, describe(noReason));
    const auto cancelled = runOn(db, {"membership", "cancel", "MD00000002", "--reason", "moved"});
    BOOST_TEST(cancelled.exitCode == 0, describe(cancelled));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM events WHERE type = 'membership_cancelled'") == 1);
}

BOOST_AUTO_TEST_CASE(imported_members_have_referral_codes_and_a_referral_rewards_the_first_purchase) {
    MembershipCli db;
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM referral_codes") == 2);
    const auto code = runOn(db, {"referral", "code", "MD00000001"});
    BOOST_TEST(code.exitCode == 0, describe(code));
    const std::string c = code.out.substr(0, code.out.find('\n'));
    BOOST_TEST(c.size() == 8u);
    const auto self = runOn(db, {"referral", "link", "MD00000001", c});
    BOOST_TEST(self.exitCode == 2, describe(self));
    const auto linked = runOn(db, {"referral", "link", "MD00000002", c});
    BOOST_TEST(linked.exitCode == 0, describe(linked));
    const md::Date day = md::today() - std::chrono::days(3);
    const auto tx =
        writeScratch(db, "t.csv",
                     "order_id,card_no,store,occurred_at,amount\nB1,MD00000002,SH001," + md::formatDate(day) +
                         " 12:00,50.00\nB2,MD00000002,SH001," + md::formatDate(day) + " 13:00,50.00\n");
    BOOST_TEST(runOn(db, {"import", "transactions", tx}).exitCode == 0);
    BOOST_TEST(scalar(db, "SELECT SUM(points) FROM points_ledger WHERE reason = 'referral'") == 300);
    const auto shown = runOn(db, {"show", "MD00000002", "--json"});
    BOOST_TEST(contains(shown.out, "\"referred_by\": \"MD00000001\""), describe(shown));
    const auto text = runOn(db, {"show", "MD00000001"});
    BOOST_TEST(contains(text.out, c), describe(text));
}

BOOST_AUTO_TEST_CASE(a_member_import_records_referred_by_and_rejects_lines_whose_referral_cannot_be) {
    MembershipCli db;
    const std::string code =
        textOf(db, "SELECT r.code FROM referral_codes r JOIN members m ON m.id = r.member_id "
                   "WHERE m.card_no = 'MD00000001'");
    const std::string header = "card_no,name,phone,join_date,referred_by\n";
    const auto file = writeScratch(db, "refs.csv",
                                   header + "MD00000003,韩梅梅,13700137000,2024-02-01," + code +
                                       "\n"
                                       "MD00000004,张三,13600136000,2024-02-01,NOT-A-C0DE\n"
                                       "MD00000005,李四,13500135000,2024-02-01,ACDEFHJK\n"
                                       "MD00000006,王五,13400134000,2024-02-01,\n");
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM members") == 4);
    BOOST_TEST(
        scalar(db, "SELECT COUNT(*) FROM referrals r JOIN members m ON m.id = r.referee_id WHERE m.card_no "
                   "= 'MD00000003'") == 1);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM events WHERE type = 'referral_linked'") == 1);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM referral_codes") == 4);
    // The referrer of an existing member cannot be changed by importing the file again with another code.
    const std::string other = textOf(db, "SELECT r.code FROM referral_codes r JOIN members m ON m.id = "
                                         "r.member_id WHERE m.card_no = 'MD00000002'");
    const auto again =
        writeScratch(db, "refs2.csv", header + "MD00000003,韩梅梅,13700137000,2024-02-01," + other + "\n");
    const auto changed = runOn(db, {"import", "members", again, "--mode", "upsert"});
    BOOST_TEST(changed.exitCode == 3, describe(changed));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM referrals") == 1);
}

BOOST_AUTO_TEST_CASE(vouchers_issue_redeem_once_expire_and_list_and_show) {
    MembershipCli db;
    const auto issued =
        runOn(db, {"voucher", "issue", "MD00000001", "--value", "2000", "--valid-days", "10"});
    BOOST_TEST(issued.exitCode == 0, describe(issued));
    const std::string code = textOf(db, "SELECT code FROM vouchers");
    BOOST_TEST(code.size() == 15u);
    const auto redeemed = runOn(db, {"voucher", "redeem", code, "--card", "MD00000001", "--order", "O-9"});
    BOOST_TEST(redeemed.exitCode == 0, describe(redeemed));
    const auto twice = runOn(db, {"voucher", "redeem", code});
    BOOST_TEST(twice.exitCode == 2, describe(twice));
    BOOST_TEST(contains(twice.err, "already redeemed"), describe(twice));
    BOOST_TEST(
        runOn(db, {"voucher", "issue", "MD00000001", "--value", "500", "--valid-days", "1"}).exitCode == 0);
    const std::string later = md::formatDate(md::today() + std::chrono::days(5));
    const auto expired = runOn(db, {"voucher", "expire", "--as-of", later});
    BOOST_TEST(contains(expired.out, "Expired 1 "), describe(expired));
    const auto list = runOn(db, {"voucher", "list", "MD00000001", "--json"});
    BOOST_TEST(contains(list.out, "\"status\": \"redeemed\""), describe(list));
    BOOST_TEST(contains(list.out, "\"status\": \"expired\""), describe(list));
    const auto shown = runOn(db, {"show", "MD00000001", "--json"});
    BOOST_TEST(contains(shown.out, "\"vouchers\""), describe(shown));
    BOOST_TEST(contains(shown.out, code), describe(shown));
}

BOOST_AUTO_TEST_CASE(a_batch_prints_unassigned_codes_as_csv) {
    MembershipCli db;
    const auto batch =
        runOn(db, {"voucher", "batch", "--count", "25", "--value", "1000", "--batch", "FLYER"});
    BOOST_TEST(batch.exitCode == 0, describe(batch));
    BOOST_TEST(contains(batch.out, "code,value,valid_until,batch"), describe(batch));
    BOOST_TEST(
        scalar(db, "SELECT COUNT(DISTINCT code) FROM vouchers WHERE batch = 'FLYER' AND member_id IS NULL") ==
        25);
}

BOOST_AUTO_TEST_CASE(benefits_run_issues_a_birthday_voucher_once_to_a_member_held_at_silver_by_a_plan) {
    MembershipCli db;
    BOOST_REQUIRE(runOn(db, {"membership", "buy", "MD00000001", "PLUS"}).exitCode == 0);
    const auto run = runOn(db, {"benefits", "run"});
    BOOST_TEST(run.exitCode == 0, describe(run));
    BOOST_TEST(contains(run.out, ": 1 birthday vouchers"), describe(run));
    const auto again = runOn(db, {"benefits", "run"});
    BOOST_TEST(contains(again.out, ": 0 birthday vouchers"), describe(again));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM vouchers WHERE source = 'birthday'") == 1);
}

BOOST_AUTO_TEST_CASE(the_demo_shows_every_membership_state_referrals_and_vouchers) {
    InitialisedDatabase db;
    const auto demo = runOn(db, {"demo", "--members", "3000", "--seed", "7"});
    BOOST_REQUIRE_MESSAGE(demo.exitCode == 0, describe(demo));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM referral_codes") == 3000);
    const auto soon = runOn(db, {"membership", "renewals", "--within", "30", "--json"});
    BOOST_TEST(contains(soon.out, "\"card_no\""), describe(soon));
    const std::string today = md::formatDate(md::today());
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM membership_terms WHERE starts_on <= '" + today +
                              "' AND ends_on >= '" + today + "' AND cancelled_on IS NULL") > 0);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM membership_terms WHERE ends_on < '" + today + "'") > 0);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM membership_terms WHERE cancelled_on IS NOT NULL") > 0);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM membership_terms WHERE kind = 'renew'") > 0);
    for (const char* status : {"issued", "redeemed", "expired"})
        BOOST_TEST(scalar(db, std::string("SELECT COUNT(*) FROM vouchers WHERE status = '") + status + "'") >
                       0,
                   status);
    // Referred members who bought earned their referrers the demo's 500 points, once each.
    const auto referrals = scalar(db, "SELECT COUNT(*) FROM points_ledger WHERE reason = 'referral'");
    BOOST_TEST(referrals > 0);
    BOOST_TEST(
        scalar(db, "SELECT COUNT(DISTINCT idempotency_key) FROM points_ledger WHERE reason = 'referral'") ==
        referrals);
    BOOST_TEST(scalar(db, "SELECT MIN(points) FROM points_ledger WHERE reason = 'referral'") == 500);
    BOOST_TEST(runOn(db, {"points", "check"}).exitCode == 0);
}

BOOST_AUTO_TEST_SUITE_END()
