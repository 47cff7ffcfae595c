// Segments on a small hand-made data set, on SQLite and PostgreSQL: each field's meaning with the exact
// members it selects, nested groups, hostile values matched literally, dynamic against frozen, the CSV
// export and the paths it refuses. Today is 1 July 2025 in Shanghai (still 30 June in UTC).
#include "app/segments.h"
#include "domain/user_error.h"
#include "tests/app/loyalty_fixture.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <fstream>
#include <functional>
#include <set>

using namespace md;
using namespace md::test;

namespace {

// A store code and category no SQL should ever see as SQL.
const std::string kHostile = "x'); DROP TABLE members; --\t\x01 \"美妆\"";

struct SegmentFixture : AppFixture {
    SegmentFixture() {
        const auto stored = app::saveProgramme(ctx, store, testProgramme()); // REGULAR / SILVER / GOLD
        BOOST_REQUIRE(stored.problems.empty());
        auto& sql = check->sql();
        std::string hostile = kHostile;
        sql << "INSERT INTO stores (code, name) VALUES (:c, 'hostile')", soci::use(hostile);
        member("MD00000001", "Alice", "'1990-07-05'", "F", "2024-01-10", "'SH001'", "active", 1, 0, 5, 120000,
               "'2025-06-25T02:00:00Z'");
        member("MD00000002", "Bob", "'2000-12-31'", "M", "2025-03-01", "'BJ002'", "active", 0, 1, 1, 5000,
               "'2025-01-15T10:00:00Z'");
        member("MD00000003", "陈", "NULL", "", "2023-05-05", "NULL", "suspended", 0, 0, 0, 0, "NULL");
        sql << "INSERT INTO members (card_no, name, name_key, birthday, gender, join_date, home_store, "
               "status, "
               "email_consent, sms_consent, orders, revenue_minor, last_purchase_at, created_at, updated_at) "
               "VALUES ('MD00000004', 'O''Brien', 'o''brien', '1995-06-30', 'O', '2025-06-30', :s, 'active', "
               "1, 1, "
               "2, 30000, '2025-06-30T16:30:00Z', 't', 't')",
            soci::use(hostile);
        order(1, "O1", "SH001", "store", "2025-06-25T02:00:00Z", "beauty");
        order(1, "O2", "GZ003", "online", "2025-05-01T02:00:00Z", "beauty");
        order(1, "O3", "SH001", "store", "2025-06-20T02:00:00Z", "food");
        sql << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, "
               "amount_minor, "
               "currency, kind, category) VALUES ('R1', 1, 'SH001', 'store', '2025-06-26T02:00:00Z', -100, "
               "'CNY', "
               "'refund', 'beauty')";
        order(2, "O4", "BJ002", "app", "2025-01-15T10:00:00Z", "beauty");
        sql << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, "
               "amount_minor, "
               "currency, kind, category, superseded) VALUES ('O6', 2, 'BJ002', 'store', "
               "'2025-06-29T02:00:00Z', "
               "100, 'CNY', 'purchase', 'beauty', 1)";
        order(4, "O5", kHostile, "store", "2025-06-30T16:30:00Z", kHostile);
        sql << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) VALUES "
               "(1, 'GOLD', 2, '2025-01-01', 't')";
        sql << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, override_tier, "
               "override_until, "
               "updated_at) VALUES (2, 'SILVER', 1, '2025-01-01', 'GOLD', '2025-06-30', 't'), "
               "(4, 'REGULAR', 0, '2025-01-01', 'GOLD', '2025-12-31', 't')";
        sql << "INSERT INTO member_points (member_id, balance, updated_at) VALUES (1, 1500, 't'), (2, 200, "
               "'t')";
        lot(1, "L1", 100, "2025-07-20");
        lot(2, "L2", 50, "2025-07-10");
        lot(2, "L3", 30, "2025-09-30");
        sql << "INSERT INTO points_ledger (member_id, kind, points, occurred_at, local_date, "
               "idempotency_key, "
               "actor, recorded_at) VALUES (2, 'redeem', -50, 't', '2025-06-01', 'D1', 't', 't')";
        sql << "INSERT INTO points_draws (entry_id, lot_id, member_id, points, recorded_at) SELECT d.id, "
               "l.id, 2, "
               "50, 't' FROM points_ledger d, points_ledger l WHERE d.idempotency_key = 'D1' AND "
               "l.idempotency_key = 'L2'";
        term(1, "T1", "2025-01-01", "2025-12-31", "NULL");
        term(2, "T2", "2024-01-01", "2024-12-31", "NULL");
        term(4, "T4", "2025-06-01", "2026-05-31", "'2025-06-30'");
    }

    void member(const char* card, const char* name, const char* birthday, const char* gender,
                const char* join, const char* homeStore, const char* status, int email, int sms, int orders,
                int revenue, const char* last) {
        check->sql()
            << "INSERT INTO members (card_no, name, name_key, phone, email, birthday, gender, join_date, "
               "home_store, status, email_consent, sms_consent, orders, revenue_minor, last_purchase_at, "
               "created_at, updated_at) VALUES ('" +
                   std::string(card) + "', '" + name + "', '" + name + "', '+86138" + (card + 2) + "', 'm" +
                   (card + 8) + "@example.cn', " + birthday + ", '" + gender + "', '" + join + "', " +
                   homeStore + ", '" + status + "', " + std::to_string(email) + ", " + std::to_string(sms) +
                   ", " + std::to_string(orders) + ", " + std::to_string(revenue) + ", " + last +
                   ", 't', 't')";
    }
    void order(int member, const char* id, std::string storeCode, const char* channel, const char* at,
               std::string category) {
        std::string orderId = id, ch = channel, when = at;
        int m = member;
        check->sql() << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, "
                        "amount_minor, currency, kind, category) VALUES (:o, :m, :s, :c, :a, 10000, 'CNY', "
                        "'purchase', :g)",
            soci::use(orderId), soci::use(m), soci::use(storeCode), soci::use(ch), soci::use(when),
            soci::use(category);
    }
    void lot(int member, const char* key, int points, const char* expires) {
        check->sql()
            << "INSERT INTO points_ledger (member_id, kind, points, occurred_at, local_date, expires_on, "
               "idempotency_key, actor, recorded_at) VALUES (" +
                   std::to_string(member) + ", 'earn', " + std::to_string(points) + ", 't', '2025-01-01', '" +
                   expires + "', '" + key + "', 't', 't')";
    }
    void term(int member, const char* key, const char* from, const char* to, const char* cancelled) {
        check->sql()
            << "INSERT INTO membership_terms (member_id, plan_code, kind, starts_on, ends_on, fee_minor, "
               "request_key, cancelled_on, actor, recorded_at) VALUES (" +
                   std::to_string(member) + ", 'PLUS', 'buy', '" + from + "', '" + to + "', 9900, '" + key +
                   "', " + cancelled + ", 't', 't')";
    }

    /// The members (by the last digit of their card) a rule selects, checked against its count.
    std::string selected(const std::string& rule) {
        std::string out;
        for (const auto& m : app::previewRule(ctx, store, rule, 100))
            out += m.cardNo.back();
        BOOST_TEST(app::countRule(ctx, store, rule) == static_cast<std::int64_t>(out.size()), rule);
        return out;
    }
    std::string leaf(const char* field, const char* op, const std::string& value) {
        return std::string(R"({"field":")") + field + R"(","op":")" + op + R"(","value":)" + value + "}";
    }
};

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const UserError& e) {
        return e.code() + ": " + e.param("reason");
    }
    return "accepted";
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(segments_use_cases, SegmentFixture)

BOOST_AUTO_TEST_CASE(profile_fields_select_exactly_the_members_they_describe) {
    BOOST_TEST(selected(leaf("store", "=", R"("SH001")")) == "1");
    BOOST_TEST(selected(R"({"not":)" + leaf("store", "=", R"("SH001")") + "}") == "234");
    BOOST_TEST(selected(leaf("store", "in", R"(["BJ002","GZ003"])")) == "2");
    BOOST_TEST(selected(leaf("store", "not_in", R"(["BJ002"])")) == "134");
    BOOST_TEST(selected(leaf("gender", "=", R"("")")) == "3");
    BOOST_TEST(selected(leaf("gender", "in", R"(["F","O"])")) == "14");
    BOOST_TEST(selected(leaf("status", "!=", R"("active")")) == "3");
    BOOST_TEST(selected(leaf("email_consent", "=", "true")) == "14");
    BOOST_TEST(selected(leaf("sms_consent", "=", "false")) == "13");
    BOOST_TEST(selected(leaf("sms_consent", "!=", "true")) == "13");
    BOOST_TEST(selected(leaf("join_date", ">=", R"("2025-03-01")")) == "24");
    BOOST_TEST(selected(leaf("join_date", "<", R"("2024-01-10")")) == "3");
    BOOST_TEST(selected(leaf("join_date", "=", R"("2025-06-30")")) == "4");
}

BOOST_AUTO_TEST_CASE(age_and_birthday_count_from_today_in_the_programme_zone) {
    // Alice turns 35 on 5 July, Bob is 24, O'Brien turned 30 yesterday, 陈 gave no birthday.
    BOOST_TEST(selected(leaf("age", ">=", "30")) == "14");
    BOOST_TEST(selected(leaf("age", "=", "30")) == "4");
    BOOST_TEST(selected(leaf("age", "=", "34")) == "1");
    BOOST_TEST(selected(leaf("age", "<", "25")) == "2");
    BOOST_TEST(selected(leaf("age", "<=", "24")) == "2");
    BOOST_TEST(selected(leaf("age", ">", "34")) == "");
    BOOST_TEST(selected(leaf("age", "!=", "34")) == "24");
    BOOST_TEST(selected(R"({"not":)" + leaf("age", ">=", "30") + "}") == "23");
    BOOST_TEST(selected(leaf("birthday_within_days", "=", "4")) == "1");
    BOOST_TEST(selected(leaf("birthday_within_days", "=", "3")) == "");
    BOOST_TEST(selected(leaf("birthday_within_days", "=", "366")) == "124");
    // Across the new year: on 28 December a week ahead reaches Bob's 31 December.
    clock.set(instant("2025-12-28T04:00:00Z"));
    BOOST_TEST(selected(leaf("birthday_within_days", "=", "7")) == "2");
    BOOST_TEST(selected(leaf("birthday_within_days", "=", "2")) == "");
}

BOOST_AUTO_TEST_CASE(loyalty_fields_read_tiers_points_expiry_and_paid_terms) {
    // Bob's manual GOLD ended yesterday; O'Brien's lasts; 陈 was never placed (the base tier).
    BOOST_TEST(selected(leaf("tier", "in", R"(["GOLD"])")) == "14");
    BOOST_TEST(selected(leaf("tier", "=", R"("REGULAR")")) == "3");
    BOOST_TEST(selected(leaf("tier", "not_in", R"(["GOLD"])")) == "23");
    BOOST_TEST(selected(leaf("points_balance", ">=", "200")) == "12");
    BOOST_TEST(selected(leaf("points_balance", "=", "0")) == "34");
    BOOST_TEST(selected(leaf("points_balance", "<", "100")) == "34");
    // Bob's lot expiring on 10 July was spent; his other lot expires in September.
    BOOST_TEST(selected(leaf("points_expiring_within_days", "=", "30")) == "1");
    BOOST_TEST(selected(leaf("points_expiring_within_days", "=", "100")) == "12");
    BOOST_TEST(selected(leaf("points_expiring_within_days", "=", "0")) == "");
    // O'Brien's term was cancelled from yesterday on; Bob's ended last year.
    BOOST_TEST(selected(leaf("paid_membership_active", "=", "true")) == "1");
    BOOST_TEST(selected(leaf("paid_membership_active", "=", "false")) == "234");
    BOOST_TEST(selected(leaf("paid_membership_active", "!=", "true")) == "234");
}

BOOST_AUTO_TEST_CASE(behaviour_fields_count_current_purchases_in_local_days) {
    BOOST_TEST(selected(leaf("orders", ">=", "2")) == "14");
    BOOST_TEST(selected(leaf("revenue", ">=", R"("300.00")")) == "14");
    BOOST_TEST(selected(leaf("revenue", ">", R"("300")")) == "1");
    BOOST_TEST(selected(leaf("revenue", "=", R"("0")")) == "3");
    // Alice bought 6 days ago, Bob 167 days ago, O'Brien at 00:30 today Shanghai time (yesterday in UTC).
    BOOST_TEST(selected(leaf("last_purchase_days", "<=", "6")) == "14");
    BOOST_TEST(selected(leaf("last_purchase_days", "<", "6")) == "4");
    BOOST_TEST(selected(leaf("last_purchase_days", "=", "0")) == "4");
    BOOST_TEST(selected(leaf("last_purchase_days", ">", "100")) == "2");
    BOOST_TEST(selected(leaf("last_purchase_days", ">=", "167")) == "2");
    BOOST_TEST(selected(leaf("last_purchase_days", ">=", "168")) == "");
    BOOST_TEST(selected(leaf("last_purchase_days", "!=", "6")) == "24");
    BOOST_TEST(selected(R"({"not":)" + leaf("last_purchase_days", "<=", "6") + "}") == "23");
    // Beauty over 90 days: Alice twice; Bob's order is older and his correction-replaced row does not count.
    const auto beauty = [&](const char* op, int n, int days) {
        return selected(std::string(R"({"field":"purchases_in_category","op":")") + op + R"(","value":)" +
                        std::to_string(n) + R"(,"category":"beauty","days":)" + std::to_string(days) + "}");
    };
    BOOST_TEST(beauty(">=", 1, 90) == "1");
    BOOST_TEST(beauty("=", 2, 90) == "1");
    BOOST_TEST(beauty(">", 2, 90) == "");
    BOOST_TEST(beauty("=", 0, 90) == "234");
    BOOST_TEST(beauty("<", 2, 90) == "234");
    BOOST_TEST(beauty("!=", 2, 90) == "234");
    BOOST_TEST(beauty("<=", 5, 90) == "1234");
    BOOST_TEST(beauty("=", 1, 30) == "1");
    BOOST_TEST(beauty(">=", 1, 365) == "12");
    BOOST_TEST(selected(R"({"field":"purchases_in_store","op":">=","value":2,"store":"SH001","days":365})") ==
               "1");
    BOOST_TEST(
        selected(R"({"field":"purchases_in_channel","op":">=","value":1,"channel":"app","days":365})") ==
        "2");
}

BOOST_AUTO_TEST_CASE(groups_nest_and_not_is_the_exact_complement) {
    const std::string rule = R"({"and":[{"field":"tier","op":"in","value":["GOLD","SILVER"]},)"
                             R"({"or":[{"field":"last_purchase_days","op":"<=","value":7},)"
                             R"({"field":"sms_consent","op":"=","value":true}]},)"
                             R"({"not":{"field":"store","op":"=","value":"SH001"}}]})";
    BOOST_TEST(selected(rule) == "24");
    BOOST_TEST(selected(R"({"not":)" + rule + "}") == "13");
    BOOST_TEST(selected(R"({"or":[)" + rule + "," + leaf("status", "=", R"("suspended")") + "]}") == "234");
    BOOST_TEST(selected(R"({"not":{"not":)" + rule + "}}") == "24");
}

BOOST_AUTO_TEST_CASE(hostile_values_are_matched_literally_and_never_run) {
    const std::string value = json::quote(kHostile);
    BOOST_TEST(selected(leaf("store", "=", value)) == "4");
    BOOST_TEST(selected(leaf("store", "in", "[" + value + R"(,"'; DROP TABLE members; --"])")) == "4");
    BOOST_TEST(selected(R"({"field":"purchases_in_category","op":">=","value":1,"category":)" + value +
                        R"(,"days":1})") == "4");
    BOOST_TEST(selected(leaf("store", "=", R"("x'); DROP TABLE members; --")")) == "");
    BOOST_TEST(selected(leaf("store", "=", R"("' OR '1'='1")")) == "");
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM members") == 4);
}

BOOST_AUTO_TEST_CASE(unknown_tier_codes_and_bad_rules_are_refused_with_the_reason) {
    BOOST_TEST(
        refusal([&] { app::countRule(ctx, store, leaf("tier", "=", R"("PLATINUM")")); }) ==
        "segment.invalid_rule: tier \"PLATINUM\" is not a tier of the programme (tiers: REGULAR, SILVER, "
        "GOLD)");
    BOOST_TEST(refusal([&] {
                   app::countRule(ctx, store, R"({"and":[{"field":"tierr","op":"=","value":"A"}]})");
               }).starts_with("segment.invalid_rule: $.and[0]: unknown field \"tierr\""));
    BOOST_TEST(refusal([&] { app::createSegment(ctx, store, "", leaf("orders", ">", "1")); }) ==
               "segment.invalid_name: a segment needs a name");
}

BOOST_AUTO_TEST_CASE(a_created_segment_is_audited_and_announced_and_its_name_is_unique) {
    const auto s = app::createSegment(ctx, store, "金卡 active", leaf("tier", "=", R"("GOLD")"));
    BOOST_TEST(s.createdBy == "agent.li");
    BOOST_TEST(app::countSegment(ctx, store, "金卡 active") == 2);
    BOOST_TEST(
        countWhere(*check, "SELECT COUNT(*) FROM audit_log WHERE entity = 'segment' AND action = 'create'") ==
        1);
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM events WHERE type = 'segment_created'") == 1);
    BOOST_TEST(refusal([&] { app::createSegment(ctx, store, "金卡 active", leaf("orders", ">", "1")); }) ==
               "segment.exists: ");
    const auto all = app::listSegments(ctx, store);
    BOOST_TEST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].rule == R"({"field":"tier","op":"=","value":"GOLD"})");
    BOOST_TEST(refusal([&] { app::countSegment(ctx, store, "nope"); }) == "segment.unknown: ");
}

BOOST_AUTO_TEST_CASE(a_frozen_segment_keeps_its_snapshot_while_the_rule_moves_on) {
    app::createSegment(ctx, store, "gold", leaf("tier", "=", R"("GOLD")"));
    BOOST_TEST(app::freezeSegment(ctx, store, "gold") == 2);
    check->sql() << "UPDATE member_tiers SET tier_code = 'GOLD', tier_rank = 2 WHERE member_id = 2";
    BOOST_TEST(app::countRule(ctx, store, leaf("tier", "=", R"("GOLD")")) == 3);
    BOOST_TEST(app::countSegment(ctx, store, "gold") == 2);
    BOOST_TEST(app::listSegments(ctx, store).at(0).frozenAt.has_value());
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM events WHERE type = 'segment_frozen'") == 1);
    BOOST_TEST(app::freezeSegment(ctx, store, "gold") == 3); // freezing again takes a new snapshot
    BOOST_TEST(app::countSegment(ctx, store, "gold") == 3);
}

BOOST_AUTO_TEST_CASE(export_writes_the_members_as_csv_by_id) {
    app::createSegment(ctx, store, "gold", leaf("tier", "=", R"("GOLD")"));
    const auto out = tdb.dir() / "gold.csv";
    BOOST_TEST(app::exportSegment(ctx, store, "gold", out, {}) == 2u);
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_TEST(text == "card_no,name,phone,email,tier,points\n"
                       "MD00000001,Alice,+8613800000001,m01@example.cn,GOLD,1500\n"
                       "MD00000004,O'Brien,,,GOLD,0\n");
}

BOOST_AUTO_TEST_CASE(export_refuses_directories_symlinks_and_protected_files) {
    app::createSegment(ctx, store, "gold", leaf("tier", "=", R"("GOLD")"));
    const auto dir = tdb.dir() / "folder";
    std::filesystem::create_directory(dir);
    BOOST_TEST(
        refusal([&] { app::exportSegment(ctx, store, "gold", dir, {}); }).starts_with("file.unsafe_target"));
    const auto victim = tdb.dir() / "victim.txt";
    std::ofstream(victim) << "keep me";
    const auto link = tdb.dir() / "link.csv";
    std::filesystem::create_symlink(victim, link);
    BOOST_TEST(
        refusal([&] { app::exportSegment(ctx, store, "gold", link, {}); }).starts_with("file.unsafe_target"));
    BOOST_TEST(refusal([&] {
                   app::exportSegment(ctx, store, "gold", victim, {victim});
               }).starts_with("file.unsafe_target"));
    std::ifstream in(victim);
    std::string kept;
    std::getline(in, kept);
    BOOST_TEST(kept == "keep me");
}

BOOST_AUTO_TEST_SUITE_END()
