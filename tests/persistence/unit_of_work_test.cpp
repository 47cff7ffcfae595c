// The unit of work and the event outbox on both backends: repositories join one transaction, the audit
// entry and events commit or vanish with the change, events are append-only, and the member totals
// consumer processes every event exactly once, restarts from its position, and can be rebuilt.
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "persistence/event_log.h"
#include "persistence/member_totals.h"
#include "persistence/native_sql.h"
#include "persistence/soci_data_store.h"
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
        importMembers(*db, writeFile(tdb.dir() / "m.csv", std::string(kMemberHeader) + memberLines(0, 3)),
                      {});
    }
    std::filesystem::path file(const std::string& content, const std::string& name = "tx.csv") {
        return writeFile(tdb.dir() / name, content);
    }
    std::string totals(const std::string& card) {
        return dumpQuery(*db, "SELECT orders, revenue_minor FROM members WHERE card_no = '" + card + "'");
    }
};

Event sampleEvent(const char* type, std::int64_t memberId) {
    Event e;
    e.type = type;
    e.memberId = memberId;
    e.occurredAt = e.recordedAt = instant("2024-05-01T08:00:00Z");
    e.actor = "tester";
    return e;
}

} // namespace

BOOST_AUTO_TEST_SUITE(unit_of_work)

BOOST_FIXTURE_TEST_CASE(a_unit_of_work_commits_the_change_its_audit_entry_and_its_event_together, Fixture) {
    SociDataStore store(tdb.open());
    const auto auditBefore = countWhere(*db, "SELECT COUNT(*) FROM audit_log");
    {
        auto uow = store.write();
        Member m = sampleMember("MD7000001", "赵六");
        uow->members().insert(m, Actor{"agent1"});
        uow->events().append(sampleEvent(event::kMemberJoined, m.id));
        uow->commit();
    }
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members WHERE card_no = 'MD7000001'") == 1);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM audit_log") == auditBefore + 1);
    BOOST_TEST(
        countWhere(*db, "SELECT COUNT(*) FROM events WHERE type = 'member_joined' AND actor = 'tester'") ==
        1);
}

BOOST_FIXTURE_TEST_CASE(a_unit_of_work_left_without_commit_leaves_nothing_behind, Fixture) {
    SociDataStore store(tdb.open());
    const auto before = snapshot(*db);
    {
        auto uow = store.write();
        Member m = sampleMember("MD7000002", "钱七");
        uow->members().insert(m, Actor{"agent1"}); // opens and "commits" its own inner transaction
        uow->events().append(sampleEvent(event::kMemberJoined, m.id));
    }
    BOOST_TEST(snapshot(*db) == before);
}

BOOST_FIXTURE_TEST_CASE(an_abandoned_inner_part_dooms_the_outer_transaction, Fixture) {
    {
        WriteTransaction outer(*db);
        db->sql() << "INSERT INTO stores (code, name, city) VALUES ('ZZ9', 'x', '')";
        try {
            WriteTransaction inner(*db);
            throw std::runtime_error("inner failure, caught below");
        } catch (const std::runtime_error&) {
        }
        BOOST_CHECK_THROW(outer.commit(), DatabaseError);
        BOOST_TEST(db->transactionDepth() == 1);
    }
    BOOST_TEST(db->transactionDepth() == 0);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM stores WHERE code = 'ZZ9'") == 0);
}

BOOST_FIXTURE_TEST_CASE(events_cannot_be_changed_or_deleted, Fixture) {
    SociEventLog log(*db);
    log.append(sampleEvent(event::kMemberChanged, 1));
    BOOST_CHECK_THROW(db->sql() << "UPDATE events SET type = 'x'", soci::soci_error);
    BOOST_CHECK_THROW(db->sql() << "DELETE FROM events", soci::soci_error);
    if (tdb.isPostgres()) BOOST_CHECK_THROW(db->sql() << "TRUNCATE events", soci::soci_error);
}

BOOST_FIXTURE_TEST_CASE(stored_transactions_cannot_be_deleted_or_rewritten_only_superseded, Fixture) {
    importTransactions(
        *db, file(std::string(kTxHeader) + "T1,MD1000000,SH001,store,2024-03-01,10,CNY,purchase,1,\n"), {});
    BOOST_CHECK_THROW(db->sql() << "DELETE FROM transactions", soci::soci_error);
    BOOST_CHECK_THROW(db->sql() << "UPDATE transactions SET amount_minor = 1", soci::soci_error);
    BOOST_CHECK_NO_THROW(db->sql() << "UPDATE transactions SET superseded = 1");
    BOOST_CHECK_THROW(db->sql() << "UPDATE transactions SET superseded = 0", soci::soci_error);
}

BOOST_FIXTURE_TEST_CASE(every_imported_transaction_becomes_one_event_in_the_same_import, Fixture) {
    importTransactions(*db,
                       file(std::string(kTxHeader) +
                            "E1,MD1000000,SH001,store,2024-03-01,10,CNY,purchase,1,\n"
                            "E2,MD1000000,SH001,store,2024-03-02,4,CNY,refund,1,\n"),
                       {});
    BOOST_TEST(dumpQuery(*db,
                         "SELECT e.type, t.order_id FROM events e JOIN transactions t ON t.id = e.entity_id "
                         "WHERE e.type LIKE '%_recorded' ORDER BY e.id") ==
               "purchase_recorded|E1\nrefund_recorded|E2\n");
    // The consumer ran in the import: it is at the newest event.
    BOOST_TEST(consumerPosition(*db, kMemberTotalsConsumer) == maxId(*db, "events"));
}

BOOST_FIXTURE_TEST_CASE(the_totals_consumer_processes_each_event_exactly_once, Fixture) {
    importTransactions(
        *db, file(std::string(kTxHeader) + "C1,MD1000001,SH001,store,2024-03-01,10,CNY,purchase,1,\n"), {});
    BOOST_TEST(totals("MD1000001") == "1|1000\n");
    // A purchase written by someone else: its event is pending until the consumer runs.
    const auto memberId = countWhere(*db, "SELECT id FROM members WHERE card_no = 'MD1000001'");
    const auto lastTx = maxId(*db, "transactions");
    db->sql()
        << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, amount_minor, "
           "currency, kind, items, category) VALUES ('C2', :m, 'SH001', 'store', "
           "'2024-03-02T00:00:00Z', 500, 'CNY', 'purchase', 1, '')",
        soci::use(static_cast<long long>(memberId));
    appendTransactionEvents(*db, lastTx, "till", "2024-03-02T00:00:01Z");
    BOOST_TEST(totals("MD1000001") == "1|1000\n");
    BOOST_TEST(processMemberTotals(*db, "2024-03-02T00:00:02Z") > 0);
    BOOST_TEST(totals("MD1000001") == "2|1500\n");
    BOOST_TEST(processMemberTotals(*db, "2024-03-02T00:00:03Z") == 0);
    BOOST_TEST(totals("MD1000001") == "2|1500\n");
}

BOOST_FIXTURE_TEST_CASE(the_totals_consumer_restarts_from_its_position_in_small_chunks, Fixture) {
    std::string lines = kTxHeader;
    for (int i = 0; i < 25; ++i)
        lines += "R" + std::to_string(i) + ",MD1000002,SH001,store,2024-03-01,1,CNY,purchase,1,\n";
    importTransactions(*db, file(lines), {});
    // Forget the totals and move the consumer back: a crash before the position was stored.
    db->sql() << "UPDATE members SET orders = 0, revenue_minor = 0";
    setConsumerPosition(*db, kMemberTotalsConsumer, 0, "2024-01-01T00:00:00Z");
    BOOST_TEST(processMemberTotals(*db, "2024-03-03T00:00:00Z", 7) > 0);
    BOOST_TEST(totals("MD1000002") == "25|2500\n");
    BOOST_TEST(consumerPosition(*db, kMemberTotalsConsumer) == maxId(*db, "events"));
}

BOOST_FIXTURE_TEST_CASE(rebuild_recomputes_every_member_from_current_transactions, Fixture) {
    importTransactions(
        *db, file(std::string(kTxHeader) + "B1,MD1000000,SH001,store,2024-03-01,10,CNY,purchase,1,\n"), {});
    db->sql() << "UPDATE members SET orders = 99, revenue_minor = 1";
    rebuildMemberTotals(*db, "2024-04-01T00:00:00Z");
    BOOST_TEST(totals("MD1000000") == "1|1000\n");
    BOOST_TEST(totals("MD1000001") == "0|0\n");
}

BOOST_AUTO_TEST_SUITE_END()
