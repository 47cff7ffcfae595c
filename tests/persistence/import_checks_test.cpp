// Import checks at the persistence level: "in the future" is judged by the clock the use case passes
// down (ImportOptions::now), never by the system clock; header columns are checked against the format.
// Runs on SQLite and PostgreSQL.
#include "persistence/csv_import.h"
#include "tests/persistence/import_test_support.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::db;
using namespace md::test;

namespace {

const char* kTxHeader = "order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category\n";

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<Database> db = tdb.open();
    Fixture() { addStores(*db); }
    std::filesystem::path file(const std::string& name, const std::string& content) {
        return writeFile(tdb.dir() / name, content);
    }
};

ImportOptions at(const char* instant) {
    ImportOptions opt;
    opt.now = parseTimestamp(instant).value();
    return opt;
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_checks)

BOOST_FIXTURE_TEST_CASE(the_future_is_judged_by_the_import_clock, Fixture) {
    const auto members =
        file("m.csv", std::string(kMemberHeader) + "MD2000001,A,13900000001,,,,2020-01-01,SH001,0,0\n" +
                          "MD2000002,B,13900000002,,,,2020-06-01,SH001,0,0\n");
    const auto m = importMembers(*db, members, at("2020-01-01T12:00:00Z"));
    BOOST_TEST(m.imported == 1u);
    BOOST_TEST(m.rejected == 1u);
    BOOST_TEST(readFile(members.string() + ".rejects.csv").find("join_date 2020-06-01 is in the future") !=
               std::string::npos);

    const auto tx = file("t.csv", std::string(kTxHeader) +
                                      "T1,MD2000001,SH001,store,2020-01-02T11:00:00Z,1.00,CNY,purchase,1,\n"
                                      "T2,MD2000001,SH001,store,2020-01-02T13:00:00Z,1.00,CNY,purchase,1,\n");
    const auto t = importTransactions(*db, tx, at("2020-01-01T12:00:00Z"));
    BOOST_TEST(t.imported == 1u); // up to a day ahead is accepted (tills' clocks drift)
    BOOST_TEST(t.rejected == 1u);
    BOOST_TEST(readFile(tx.string() + ".rejects.csv").find("2020-01-02T13:00:00Z is in the future") !=
               std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(an_unknown_column_refuses_the_file_unless_it_is_ignored, Fixture) {
    const auto members = file("m.csv", "card_no,name,phone,notes\nMD2000001,A,13900000001,likes tea\n");
    const std::string before = snapshot(*db);
    BOOST_CHECK_EXCEPTION(
        importMembers(*db, members, {}), std::runtime_error, [](const std::runtime_error& e) {
            return std::string(e.what()).find("unknown column(s) \"notes\"") != std::string::npos;
        });
    BOOST_TEST(snapshot(*db) == before);
    ImportOptions opt;
    opt.ignoreColumns = {"Notes"};
    BOOST_TEST(importMembers(*db, members, opt).imported == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
