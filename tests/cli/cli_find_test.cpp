// memberdesk-cli end to end: find in every way an agent types a query, and show (text and JSON).
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>

using namespace md::test;

namespace {

// Three members and a few transactions, loaded once per test through the CLI itself.
struct Programme {
    TestDatabase db;
    Programme() {
        // demo --members 0 creates the stores the transactions refer to, and nothing else.
        BOOST_REQUIRE(runOn(db, {"demo", "--members", "0"}).exitCode == 0);
        const auto members = writeScratch(
            db, "members.csv",
            membersCsv({
                "MD20000001,王芳,+86 138 0013 8000,wang.fang@example.com,1990-05-01,F,2024-01-15,SH001,1,0",
                "MD20000002,Emma Zhang,13900001111,emma.zhang@gmail.com,1995-02-03,F,2024-02-01,BJ001,0,1",
                "MD20000003,李雷,13700002222,,,M,2024-03-01,,0,0",
                "MD20000004,王小明,13600003333,,,M,2024-03-02,,0,0",
            }));
        const auto r = runOn(db, {"import", "members", members});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
        const auto tx =
            writeScratch(db, "tx.csv",
                         "order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category\n"
                         "SH001-1,MD20000001,SH001,store,2024-02-01T10:15:00Z,128.50,CNY,purchase,2,服装\n"
                         "SH001-2,MD20000001,SH001,app,2024-03-05T12:00:00Z,71.50,CNY,purchase,1,美妆\n"
                         "SH001-3,MD20000001,SH001,store,2024-03-08T09:30:00Z,20.00,CNY,refund,1,美妆\n");
        const auto t = runOn(db, {"import", "transactions", tx});
        BOOST_REQUIRE_MESSAGE(t.exitCode == 0, describe(t));
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(cli_find)

BOOST_AUTO_TEST_CASE(find_accepts_every_way_of_typing_a_member) {
    Programme p;
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
        {{"+86 138 0013 8000"}, "MD20000001"},
        {{"+86", "138", "0013", "8000"}, "MD20000001"}, // unquoted words are one query
        {{"13800138000"}, "MD20000001"},
        {{"138-0013-8000"}, "MD20000001"},
        {{"0086 13800138000"}, "MD20000001"},
        {{"8000"}, "MD20000001"},
        {{"00138000"}, "MD20000001"},
        {{"MD20000001"}, "MD20000001"},
        {{"md20000002"}, "MD20000002"},
        {{"王芳"}, "MD20000001"},
        {{"李"}, "MD20000003"},
        {{"Emma"}, "MD20000002"},
        {{"emma zh"}, "MD20000002"},
        {{"wang.fang@example.com"}, "MD20000001"},
        {{"Emma.Zhang@Gmail.com"}, "MD20000002"},
    };
    for (const auto& [query, card] : cases) {
        std::vector<std::string> args{"find"};
        args.insert(args.end(), query.begin(), query.end());
        const auto r = runOn(p.db, args);
        BOOST_TEST(r.exitCode == 0, query.front() << "\n" << describe(r));
        BOOST_TEST(contains(r.out, card), query.front() << "\n" << describe(r));
    }
}

BOOST_AUTO_TEST_CASE(find_prints_a_table_with_totals) {
    Programme p;
    const auto r = runOn(p.db, {"find", "13800138000"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    for (const char* text : {"Card", "Name", "Phone", "Store", "Joined", "Orders", "Revenue", "MD20000001",
                             "王芳", "138 0013 8000", "SH001", "2024-01-15", "¥180.00"})
        BOOST_TEST(contains(r.out, text), text << "\n" << describe(r));
    BOOST_TEST(!contains(r.out, "MD20000002"));
}

BOOST_AUTO_TEST_CASE(find_json_is_an_array_of_members) {
    Programme p;
    const auto r = runOn(p.db, {"find", "王", "--json"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(r.out.front() == '[');
    BOOST_TEST(contains(r.out, "\"card\": \"MD20000001\""), describe(r));
    BOOST_TEST(contains(r.out, "\"card\": \"MD20000004\""), describe(r));
    BOOST_TEST(contains(r.out, "\"phone\": \"+8613800138000\""), describe(r));
    BOOST_TEST(contains(r.out, "\"revenue_minor\": 18000"), describe(r));
    BOOST_TEST(!contains(r.out, "MD20000003"), describe(r));
}

BOOST_AUTO_TEST_CASE(find_limit_caps_the_rows_and_says_so) {
    Programme p;
    const auto r = runOn(p.db, {"find", "王", "--limit", "1", "--json"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST((contains(r.out, "MD20000001") != contains(r.out, "MD20000004")), describe(r));
    BOOST_TEST(contains(r.err, "--limit"), describe(r));
}

BOOST_AUTO_TEST_CASE(nothing_found_is_exit_1_with_a_message_on_stderr) {
    Programme p;
    const auto r = runOn(p.db, {"find", "99999999"});
    BOOST_TEST(r.exitCode == 1, describe(r));
    BOOST_TEST(r.out.empty(), describe(r));
    BOOST_TEST(contains(r.err, "No member found for '99999999'"), describe(r));
    const auto j = runOn(p.db, {"find", "nobody@example.com", "--json"});
    BOOST_TEST(j.exitCode == 1, describe(j));
    BOOST_TEST(j.out == "[]\n", describe(j));
}

BOOST_AUTO_TEST_CASE(show_json_has_profile_consent_totals_and_recent_transactions) {
    Programme p;
    const auto r = runOn(p.db, {"show", "MD20000001", "--json"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    for (const char* text :
         {"\"name\": \"王芳\"", "\"email\": \"wang.fang@example.com\"", "\"home_store\": \"SH001\"",
          "\"home_store_name\": \"上海南京西路店\"", "\"source\": \"import\"", "\"orders\": 2",
          "\"revenue\": \"180.00\"", "\"revenue_minor\": 18000",
          "\"first_purchase\": \"2024-02-01T10:15:00Z\"", "\"last_purchase\": \"2024-03-05T12:00:00Z\"",
          "\"order_id\": \"SH001-3\"", "\"kind\": \"refund\"", "\"category\": \"美妆\""})
        BOOST_TEST(contains(r.out, text), text << "\n" << describe(r));
    // Newest first.
    BOOST_TEST(r.out.find("SH001-3") < r.out.find("SH001-1"), describe(r));
}

BOOST_AUTO_TEST_CASE(show_text_reads_like_a_member_card) {
    Programme p;
    const auto r = runOn(p.db, {"show", "MD20000001"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    for (const char* text :
         {"王芳", "138 0013 8000", "SH001 上海南京西路店", "Consent", "granted, source import",
          "refused, source import", "¥180.00", "Recent transactions", "SH001-2", "times UTC"})
        BOOST_TEST(contains(r.out, text), text << "\n" << describe(r));

    const auto quiet = runOn(p.db, {"show", "MD20000003"});
    BOOST_TEST(quiet.exitCode == 0, describe(quiet));
    BOOST_TEST(contains(quiet.out, "No transactions yet."), describe(quiet));
}

BOOST_AUTO_TEST_CASE(show_an_unknown_card_is_exit_1) {
    Programme p;
    const auto r = runOn(p.db, {"show", "MD99999999"});
    BOOST_TEST(r.exitCode == 1, describe(r));
    BOOST_TEST(contains(r.err, "No member has card number MD99999999"), describe(r));
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_SUITE_END()
