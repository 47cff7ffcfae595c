// memberdesk-cli end to end: import (rejects, exit codes, failures, Ctrl-C) and export round trips.
#include "tests/cli/cli_helpers.h"

#include "domain/csv.h"
#include "domain/phone_number.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdio>
#include <sstream>

using namespace md::test;

namespace {

std::int64_t memberCount(const TestDatabase& db) {
    auto conn = db.open();
    return md::db::SociMemberRepository(*conn).count(md::MemberQuery{});
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::ostringstream s;
    md::writeCsvRecord(s, fields);
    return s.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_import)

BOOST_AUTO_TEST_CASE(bad_lines_go_to_the_rejects_file_and_the_import_exits_3) {
    InitialisedDatabase db;
    const std::string file = writeScratch(
        db, "members.csv",
        membersCsv({
            "MD10000001,王芳,13800138000,wang.fang@example.com,1990-05-01,F,2024-01-15,,1,1",
            "MD10000002,Bad Phone,12345,,,,2024-01-15,,0,0",
            "MD10000003,Emma Zhang,+86 139 0000 1111,emma.zhang@gmail.com,1995-02-03,F,2024-02-01,,0,1",
            "MD10000004,,13900002222,,,,2024-02-01,,0,0",
            "MD10000005,No Contact,,,,,2024-02-01,,0,0",
            "MD10000006,Too Short,13900003333",
        }));
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(r.out == "Imported 2 of 6 records; 4 rejected — see " + file + ".rejects.csv\n", describe(r));

    const std::string expected =
        csvLine({"line", "reason", "card_no", "name", "phone", "email", "birthday", "gender", "join_date",
                 "store", "email_consent", "sms_consent"}) +
        csvLine({"3", "phone: " + md::PhoneNumber::parse("12345").error(), "MD10000002", "Bad Phone", "12345",
                 "", "", "", "2024-01-15", "", "0", "0"}) +
        csvLine({"5", "missing required field name", "MD10000004", "", "13900002222", "", "", "",
                 "2024-02-01", "", "0", "0"}) +
        csvLine({"6", "missing required field: phone or email", "MD10000005", "No Contact", "", "", "", "",
                 "2024-02-01", "", "0", "0"}) +
        csvLine(
            {"7", "wrong column count: 3 fields, header has 10", "MD10000006", "Too Short", "13900003333"});
    BOOST_TEST(readFile(file + ".rejects.csv") == expected);

    const auto found = runOn(db, {"find", "13800138000"});
    BOOST_TEST(found.exitCode == 0, describe(found));
    BOOST_TEST(contains(found.out, "MD10000001"), describe(found));
    const auto emma = runOn(db, {"find", "Emma"});
    BOOST_TEST(contains(emma.out, "MD10000003"), describe(emma));
    BOOST_TEST(runOn(db, {"show", "MD10000002"}).exitCode == 1);
}

BOOST_AUTO_TEST_CASE(importing_a_folder_or_a_device_says_what_it_is_not_that_it_is_missing) {
    InitialisedDatabase db;
    const auto folder = runOn(db, {"import", "members", db.dir().string()});
    BOOST_TEST(folder.exitCode == 2, describe(folder));
    BOOST_TEST(contains(folder.err, "it is a folder"), describe(folder));
    const auto device = runOn(db, {"import", "members", "/dev/null"});
    BOOST_TEST(device.exitCode == 2, describe(device));
    BOOST_TEST(contains(device.err, "not a regular file"), describe(device));
}

BOOST_AUTO_TEST_CASE(a_clean_import_exits_0) {
    InitialisedDatabase db;
    const std::string file =
        writeScratch(db, "ok.csv", membersCsv({"MD10000001,王芳,13800138000,,1990-05-01,F,2024-01-15,,0,1"}));
    const auto r = runOn(db, {"import", "members", file, "--mode", "upsert"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(r.out == "Imported 1 of 1 records.\n", describe(r));
    BOOST_TEST(!std::filesystem::exists(file + ".rejects.csv"));
}

BOOST_AUTO_TEST_CASE(a_fatal_import_error_changes_nothing_and_exits_2) {
    InitialisedDatabase db;
    const std::string noHeader = writeScratch(db, "bad.csv", "card,nom\nMD1,王芳\n");
    const auto r = runOn(db, {"import", "members", noHeader});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "Nothing was imported: the database is unchanged."), describe(r));
    BOOST_TEST(memberCount(db) == 0);

    const auto missing = runOn(db, {"import", "members", (db.dir() / "absent.csv").string()});
    BOOST_TEST(missing.exitCode == 2, describe(missing));
    BOOST_TEST(contains(missing.err, "absent.csv"), describe(missing));
}

BOOST_AUTO_TEST_CASE(ctrl_c_cancels_the_import_and_rolls_it_back) {
    InitialisedDatabase db;
    BOOST_REQUIRE(runOn(db, {"init"}).exitCode == 0);
    // Big enough that the import is still running when the signal arrives.
    std::string csv = std::string(kMembersHeader) + "\n";
    char line[160];
    for (int i = 0; i < 400000; ++i) {
        std::snprintf(line, sizeof line, "MC%08d,Member %d,1%02d%08d,,1990-01-01,F,2024-01-15,,0,1\n", i, i,
                      30 + i % 10, i);
        csv += line;
    }
    const std::string file = writeScratch(db, "big.csv", csv);
    RunningCli cli({"--db", db.urlText(), "import", "members", file});
    BOOST_REQUIRE(cli.waitForStderr(":", std::chrono::seconds(30))); // the first progress line
    cli.sendSignal(SIGINT);
    const auto r = cli.wait();
    BOOST_TEST(r.exitCode == 130, describe(r));
    BOOST_TEST(contains(r.err, "cancelled"), describe(r));
    BOOST_TEST(contains(r.err, "Nothing was imported: the database is unchanged."), describe(r));
    BOOST_TEST(memberCount(db) == 0);
}

BOOST_AUTO_TEST_CASE(export_then_import_into_an_empty_database_then_export_is_identical) {
    InitialisedDatabase source;
    const std::string input = writeScratch(
        source, "in.csv",
        membersCsv({
            "MD30000002,\"Zhang, Wei\",13800138000,zhang.wei@example.com,1988-02-29,M,2023-05-01,,1,0",
            "MD30000001,王芳,+86 139 0000 1111,,1990-05-01,F,2024-01-15,,0,1",
            "MD30000003,\"Anna \"\"Ann\"\" Lee\",,anna@example.org,,,2022-12-31,,1,1",
            "MD30000004,欧阳娜娜,0086 13700002222,,,O,2021-07-07,,0,0",
        }));
    BOOST_REQUIRE(runOn(source, {"import", "members", input}).exitCode == 0);
    const auto first = runOn(source, {"export", "members"});
    BOOST_TEST_REQUIRE(first.exitCode == 0, describe(first));
    BOOST_TEST(contains(first.err, "Exported 4 members"), describe(first));
    BOOST_TEST(first.out.rfind(std::string(kMembersHeader) + ",status\n", 0) == 0, describe(first));

    InitialisedDatabase target;
    const std::string exported = writeScratch(target, "exported.csv", first.out);
    const auto imported = runOn(target, {"import", "members", exported});
    BOOST_TEST_REQUIRE(imported.exitCode == 0, describe(imported));
    const std::string second = (target.dir() / "second.csv").string();
    const auto again = runOn(target, {"export", "members", "--out", second});
    BOOST_TEST_REQUIRE(again.exitCode == 0, describe(again));
    BOOST_TEST(again.out.empty());
    BOOST_TEST(readFile(second) == first.out);
}

BOOST_AUTO_TEST_CASE(a_demo_programme_round_trips_through_export_and_import) {
    InitialisedDatabase source, target;
    BOOST_REQUIRE(runOn(source, {"demo", "--members", "150", "--seed", "3"}).exitCode == 0);
    const std::string a = (source.dir() / "a.csv").string(), b = (target.dir() / "b.csv").string();
    BOOST_REQUIRE(runOn(source, {"export", "members", "--out", a}).exitCode == 0);
    // The members' home stores must exist: a demo of zero members creates just the stores.
    BOOST_REQUIRE(runOn(target, {"demo", "--members", "0"}).exitCode == 0);
    const auto imported = runOn(target, {"import", "members", a});
    BOOST_TEST(imported.exitCode == 0, describe(imported));
    BOOST_TEST(imported.out == "Imported 150 of 150 records.\n", describe(imported));
    BOOST_REQUIRE(runOn(target, {"export", "members", "--out", b}).exitCode == 0);
    BOOST_TEST(readFile(a) == readFile(b));
}

BOOST_AUTO_TEST_SUITE_END()
