// memberdesk-cli segment end to end, on SQLite and PostgreSQL: create from --rule and --rule-file,
// count by name and by rule, list, export (and the output paths it refuses), freeze; refusals name
// what was wrong and exit 2.
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using namespace md::test;

namespace {

struct SegmentCli : InitialisedDatabase {
    SegmentCli() {
        BOOST_REQUIRE(runOn(*this, {"store", "add", "SH001", "上海店"}).exitCode == 0);
        const auto members =
            writeScratch(*this, "m.csv",
                         membersCsv({"MD00000001,王芳,13800138000,wang@example.cn,,F,2024-01-02,SH001,1,1",
                                     "MD00000002,李雷,13900139000,,,M,2024-01-02,,0,1",
                                     "MD00000003,\"O'Neil, \"\"Jo\"\"\",13700137000,,,,2024-03-02,,1,0"}));
        const auto r = runOn(*this, {"import", "members", members});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    }
};

std::string fileText(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr const char* kSms = R"({"and":[{"field":"sms_consent","op":"=","value":true},)"
                             R"({"not":{"field":"store","op":"=","value":"SH001"}}]})";

} // namespace

BOOST_FIXTURE_TEST_SUITE(cli_segment, SegmentCli)

BOOST_AUTO_TEST_CASE(create_count_list_and_export_a_segment) {
    auto r = runOn(*this, {"segment", "create", "sms-not-sh", "--rule", kSms});
    BOOST_TEST_REQUIRE(r.exitCode == 0, describe(r));
    BOOST_TEST(r.out == "Created segment sms-not-sh: 1 members today\n");
    const auto file = writeScratch(*this, "rule.json", R"({"field":"email_consent","op":"=","value":true})");
    r = runOn(*this, {"segment", "create", "邮件", "--rule-file", file});
    BOOST_TEST_REQUIRE(r.exitCode == 0, describe(r));

    r = runOn(*this, {"segment", "count", "邮件"});
    BOOST_TEST(r.out == "2\n", describe(r));
    r = runOn(*this,
              {"segment", "count", "--rule", R"({"field":"gender","op":"in","value":["F","M"]})", "--json"});
    BOOST_TEST(contains(r.out, "\"members\": 2"), describe(r));

    r = runOn(*this, {"segment", "list", "--json"});
    BOOST_TEST(contains(r.out, "\"name\": \"sms-not-sh\""), describe(r));
    BOOST_TEST(contains(r.out, "\"frozen_at\": null"), describe(r));
    r = runOn(*this, {"segment", "list"});
    BOOST_TEST(contains(r.out, "邮件"), describe(r));

    const std::string out = (dir() / "mail.csv").string();
    r = runOn(*this, {"segment", "export", "邮件", "--out", out});
    BOOST_TEST_REQUIRE(r.exitCode == 0, describe(r));
    BOOST_TEST(fileText(out) == "card_no,name,phone,email,tier,points\n"
                                "MD00000001,王芳,+8613800138000,wang@example.cn,,0\n"
                                "MD00000003,\"O'Neil, \"\"Jo\"\"\",+8613700137000,,,0\n");
}

BOOST_AUTO_TEST_CASE(freeze_keeps_the_members_of_that_moment) {
    BOOST_REQUIRE(
        runOn(*this, {"segment", "create", "women", "--rule", R"({"field":"gender","op":"=","value":"F"})"})
            .exitCode == 0);
    auto r = runOn(*this, {"segment", "freeze", "women"});
    BOOST_TEST(r.out == "Froze segment women: 1 members\n", describe(r));
    const auto more =
        writeScratch(*this, "m2.csv", membersCsv({"MD00000004,韩梅梅,13600136000,,,F,2024-05-02,,0,0"}));
    BOOST_REQUIRE(runOn(*this, {"import", "members", more}).exitCode == 0);
    BOOST_TEST(runOn(*this, {"segment", "count", "women"}).out == "1\n");
    BOOST_TEST(
        runOn(*this, {"segment", "count", "--rule", R"({"field":"gender","op":"=","value":"F"})"}).out ==
        "2\n");
}

BOOST_AUTO_TEST_CASE(refusals_name_the_field_the_op_or_the_segment) {
    auto r = runOn(
        *this, {"segment", "create", "x", "--rule", R"({"and":[{"field":"tierr","op":"=","value":"A"}]})"});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "invalid segment rule: $.and[0]: unknown field \"tierr\""), describe(r));
    r = runOn(*this, {"segment", "count", "--rule", R"({"field":"age","op":"like","value":3})"});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "unknown op \"like\" is not allowed on age"), describe(r));
    r = runOn(*this, {"segment", "count", "nope"});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "there is no segment named nope"), describe(r));
    BOOST_REQUIRE(runOn(*this, {"segment", "create", "x", "--rule", kSms}).exitCode == 0);
    r = runOn(*this, {"segment", "create", "x", "--rule", kSms});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "a segment named x already exists"), describe(r));
    r = runOn(*this, {"segment", "create", "y"});
    BOOST_TEST(r.exitCode == 2);
}

BOOST_AUTO_TEST_CASE(export_refuses_the_database_a_folder_and_a_symlink) {
    BOOST_REQUIRE(runOn(*this, {"segment", "create", "x", "--rule", kSms}).exitCode == 0);
    if (!isPostgres()) {
        const std::string db = url().path;
        const auto before = std::filesystem::file_size(db);
        const auto r = runOn(*this, {"segment", "export", "x", "--out", db});
        BOOST_TEST(r.exitCode == 2);
        BOOST_TEST(contains(r.err, "refusing to write"), describe(r));
        BOOST_TEST(std::filesystem::file_size(db) == before);
    }
    auto r = runOn(*this, {"segment", "export", "x", "--out", dir().string()});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "refusing to write"), describe(r));
    const auto victim = dir() / "victim.txt";
    std::ofstream(victim) << "keep";
    std::filesystem::create_symlink(victim, dir() / "link.csv");
    r = runOn(*this, {"segment", "export", "x", "--out", (dir() / "link.csv").string()});
    BOOST_TEST(r.exitCode == 2);
    BOOST_TEST(contains(r.err, "refusing to write"), describe(r));
    BOOST_TEST(fileText(victim.string()) == "keep");
}

BOOST_AUTO_TEST_SUITE_END()
