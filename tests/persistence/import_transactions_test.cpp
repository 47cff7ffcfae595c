// Transaction CSV import: every line checked against members and stores, duplicates by (store,
// order), and member totals kept equal to what the transactions say. Runs on SQLite and PostgreSQL.
#include "domain/csv.h"
#include "domain/errors.h"
#include "persistence/audit.h"
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
    Fixture() {
        addStores(*db);
        importMembers(
            *db, writeFile(tdb.dir() / "members.csv", std::string(kMemberHeader) + memberLines(0, 3)), {});
    }
    std::filesystem::path file(const std::string& content, const std::string& name = "tx.csv") {
        return writeFile(tdb.dir() / name, content);
    }
    // orders|revenue_minor|first_purchase_at|last_purchase_at of one member
    std::string totals(const std::string& card) {
        return dumpQuery(*db,
                         "SELECT orders, revenue_minor, first_purchase_at, last_purchase_at FROM members "
                         "WHERE card_no = '" +
                             card + "'");
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(import_transactions)

BOOST_FIXTURE_TEST_CASE(purchases_and_refunds_update_member_totals_in_the_same_import, Fixture) {
    const ImportReport r =
        importTransactions(*db,
                           file(std::string(kTxHeader) +
                                "A1,MD1000000,SH001,store,2024-03-01T10:00:00Z,100.00,CNY,purchase,2,shoes\n"
                                "A2,MD1000000,SH001,online,2024-01-15 09:30:00,¥50.50,,purchase,1,\n"
                                "A3,MD1000000,BJ002,app,2024-04-01T18:15:00+08:00,30,cny,refund,1,shoes\n"
                                "A4,md1000001,GZ003,,2024-05-05,12.34,CNY,,,\n"),
                           {});
    BOOST_TEST(r.records == 4u);
    BOOST_TEST(r.imported == 4u);
    BOOST_TEST(r.rejected == 0u);
    BOOST_TEST(totals("MD1000000") == "2|12050|2024-01-15T09:30:00Z|2024-03-01T10:00:00Z\n");
    BOOST_TEST(totals("MD1000001") == "1|1234|2024-05-05T00:00:00Z|2024-05-05T00:00:00Z\n");
    BOOST_TEST(totals("MD1000002") == "0|0|<null>|<null>\n");
    BOOST_TEST(
        dumpQuery(*db,
                  "SELECT order_id, store_code, channel, occurred_at, amount_minor, currency, kind, items, "
                  "category FROM transactions WHERE order_id IN ('A3', 'A4') ORDER BY order_id") ==
        "A3|BJ002|app|2024-04-01T10:15:00Z|3000|CNY|refund|1|shoes\n"
        "A4|GZ003|store|2024-05-05T00:00:00Z|1234|CNY|purchase|1|\n");

    // A second file adds to what is stored: totals are recomputed from all transactions.
    importTransactions(
        *db,
        file(std::string(kTxHeader) + "B1,MD1000000,SH001,store,2023-12-31T23:00:00Z,1,CNY,purchase,1,\n",
             "more.csv"),
        {});
    BOOST_TEST(totals("MD1000000") == "3|12150|2023-12-31T23:00:00Z|2024-03-01T10:00:00Z\n");
    const auto trail = auditTrail(*db, "transactions", "more.csv");
    BOOST_REQUIRE(trail.size() == 1u);
    BOOST_TEST(trail[0].afterJson.value() ==
               "{\"file\":\"more.csv\",\"records\":1,\"imported\":1,\"rejected\":0,\"mode\":\"insert\"}");
}

BOOST_FIXTURE_TEST_CASE(bad_lines_are_rejected_with_reasons_and_the_rest_committed, Fixture) {
    const auto path = file(std::string(kTxHeader) +
                           "X1,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X2,MD9999999,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X3,MD1000000,SH999,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X4,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,USD,purchase,1,\n"
                           "X5,MD1000000,SH001,store,2024-03-01T10:00:00Z,-10,CNY,refund,1,\n"
                           "X6,MD1000000,SH001,fax,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X7,MD1000000,SH001,store,2024-13-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X1,MD1000001,SH001,store,2024-03-02T10:00:00Z,10,CNY,purchase,1,\n"
                           "X1,MD1000001,BJ002,store,2024-03-02T10:00:00Z,10,CNY,purchase,1,\n"
                           ",MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
                           "X8,MD1000000,SH001,store,2024-03-01T10:00:00Z,abc,CNY,purchase,1,\n"
                           "X9,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,gift,1,\n"
                           "X10,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,many,\n");
    const ImportReport r = importTransactions(*db, path, {});
    BOOST_TEST(r.records == 13u);
    BOOST_TEST(r.imported == 2u);
    BOOST_TEST(r.rejected == 11u);
    const std::string expected =
        std::string("line,reason,") + kTxHeader +
        "3,card number MD9999999 does not "
        "exist,X2,MD9999999,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
        "4,store SH999 does not exist,X3,MD1000000,SH999,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
        "5,currency USD is not the programme currency "
        "CNY,X4,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,USD,"
        "purchase,1,\n"
        "6,\"amount must not be negative, not -10 (a refund has kind refund)\",X5,MD1000000,SH001,store,"
        "2024-03-01T10:00:00Z,-10,CNY,refund,1,\n"
        "7," +
        csvField("channel: " + parseSalesChannel("fax").error()) +
        ",X6,MD1000000,SH001,fax,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
        "8," +
        csvField("occurred_at: " + parseTimestamp("2024-13-01T10:00:00Z").error()) +
        ",X7,MD1000000,SH001,store,2024-13-01T10:00:00Z,10,CNY,purchase,1,\n"
        "9,duplicate order X1 in store SH001 (already on line "
        "2),X1,MD1000001,SH001,store,2024-03-02T10:00:00Z,10,"
        "CNY,purchase,1,\n"
        "11,missing required field order_id,,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,purchase,1,\n"
        "12," +
        csvField(Money::parse("abc").error()) +
        ",X8,MD1000000,SH001,store,2024-03-01T10:00:00Z,abc,CNY,purchase,1,\n"
        "13," +
        csvField("kind: " + parseTransactionKind("gift").error()) +
        ",X9,MD1000000,SH001,store,2024-03-01T10:00:00Z,10,CNY,gift,1,\n"
        "14,\"items: expected a whole number from 0 to 1000000, not \"\"many\"\"\",X10,MD1000000,SH001,store,"
        "2024-03-01T10:00:00Z,10,CNY,purchase,many,\n";
    BOOST_TEST(readFile(r.rejectsFile) == expected);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM transactions") == 2);
    BOOST_TEST(totals("MD1000000") == "1|1000|2024-03-01T10:00:00Z|2024-03-01T10:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(insert_mode_rejects_an_order_already_stored_for_that_store, Fixture) {
    importTransactions(
        *db,
        file(std::string(kTxHeader) + "D1,MD1000000,SH001,store,2024-03-01,10,CNY,purchase,1,\n",
             "first.csv"),
        {});
    const ImportReport r = importTransactions(
        *db,
        file(std::string(kTxHeader) + "D1,MD1000001,SH001,store,2024-03-02,99,CNY,purchase,1,\n"
                                      "D1,MD1000001,BJ002,store,2024-03-02,20,CNY,purchase,1,\n"),
        {});
    BOOST_TEST(r.imported == 1u);
    BOOST_TEST(r.rejected == 1u);
    BOOST_TEST(readFile(r.rejectsFile) ==
               std::string("line,reason,") + kTxHeader +
                   "2,duplicate order D1 in store SH001 (already in the database),D1,MD1000001,SH001,store,"
                   "2024-03-02,99,CNY,purchase,1,\n");
    BOOST_TEST(totals("MD1000000") == "1|1000|2024-03-01T00:00:00Z|2024-03-01T00:00:00Z\n");
    BOOST_TEST(totals("MD1000001") == "1|2000|2024-03-02T00:00:00Z|2024-03-02T00:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(upsert_corrects_a_stored_order_with_a_new_row_and_recomputes_both_members_totals,
                        Fixture) {
    importTransactions(*db,
                       file(std::string(kTxHeader) +
                                "U1,MD1000000,SH001,store,2024-03-01,10,CNY,purchase,1,\n"
                                "U2,MD1000000,SH001,store,2024-03-05,5,CNY,purchase,1,\n",
                            "first.csv"),
                       {});
    ImportOptions opt;
    opt.mode = ImportMode::Upsert;
    // U1 turns out to belong to another member and to have cost more.
    const ImportReport r = importTransactions(
        *db, file(std::string(kTxHeader) + "U1,MD1000001,SH001,online,2024-03-01,12,CNY,purchase,3,bags\n"),
        opt);
    BOOST_TEST(r.imported == 1u);
    BOOST_TEST(r.corrected == 1u);
    // Nothing is deleted: the stored row stays, superseded by a correction that names it.
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM transactions") == 3);
    BOOST_TEST(
        dumpQuery(*db, "SELECT m.card_no, t.channel, t.amount_minor, t.items, t.category, t.revision, "
                       "t.superseded, CASE WHEN t.replaces_id IS NULL THEN 0 ELSE 1 END FROM transactions t "
                       "JOIN members m ON m.id = t.member_id WHERE t.order_id = 'U1' ORDER BY t.id") ==
        "MD1000000|store|1000|1||1|1|0\n"
        "MD1000001|online|1200|3|bags|2|0|1\n");
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM events WHERE type = 'transaction_corrected'") == 1);
    BOOST_TEST(totals("MD1000000") == "1|500|2024-03-05T00:00:00Z|2024-03-05T00:00:00Z\n");
    BOOST_TEST(totals("MD1000001") == "1|1200|2024-03-01T00:00:00Z|2024-03-01T00:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(a_member_whose_only_order_moves_away_goes_back_to_zero, Fixture) {
    importTransactions(
        *db,
        file(std::string(kTxHeader) + "M1,MD1000002,SH001,store,2024-03-01,10,CNY,purchase,1,\n",
             "first.csv"),
        {});
    ImportOptions opt;
    opt.mode = ImportMode::Upsert;
    importTransactions(
        *db, file(std::string(kTxHeader) + "M1,MD1000001,SH001,store,2024-03-01,10,CNY,purchase,1,\n"), opt);
    BOOST_TEST(totals("MD1000002") == "0|0|<null>|<null>\n");
    BOOST_TEST(totals("MD1000001") == "1|1000|2024-03-01T00:00:00Z|2024-03-01T00:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(a_header_without_amount_is_an_error_and_changes_nothing, Fixture) {
    const auto before = snapshot(*db);
    BOOST_CHECK_THROW(
        importTransactions(*db, file("order_id,card_no,store,occurred_at\nA,MD1000000,SH001,2024-01-01\n"),
                           {}),
        std::runtime_error);
    BOOST_TEST(snapshot(*db) == before);
}

BOOST_AUTO_TEST_SUITE_END()
