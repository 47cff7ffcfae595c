// The programme's time zone at work in imports: a naive time in a file is a wall time there, and an empty
// join date is today there, whatever the PC's zone or UTC's date. Runs on SQLite and PostgreSQL.
#include "app/settings.h"
#include "app/transfer.h"
#include "domain/user_error.h"
#include "persistence/soci_data_store.h"
#include "tests/app/app_fixture.h"
#include "tests/persistence/import_test_support.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::test;

namespace {

struct Fixture : AppFixture {
    void importMembers() {
        app::importMembers(ctx, store,
                           writeFile(tdb.dir() / "m.csv", "card_no,name,phone\nMD7000001,林一,13800138001\n"),
                           {});
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(programme_time)

BOOST_FIXTURE_TEST_CASE(an_empty_join_date_is_today_in_the_programme_zone_not_in_utc, Fixture) {
    importMembers();
    BOOST_TEST(dumpQuery(*check, "SELECT join_date FROM members") == "2025-07-01\n");
}

BOOST_FIXTURE_TEST_CASE(a_naive_purchase_time_is_read_in_the_programme_zone, Fixture) {
    importMembers();
    app::importTransactions(ctx, store,
                            writeFile(tdb.dir() / "t.csv", "order_id,card_no,store,occurred_at,amount\n"
                                                           "A1,MD7000001,SH001,2025-06-30 09:00,10.00\n"
                                                           "A2,MD7000001,SH001,2025-06-30T09:00:00Z,10.00\n"),
                            {});
    BOOST_TEST(dumpQuery(*check, "SELECT order_id, occurred_at FROM transactions ORDER BY order_id") ==
               "A1|2025-06-30T01:00:00Z\nA2|2025-06-30T09:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(changing_the_programme_zone_changes_how_later_imports_read_naive_times, Fixture) {
    importMembers();
    app::setSetting(ctx, store, "timezone", "America/New_York");
    const auto nyCtx = app::withProgrammeTimeZone(ctx, store);
    app::importTransactions(nyCtx, store,
                            writeFile(tdb.dir() / "t.csv", "order_id,card_no,store,occurred_at,amount\n"
                                                           "B1,MD7000001,SH001,2025-06-30 09:00,10.00\n"),
                            {});
    BOOST_TEST(dumpQuery(*check, "SELECT occurred_at FROM transactions") == "2025-06-30T13:00:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(a_misspelled_zone_is_refused_and_the_old_one_stays, Fixture) {
    BOOST_CHECK_THROW(app::setSetting(ctx, store, "timezone", "Asia/Shangai"), UserError);
    BOOST_TEST(app::getSetting(ctx, store, "timezone") == "Asia/Shanghai");
}

BOOST_AUTO_TEST_SUITE_END()
