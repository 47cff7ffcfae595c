// memberdesk-cli store, config, rebuild and migrate end to end, on SQLite and PostgreSQL.
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace md::test;
using md::db::Database;

namespace {

std::int64_t scalar(const TestDatabase& db, const std::string& sql) {
    auto d = db.open(false);
    long long n = 0;
    d->sql() << sql, soci::into(n);
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_admin)

BOOST_AUTO_TEST_CASE(a_fresh_database_takes_a_transaction_once_a_store_is_added) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"init"}).exitCode == 0);
    const auto members =
        writeScratch(db, "m.csv", membersCsv({"MD00000001,王芳,13800138000,,,,2024-01-02,,1,0"}));
    BOOST_TEST(runOn(db, {"import", "members", members}).exitCode == 0);
    const auto tx = writeScratch(
        db, "t.csv", "order_id,card_no,store,occurred_at,amount\nA1,MD00000001,sh001,2024-03-01,10\n");
    // No store yet: the line is rejected, naming the store.
    const auto refused = runOn(db, {"import", "transactions", tx});
    BOOST_TEST(refused.exitCode == 3, describe(refused));

    const auto add = runOn(db, {"store", "add", "sh001", "上海南京西路店", "--city", "上海"});
    BOOST_TEST(add.exitCode == 0, describe(add));
    BOOST_TEST(contains(add.out, "SH001"), describe(add));
    const auto again = runOn(db, {"store", "add", "SH001", "x"});
    BOOST_TEST(again.exitCode == 2, describe(again));
    BOOST_TEST(contains(again.err, "already exists"), describe(again));

    const auto list = runOn(db, {"store", "list"});
    BOOST_TEST(list.exitCode == 0, describe(list));
    BOOST_TEST(contains(list.out, "上海南京西路店"), describe(list));

    const auto ok = runOn(db, {"import", "transactions", tx});
    BOOST_TEST(ok.exitCode == 0, describe(ok));
    const auto show = runOn(db, {"show", "MD00000001", "--json"});
    BOOST_TEST(contains(show.out, "\"orders\": 1"), describe(show));
}

BOOST_AUTO_TEST_CASE(a_store_code_with_odd_characters_is_refused_with_the_reason) {
    InitialisedDatabase db;
    const auto r = runOn(db, {"store", "add", "SH 01;--", "x"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "may hold only letters"), describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM stores") == 0);
}

BOOST_AUTO_TEST_CASE(import_stores_loads_a_file_and_rejects_bad_lines) {
    InitialisedDatabase db;
    const auto file =
        writeScratch(db, "stores.csv", "code,name,city\nSH001,上海店,上海\nBJ002,北京店,北京\n,无码店,\n");
    const auto r = runOn(db, {"import", "stores", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM stores") == 2);
    BOOST_TEST(contains(readFile(file + ".rejects.csv"), "store code is empty"));
}

BOOST_AUTO_TEST_CASE(config_validates_the_timezone_and_lists_defaults) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"init"}).exitCode == 0);
    const auto list = runOn(db, {"config", "list"});
    BOOST_TEST(list.exitCode == 0, describe(list));
    BOOST_TEST(contains(list.out, "Asia/Shanghai"), describe(list));
    BOOST_TEST(contains(list.out, "(default)"), describe(list));

    const auto bad = runOn(db, {"config", "set", "timezone", "Mars/Olympus"});
    BOOST_TEST(bad.exitCode == 2, describe(bad));
    BOOST_TEST(contains(bad.err, "no time zone called \"Mars/Olympus\""), describe(bad));
    const auto sneaky = runOn(db, {"config", "set", "timezone", "../../../etc/passwd"});
    BOOST_TEST(sneaky.exitCode == 2, describe(sneaky));

    const auto typo = runOn(db, {"config", "set", "timezon", "UTC"});
    BOOST_TEST(typo.exitCode == 2, describe(typo));
    BOOST_TEST(contains(typo.err, "did you mean 'timezone'"), describe(typo));

    const auto set = runOn(db, {"config", "set", "timezone", "Europe/London"});
    BOOST_TEST(set.exitCode == 0, describe(set));
    const auto get = runOn(db, {"config", "get", "timezone"});
    BOOST_TEST(get.out == "Europe/London\n", describe(get));
    BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'") == 1);
}

BOOST_AUTO_TEST_CASE(control_characters_quoted_in_an_error_message_are_escaped_on_stderr) {
    InitialisedDatabase db;
    const auto r = runOn(db, {"config", "set", "timezone", "Asia/Shanghai\x1b]0;owned\x07"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(r.err.find('\x1b') == std::string::npos, describe(r));
    BOOST_TEST(r.err.find('\x07') == std::string::npos, describe(r));
    BOOST_TEST(contains(r.err, "\\x1b]0;owned\\x07"), describe(r));
}

BOOST_AUTO_TEST_CASE(rebuild_totals_repairs_damaged_totals) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"demo", "--members", "50", "--seed", "3"}).exitCode == 0);
    const auto good = scalar(db, "SELECT SUM(revenue_minor) FROM members");
    {
        auto d = db.open(false);
        d->sql() << "UPDATE members SET revenue_minor = 0, orders = 0";
    }
    const auto r = runOn(db, {"rebuild", "totals"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(scalar(db, "SELECT SUM(revenue_minor) FROM members") == good);
}

BOOST_AUTO_TEST_CASE(a_shared_database_is_upgraded_only_by_init_or_migrate) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"init"}).exitCode == 0);
    const int supported = Database::supportedSchemaVersion();
    {
        // Pretend the database is one version behind, as after installing a newer MemberDesk.
        auto d = db.open(false);
        d->sql() << "DELETE FROM schema_version WHERE version = " + std::to_string(supported);
    }
    if (db.isPostgres()) {
        const auto write = runOn(db, {"store", "add", "SH001", "x"});
        BOOST_TEST(write.exitCode == 2, describe(write));
        BOOST_TEST(contains(write.err, "migrate"), describe(write));
        BOOST_TEST(scalar(db, "SELECT COUNT(*) FROM stores") == 0);
        BOOST_TEST(scalar(db, "SELECT MAX(version) FROM schema_version") == supported - 1);
    }
    const auto read = runOn(db, {"find", "王芳"});
    BOOST_TEST(read.exitCode == 2, describe(read));
    BOOST_TEST(contains(read.err, "schema version"), describe(read));
}

BOOST_AUTO_TEST_SUITE_END()
