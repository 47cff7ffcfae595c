// All-or-nothing: a cancel, a refused row half-way, a failing last statement, a full disk or a lost
// connection leave the database exactly as it was — every table, byte for byte.
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "tests/persistence/import_test_support.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::db;
using namespace md::test;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<Database> db = tdb.open();
    std::filesystem::path big;

    Fixture() {
        addStores(*db);
        importMembers(
            *db, writeFile(tdb.dir() / "seed.csv", std::string(kMemberHeader) + memberLines(900000, 20)), {});
        importTransactions(*db,
                           writeFile(tdb.dir() / "seed-tx.csv",
                                     "order_id,card_no,store,occurred_at,amount\n"
                                     "S1,MD1900000,SH001,2024-01-01T10:00:00Z,10.00\n"),
                           {});
        // Three write batches and a bad line, so a rejects file would be written.
        big = writeFile(tdb.dir() / "big.csv",
                        std::string(kMemberHeader) + memberLines(0, 30000) + "BAD1,x,123,,,,,,,\n");
    }

    // A failure that must roll back: hook(records read so far) runs from the progress callback.
    template <class Hook> ImportOptions watching(Hook hook) {
        ImportOptions opt;
        opt.progress = [this, hook](const Progress& p) {
            if (p.stage == "Importing members") {
                membersSeenInside =
                    std::max(membersSeenInside, countWhere(*db, "SELECT COUNT(*) FROM members"));
                return hook(p);
            }
            return true;
        };
        return opt;
    }

    // What another connection sees afterwards, and what this one saw before.
    void requireUnchanged(const std::string& before) {
        auto fresh = tdb.open(false);
        BOOST_TEST(snapshot(*fresh) == before);
        // No temporary rejects file (".big.csv.rejects.csv.XXXXXXXX.tmp") is left behind.
        for (const auto& e : std::filesystem::directory_iterator(big.parent_path()))
            BOOST_TEST(e.path().extension() != ".tmp", e.path());
        BOOST_TEST(readFile(big.string() + ".rejects.csv") == "stale");
    }

    std::int64_t membersSeenInside = 0;
};

// A row trigger that refuses rows matching `when` (event: INSERT or UPDATE).
void createTrigger(Database& db, const std::string& event, const std::string& table, const std::string& when,
                   const std::string& message) {
    if (db.backend() == Backend::Sqlite) {
        db.sql() << "CREATE TRIGGER test_refuse BEFORE " + event + " ON " + table + " WHEN " + when +
                        " BEGIN SELECT RAISE(ABORT, '" + message + "'); END";
        return;
    }
    db.sql() << "CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF " + when +
                    " THEN RAISE EXCEPTION '" + message + "'; END IF; RETURN NEW; END $$";
    db.sql() << "CREATE TRIGGER test_refuse BEFORE " + event + " ON " + table +
                    " FOR EACH ROW EXECUTE FUNCTION test_refuse()";
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_rollback)

BOOST_FIXTURE_TEST_CASE(cancel_from_the_progress_callback_rolls_back_and_keeps_the_old_rejects_file,
                        Fixture) {
    writeFile(big.string() + ".rejects.csv", "stale");
    const auto before = snapshot(*db);
    const auto opt = watching([](const Progress& p) { return p.done < p.total / 2; });
    BOOST_CHECK_THROW(importMembers(*db, big, opt), Cancelled);
    BOOST_TEST(membersSeenInside > 20); // the first batch had been written when the cancel came
    BOOST_TEST(snapshot(*db) == before);
    requireUnchanged(before);
}

BOOST_FIXTURE_TEST_CASE(a_row_refused_by_the_database_half_way_rolls_back_every_batch, Fixture) {
    createTrigger(*db, "INSERT", "members", "NEW.card_no = 'MD1025000'", "refused by test");
    writeFile(big.string() + ".rejects.csv", "stale");
    const auto before = snapshot(*db);
    BOOST_CHECK_THROW(importMembers(*db, big, watching([](const Progress&) { return true; })), DatabaseError);
    BOOST_TEST(membersSeenInside > 20);
    requireUnchanged(before);
}

BOOST_FIXTURE_TEST_CASE(a_failure_in_the_final_statement_rolls_back_all_written_rows, Fixture) {
    // The import's own audit entry is its last write.
    createTrigger(*db, "INSERT", "audit_log", "NEW.action = 'import'", "audit refused by test");
    writeFile(big.string() + ".rejects.csv", "stale");
    const auto before = snapshot(*db);
    try {
        importMembers(*db, big, {});
        BOOST_FAIL("the import succeeded although its audit entry was refused");
    } catch (const DatabaseError& e) {
        BOOST_TEST(e.detail().find("audit refused by test") != std::string::npos);
        // The driver's reason, never the statement or its bound values.
        const std::string text = std::string(e.what()) + e.detail();
        for (const char* sql : {"INSERT", "while executing", "while preparing", "with :"})
            BOOST_TEST(text.find(sql) == std::string::npos, text);
    }
    requireUnchanged(before);
}

BOOST_FIXTURE_TEST_CASE(losing_the_database_half_way_rolls_back_and_says_so, Fixture) {
    writeFile(big.string() + ".rejects.csv", "stale");
    const auto before = snapshot(*db);
    if (db->backend() == Backend::Sqlite) {
        // A full disk: the file may grow by about one batch more, then every write fails.
        long long pages = 0;
        db->sql() << "PRAGMA page_count", soci::into(pages);
        db->sql() << "PRAGMA max_page_count = " + std::to_string(pages + 2500);
        try {
            importMembers(*db, big, watching([](const Progress&) { return true; }));
            BOOST_FAIL("the import succeeded on a full disk");
        } catch (const DatabaseError& e) {
            BOOST_TEST(std::string(e.what()).find("disk is full") != std::string::npos);
        }
    } else {
        long long pid = 0;
        db->sql() << "SELECT pg_backend_pid()", soci::into(pid);
        auto admin = tdb.open(false);
        bool killed = false;
        const auto opt = watching([&](const Progress& p) {
            if (!killed && p.done > p.total / 2) {
                admin->sql() << "SELECT pg_terminate_backend(" + std::to_string(pid) + ")";
                killed = true;
            }
            return true;
        });
        BOOST_CHECK_THROW(importMembers(*db, big, opt), DatabaseUnavailable);
        BOOST_TEST(killed);
    }
    BOOST_TEST(membersSeenInside > 20);
    requireUnchanged(before);
}

BOOST_FIXTURE_TEST_CASE(a_transaction_import_failing_in_the_totals_update_leaves_no_transactions, Fixture) {
    std::string tx = "order_id,card_no,store,occurred_at,amount\n";
    for (int i = 0; i < 15000; ++i)
        tx += "T" + std::to_string(i) + ",MD" + std::to_string(1900000 + i % 20) +
              ",BJ002,2024-02-01T08:00:00Z,5\n";
    const auto file = writeFile(tdb.dir() / "tx.csv", tx);
    createTrigger(*db, "UPDATE", "members", "NEW.orders > 100", "totals refused by test");
    const auto before = snapshot(*db);
    BOOST_CHECK_THROW(importTransactions(*db, file, {}), DatabaseError);
    BOOST_TEST(snapshot(*tdb.open(false)) == before);
}

BOOST_FIXTURE_TEST_CASE(cancelling_a_transaction_import_leaves_transactions_and_totals_unchanged, Fixture) {
    std::string tx = "order_id,card_no,store,occurred_at,amount\n";
    for (int i = 0; i < 30000; ++i)
        tx += "C" + std::to_string(i) + ",MD" + std::to_string(1900000 + i % 20) +
              ",GZ003,2024-03-01T08:00:00Z,7.5\n";
    const auto file = writeFile(tdb.dir() / "tx.csv", tx);
    const auto before = snapshot(*db);
    std::int64_t seenInside = 0;
    ImportOptions opt;
    opt.progress = [&](const Progress& p) {
        if (p.stage != "Importing transactions") return true;
        seenInside = std::max(seenInside, countWhere(*db, "SELECT COUNT(*) FROM transactions"));
        return p.done < p.total * 3 / 4;
    };
    BOOST_CHECK_THROW(importTransactions(*db, file, opt), Cancelled);
    BOOST_TEST(seenInside > 1);
    BOOST_TEST(snapshot(*tdb.open(false)) == before);
}

BOOST_AUTO_TEST_SUITE_END()
