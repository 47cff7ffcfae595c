// loadDemo: a generated programme written through the bulk loader in one transaction, with member
// totals that agree with the transactions. Runs on SQLite and PostgreSQL.
#include "demo/demo_generator.h"
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "persistence/demo_loader.h"
#include "persistence/member_repository.h"
#include "persistence/member_totals.h"
#include "tests/persistence/import_test_support.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::db;
using namespace md::test;

namespace {

DemoOptions small() {
    DemoOptions o;
    o.members = 300;
    o.seed = 7;
    o.stores = 6;
    return o;
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo_loader)

BOOST_AUTO_TEST_CASE(a_small_demo_loads_every_row_with_totals_that_match_the_transactions) {
    TestDatabase tdb;
    auto db = tdb.open();
    const DemoReport r = loadDemo(*db, DemoGenerator(small()));
    BOOST_TEST(r.stores == 6);
    BOOST_TEST(r.members == 300);
    BOOST_TEST(r.transactions > 300);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM stores") == 6);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members") == 300);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM transactions") == r.transactions);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM transactions WHERE kind = 'refund'") > 0);
    // orders equals the number of purchase rows, member by member.
    BOOST_TEST(
        countWhere(*db,
                   "SELECT COUNT(*) FROM members m WHERE m.orders <> (SELECT COUNT(*) FROM transactions t "
                   "WHERE t.member_id = m.id AND t.kind = 'purchase')") == 0);
    BOOST_TEST(countWhere(*db, "SELECT SUM(orders) FROM members") ==
               countWhere(*db, "SELECT COUNT(*) FROM transactions WHERE kind = 'purchase'"));
    // Revenue and first/last purchase agree with the set-based recomputation the imports use.
    const std::string loaded = dumpQuery(*db, "SELECT * FROM members ORDER BY id");
    recomputeAllMemberTotals(*db);
    BOOST_TEST(dumpQuery(*db, "SELECT * FROM members ORDER BY id") == loaded);
    BOOST_TEST(
        countWhere(*db, "SELECT COUNT(*) FROM members WHERE orders > 0 AND last_purchase_at IS NULL") == 0);
}

BOOST_AUTO_TEST_CASE(new_members_after_a_demo_load_get_fresh_ids) {
    TestDatabase tdb;
    auto db = tdb.open();
    loadDemo(*db, DemoGenerator(small()));
    addStores(*db);
    Member m = sampleMember("ZZ-NEW-1");
    SociMemberRepository(*db).insert(m, db->actor());
    BOOST_TEST(m.id == 301);
    const auto r = importMembers(
        *db, writeFile(tdb.dir() / "m.csv", std::string(kMemberHeader) + memberLines(0, 2)), {});
    BOOST_TEST(r.imported == 2u);
    BOOST_TEST(countWhere(*db, "SELECT MAX(id) FROM members") == 303);
}

BOOST_AUTO_TEST_CASE(a_database_that_already_has_members_is_refused_and_left_unchanged) {
    TestDatabase tdb;
    auto db = tdb.open();
    addStores(*db);
    Member m = sampleMember();
    SociMemberRepository(*db).insert(m, db->actor());
    const auto before = snapshot(*db);
    BOOST_CHECK_THROW(loadDemo(*db, DemoGenerator(small())), DatabaseError);
    BOOST_TEST(snapshot(*db) == before);
}

BOOST_AUTO_TEST_CASE(cancelling_the_demo_load_after_a_written_batch_leaves_the_database_empty) {
    TestDatabase tdb;
    auto db = tdb.open();
    const auto before = snapshot(*db);
    DemoOptions opt = small();
    opt.members = 12000; // more than one write batch
    std::vector<std::uint64_t> done;
    std::int64_t seenInside = 0;
    BOOST_CHECK_THROW(loadDemo(*db, DemoGenerator(opt),
                               [&](const Progress& p) {
                                   done.push_back(p.done);
                                   if (p.done < 11000) return true;
                                   seenInside = countWhere(*db, "SELECT COUNT(*) FROM members");
                                   return false;
                               }),
                      Cancelled);
    BOOST_TEST(seenInside >= 10000);
    BOOST_TEST(done.size() >= 90u); // at least every 1%
    BOOST_TEST(snapshot(*tdb.open(false)) == before);
}

BOOST_AUTO_TEST_SUITE_END()
