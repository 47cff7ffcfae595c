// memberdesk-cli end to end: init, demo, help, and how it fails (usage, unreachable or too-new database).
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <filesystem>

using namespace md::test;
using md::db::Database;

BOOST_AUTO_TEST_SUITE(cli_setup)

BOOST_AUTO_TEST_CASE(init_prints_the_schema_version_and_is_idempotent) {
    TestDatabase db;
    const std::string version = "Schema version " + std::to_string(Database::supportedSchemaVersion());
    const auto first = runOn(db, {"init"});
    BOOST_TEST(first.exitCode == 0, describe(first));
    BOOST_TEST(contains(first.out, version + " (created)"), describe(first));
    BOOST_TEST(contains(first.out, db.url().display()), describe(first));

    const auto second = runOn(db, {"init"});
    BOOST_TEST(second.exitCode == 0, describe(second));
    BOOST_TEST(contains(second.out, version + " (already up to date)"), describe(second));
    BOOST_TEST(db.open(false)->schemaVersion() == Database::supportedSchemaVersion());
}

BOOST_AUTO_TEST_CASE(the_database_can_come_from_MEMBERDESK_DB) {
    TestDatabase db;
    const auto r = runCli({"init"}, CliEnv{{{"MEMBERDESK_DB", db.urlText()}}, {}, {}, {}});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(db.open(false)->schemaVersion() == Database::supportedSchemaVersion());
}

BOOST_AUTO_TEST_CASE(help_and_version_exit_zero) {
    const auto help = runCli({"--help"});
    BOOST_TEST(help.exitCode == 0, describe(help));
    for (const char* word : {"init", "demo", "import", "export", "find", "show", "Exit status", "UTC"})
        BOOST_TEST(contains(help.out, word), word);
    BOOST_TEST(runCli({"-h"}).exitCode == 0);

    const auto version = runCli({"--version"});
    BOOST_TEST(version.exitCode == 0, describe(version));
    BOOST_TEST(contains(version.out, "memberdesk-cli "), describe(version));

    const auto none = runCli({});
    BOOST_TEST(none.exitCode == 2, describe(none));
    BOOST_TEST(contains(none.err, "Usage:"), describe(none));
}

BOOST_AUTO_TEST_CASE(an_unknown_command_is_named_with_a_pointer_to_help) {
    const auto r = runCli({"xyz"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "unknown command 'xyz'; run memberdesk-cli --help"), describe(r));
    BOOST_TEST(r.out.empty());
}

BOOST_AUTO_TEST_CASE(bad_arguments_are_usage_errors_with_exit_2) {
    TestDatabase db;
    BOOST_REQUIRE(runOn(db, {"init"}).exitCode == 0);
    const std::vector<std::vector<std::string>> bad = {
        {"find"},
        {"find", "wang", "--limit", "abc"},
        {"find", "wang", "--limit", "0"},
        {"find", "wang", "--frobnicate"},
        {"find", "12"},
        {"show"},
        {"show", "MD1", "MD2"},
        {"show", "not a card!"},
        {"demo"},
        {"demo", "--members", "-5"},
        {"import", "stores", "x.csv"},
        {"import", "members"},
        {"import", "members", "x.csv", "--mode", "merge"},
        {"export", "stores"},
        {"init", "extra"},
    };
    for (const auto& args : bad) {
        const auto r = runOn(db, args);
        std::string joined;
        for (const auto& a : args)
            joined += a + " ";
        BOOST_TEST(r.exitCode == 2, joined << "\n" << describe(r));
        BOOST_TEST(contains(r.err, "error:"), joined << "\n" << describe(r));
    }
    const auto missingValue = runCli({"--db"});
    BOOST_TEST(missingValue.exitCode == 2, describe(missingValue));
    const auto usage = runOn(db, {"find", "wang", "--limit"});
    BOOST_TEST(contains(usage.err, "usage: memberdesk-cli find QUERY"), describe(usage));
}

BOOST_AUTO_TEST_CASE(an_unreachable_database_is_explained_with_a_hint) {
    const auto init = runCli({"--db", "postgresql://nobody@127.0.0.1:1/x", "init"});
    BOOST_TEST(init.exitCode == 2, describe(init));
    BOOST_TEST(contains(init.err, "error:"), describe(init));
    BOOST_TEST(contains(init.err, "hint:"), describe(init));
    BOOST_TEST(contains(init.err, "127.0.0.1"), describe(init));

    const auto find = runCli({"--db", "postgresql://nobody@127.0.0.1:1/x", "find", "wang"});
    BOOST_TEST(find.exitCode == 2, describe(find));
    BOOST_TEST(contains(find.err, "hint:"), describe(find));
}

BOOST_AUTO_TEST_CASE(a_database_from_a_newer_version_is_refused_and_left_alone) {
    TestDatabase db;
    const int future = Database::supportedSchemaVersion() + 1;
    {
        auto conn = db.open();
        conn->sql() << "INSERT INTO schema_version (version, name, applied_at) VALUES (" +
                           std::to_string(future) + ", 'future', '2030-01-01T00:00:00Z')";
    }
    for (const std::vector<std::string>& args : {std::vector<std::string>{"init"},
                                                 {"find", "wang"},
                                                 {"show", "MD1234"},
                                                 {"export", "members"},
                                                 {"demo", "--members", "5"}}) {
        const auto r = runOn(db, args);
        BOOST_TEST(r.exitCode == 2, args[0] << "\n" << describe(r));
        BOOST_TEST(contains(r.err, "newer"), args[0] << "\n" << describe(r));
    }
    BOOST_TEST(db.open(false)->schemaVersion() == future);
}

BOOST_AUTO_TEST_CASE(read_commands_ask_for_init_and_create_nothing) {
    TestDatabase db;
    const auto r = runOn(db, {"find", "wang"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "init"), describe(r));
    BOOST_TEST(db.open(false)->schemaVersion() == 0);

    const std::string missing = (db.dir() / "nowhere" / "none.db").string();
    const auto s = runCli({"--db", "sqlite:" + missing, "show", "MD00000001"});
    BOOST_TEST(s.exitCode == 2, describe(s));
    BOOST_TEST(contains(s.err, "init"), describe(s));
    BOOST_TEST(!std::filesystem::exists(missing));
}

BOOST_AUTO_TEST_CASE(demo_loads_members_that_find_and_show_see) {
    TestDatabase db;
    const auto demo = runOn(db, {"demo", "--members", "200", "--seed", "7"});
    BOOST_TEST_REQUIRE(demo.exitCode == 0, describe(demo));
    BOOST_TEST(contains(demo.out, "200 members"), describe(demo));
    BOOST_TEST(contains(demo.out, "24 stores"), describe(demo));

    const auto byCard = runOn(db, {"find", "MD00000001"});
    BOOST_TEST(byCard.exitCode == 0, describe(byCard));
    BOOST_TEST(contains(byCard.out, "MD00000001"), describe(byCard));

    const auto show = runOn(db, {"show", "md00000001", "--json"});
    BOOST_TEST(show.exitCode == 0, describe(show));
    BOOST_TEST(contains(show.out, "\"card\": \"MD00000001\""), describe(show));
    BOOST_TEST(contains(show.out, "\"source\": \"demo\""), describe(show));

    // A demo never lands on top of members that are already there.
    const auto again = runOn(db, {"demo", "--members", "10"});
    BOOST_TEST(again.exitCode == 2, describe(again));
    BOOST_TEST(contains(again.err, "already has 200 members"), describe(again));
}

BOOST_AUTO_TEST_SUITE_END()
