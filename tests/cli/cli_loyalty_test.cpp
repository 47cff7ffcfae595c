// memberdesk-cli programme, points and tier end to end, on SQLite and PostgreSQL.
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

/// A database with one member, one store and the demo programme exported and imported again.
struct LoyaltyCli : InitialisedDatabase {
    std::string programme;
    LoyaltyCli() {
        BOOST_REQUIRE(runOn(*this, {"store", "add", "SH001", "上海店"}).exitCode == 0);
        const auto members =
            writeScratch(*this, "m.csv", membersCsv({"MD00000001,王芳,13800138000,,,,2024-01-02,,1,0"}));
        BOOST_REQUIRE(runOn(*this, {"import", "members", members}).exitCode == 0);
        programme = writeScratch(*this, "p.json", kProgramme);
        const auto r = runOn(*this, {"programme", "import", programme});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    }
    static constexpr const char* kProgramme = R"({
  "name": "CLI test",
  "currency": "CNY",
  "effective_from": "2024-01-01",
  "point_value": {"amount": "0.01", "points": 1},
  "tiers": {"window": "rolling_12_months", "downgrade": "one_tier_per_review", "ladder": [
    {"rank": 0, "code": "REGULAR", "name_zh": "普通会员", "name_en": "Regular"},
    {"rank": 1, "code": "SILVER", "name_zh": "银卡", "name_en": "Silver", "entry_spend": "1000.00", "retain_spend": "500.00"}
  ]},
  "rules": [{"code": "BASE", "kind": "base", "priority": 0, "points_per": 1, "unit": "1.00"}],
  "expiry": {"kind": "days_after_earn", "days": 365}
})";
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_loyalty)

BOOST_AUTO_TEST_CASE(importing_transactions_earns_points_that_balance_shows_as_json) {
    LoyaltyCli db;
    // Ten days ago: the lot is still open whenever the test runs (it expires 365 days after).
    const md::Date earned = md::today() - std::chrono::days(10);
    const auto tx = writeScratch(db, "t.csv",
                                 "order_id,card_no,store,occurred_at,amount\nA1,MD00000001,SH001," +
                                     md::formatDate(earned) + " 12:00,120.50\n");
    const auto imported = runOn(db, {"import", "transactions", tx});
    BOOST_TEST(imported.exitCode == 0, describe(imported));
    const auto b = runOn(db, {"points", "balance", "MD00000001", "--json"});
    BOOST_TEST(b.exitCode == 0, describe(b));
    BOOST_TEST(contains(b.out, "\"total\": 120"), describe(b));
    BOOST_TEST(contains(b.out, "\"tier\": \"REGULAR\""), describe(b));
    BOOST_TEST(contains(b.out, "\"spendable\": 120"), describe(b));
    const std::string expires = md::formatDate(earned + std::chrono::days(365));
    BOOST_TEST(contains(b.out, "\"expires_on\": \"" + expires + "\""), describe(b));
}

BOOST_AUTO_TEST_CASE(a_redemption_beyond_the_balance_exits_2_and_writes_nothing) {
    LoyaltyCli db;
    BOOST_TEST(runOn(db, {"points", "adjust", "MD00000001", "+100", "--reason", "goodwill"}).exitCode == 0);
    const auto r = runOn(db, {"points", "redeem", "MD00000001", "101", "--for", "gift"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "100"), describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM points_ledger WHERE kind = 'redeem'") == 0);
    const auto ok = runOn(db, {"points", "redeem", "MD00000001", "60", "--request-id", "till-7"});
    BOOST_TEST(ok.exitCode == 0, describe(ok));
    const auto retry = runOn(db, {"points", "redeem", "MD00000001", "60", "--request-id", "till-7"});
    BOOST_TEST(contains(retry.out, "nothing written"), describe(retry));
    BOOST_TEST(scalar(db, "SELECT SUM(points) FROM points_ledger") == 40);
}

BOOST_AUTO_TEST_CASE(a_negative_adjustment_is_read_as_a_number_not_an_option) {
    LoyaltyCli db;
    runOn(db, {"points", "adjust", "MD00000001", "+100", "--reason", "goodwill"});
    const auto r = runOn(db, {"points", "adjust", "MD00000001", "-30", "--reason", "correction"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(scalar(db, "SELECT SUM(points) FROM points_ledger") == 70);
}

BOOST_AUTO_TEST_CASE(points_check_exits_4_naming_each_member_whose_cache_was_altered) {
    LoyaltyCli db;
    runOn(db, {"points", "adjust", "MD00000001", "+100", "--reason", "goodwill"});
    BOOST_TEST(runOn(db, {"points", "check"}).exitCode == 0);
    db.open(false)->sql() << "UPDATE member_points SET balance = 999";
    const auto r = runOn(db, {"points", "check"});
    BOOST_TEST(r.exitCode == 4, describe(r));
    BOOST_TEST(contains(r.out, "MD00000001"), describe(r));
}

BOOST_AUTO_TEST_CASE(a_bad_programme_file_stores_nothing_and_names_the_field_and_why) {
    LoyaltyCli db;
    const auto bad = writeScratch(
        db, "bad.json",
        std::string(LoyaltyCli::kProgramme)
            .replace(std::string(LoyaltyCli::kProgramme).find("\"days\": 365"), 11, "\"dayz\": 365"));
    const auto r = runOn(db, {"programme", "import", bad});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "expiry"), describe(r));
    BOOST_TEST(contains(r.err, "days"), describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM programme_versions") == 1);
}

BOOST_AUTO_TEST_CASE(programme_export_round_trips_and_refuses_to_overwrite_the_database) {
    LoyaltyCli db;
    const auto out = (db.dir() / "out.json").string();
    const auto r = runOn(db, {"programme", "export", out});
    BOOST_TEST(r.exitCode == 0, describe(r));
    const auto again = runOn(db, {"programme", "import", out});
    BOOST_TEST(again.exitCode == 0, describe(again));
    BOOST_TEST(contains(again.out, "version 2"), describe(again));
    if (!db.isPostgres()) {
        const auto self = runOn(db, {"programme", "export", db.url().path});
        BOOST_TEST(self.exitCode == 2, describe(self));
        BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM programme_versions") == 2);
    }
}

BOOST_AUTO_TEST_CASE(tier_set_needs_an_end_date_and_shows_in_the_history) {
    LoyaltyCli db;
    const auto missing = runOn(db, {"tier", "set", "MD00000001", "SILVER", "--reason", "vip"});
    BOOST_TEST(missing.exitCode == 2, describe(missing));
    const auto set =
        runOn(db, {"tier", "set", "MD00000001", "SILVER", "--until", "2099-12-31", "--reason", "vip guest"});
    BOOST_TEST(set.exitCode == 0, describe(set));
    const auto h = runOn(db, {"tier", "history", "MD00000001"});
    BOOST_TEST(contains(h.out, "manual_override"), describe(h));
    BOOST_TEST(contains(h.out, "vip guest"), describe(h));
    const auto unknown =
        runOn(db, {"tier", "set", "MD00000001", "PLATINUM", "--until", "2099-12-31", "--reason", "x"});
    BOOST_TEST(unknown.exitCode == 2, describe(unknown));
    BOOST_TEST(contains(unknown.err, "REGULAR"), describe(unknown));
}

BOOST_AUTO_TEST_CASE(points_expire_is_idempotent_and_liability_counts_what_is_left) {
    LoyaltyCli db;
    const auto tx = writeScratch(
        db, "t.csv", "order_id,card_no,store,occurred_at,amount\nA1,MD00000001,SH001,2024-03-01,200\n");
    runOn(db, {"import", "transactions", tx});
    const auto first = runOn(db, {"points", "expire", "--as-of", "2025-06-01"});
    BOOST_TEST(contains(first.out, "Expired 1 lot"), describe(first));
    const auto second = runOn(db, {"points", "expire", "--as-of", "2025-06-01"});
    BOOST_TEST(contains(second.out, "Expired 0 lots"), describe(second));
    const auto before = runOn(db, {"points", "liability", "--as-of", "2024-06-01", "--json"});
    BOOST_TEST(contains(before.out, "\"points\": 200"), describe(before));
    BOOST_TEST(contains(before.out, "\"value\": \"2.00\""), describe(before));
    const auto after = runOn(db, {"points", "liability", "--as-of", "2025-06-01", "--json"});
    BOOST_TEST(contains(after.out, "\"points\": 0"), describe(after));
}

/// The test programme with a base rate of 2 points per ¥1.
std::string doubledProgramme() {
    std::string p = LoyaltyCli::kProgramme;
    const std::string from = "\"points_per\": 1";
    return p.replace(p.find(from), from.size(), "\"points_per\": 2");
}

/// One purchase of ¥100.00 ten days ago (so it is in every default period).
md::Date buyTenDaysAgo(LoyaltyCli& db) {
    const md::Date day = md::today() - std::chrono::days(10);
    const auto tx = writeScratch(db, "t.csv",
                                 "order_id,card_no,store,occurred_at,amount\nA1,MD00000001,SH001," +
                                     md::formatDate(day) + " 12:00,100.00\n");
    BOOST_REQUIRE(runOn(db, {"import", "transactions", tx}).exitCode == 0);
    return day;
}

BOOST_AUTO_TEST_CASE(rerate_after_a_new_base_rate_re_earns_and_a_second_run_writes_nothing) {
    LoyaltyCli db;
    const std::string day = md::formatDate(buyTenDaysAgo(db));
    const auto doubled = writeScratch(db, "p2.json", doubledProgramme());
    const auto stored =
        runOn(db, {"programme", "import", doubled, "--effective", md::formatDate(md::today())});
    BOOST_REQUIRE_MESSAGE(stored.exitCode == 0, describe(stored));
    const auto r = runOn(db, {"rerate", "--from", day, "--to", day, "--json"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(contains(r.out, "\"changed\": 1"), describe(r));
    BOOST_TEST(contains(r.out, "\"points_after\": 200"), describe(r));
    BOOST_TEST(scalar(db, "SELECT SUM(points) FROM points_ledger") == 200);
    const auto again = runOn(db, {"rerate", "--from", day, "--to", day});
    BOOST_TEST(again.exitCode == 0, describe(again));
    BOOST_TEST(contains(again.out, "0 changed"), describe(again));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM points_ledger") == 3);
    BOOST_TEST(runOn(db, {"points", "check"}).exitCode == 0);
    const auto backwards = runOn(db, {"rerate", "--from", day, "--to", "2020-01-01"});
    BOOST_TEST(backwards.exitCode == 2, describe(backwards));
}

BOOST_AUTO_TEST_CASE(programme_whatif_reports_the_proposals_points_and_changes_nothing) {
    LoyaltyCli db;
    buyTenDaysAgo(db);
    const auto doubled = writeScratch(db, "p2.json", doubledProgramme());
    const auto r = runOn(db, {"programme", "whatif", doubled, "--json"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(contains(r.out, "\"current_points\": 100"), describe(r));
    BOOST_TEST(contains(r.out, "\"proposed_points\": 200"), describe(r));
    BOOST_TEST(contains(r.out, "\"code\": \"SILVER\""), describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM programme_versions") == 1);
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM points_ledger") == 1);
    const auto text = runOn(db, {"programme", "whatif", doubled});
    BOOST_TEST(contains(text.out, "proposed 200"), describe(text));
    const auto bad = writeScratch(
        db, "bad.json",
        std::string(LoyaltyCli::kProgramme)
            .replace(std::string(LoyaltyCli::kProgramme).find("\"days\": 365"), 11, "\"dayz\": 365"));
    const auto refused = runOn(db, {"programme", "whatif", bad});
    BOOST_TEST(refused.exitCode == 2, describe(refused));
    BOOST_TEST(contains(refused.err, "expiry"), describe(refused));
}

BOOST_AUTO_TEST_SUITE_END()
