// A member import tells the rest of the system what it did, as the use cases do: member_joined for each
// new member, member_changed for each changed one and consent_changed only where an answer changed,
// in the import's own transaction and as the importing user. Runs on SQLite and PostgreSQL.
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "tests/persistence/import_test_support.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::db;
using namespace md::test;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<Database> db = tdb.open();
    Fixture() { addStores(*db); }
    std::filesystem::path file(const std::string& content) { return writeFile(tdb.dir() / "m.csv", content); }
    std::string eventsAfter(std::int64_t id) {
        return dumpQuery(*db, "SELECT e.type, m.card_no, e.actor, e.payload FROM events e JOIN members m ON "
                              "m.id = e.member_id WHERE e.id > " +
                                  std::to_string(id) + " ORDER BY e.id");
    }
    std::int64_t lastEvent() { return countWhere(*db, "SELECT COALESCE(MAX(id), 0) FROM events"); }
    ImportOptions as(const char* who, ImportMode mode = ImportMode::Insert) {
        ImportOptions o;
        o.mode = mode;
        o.actor = Actor{who};
        o.now = instant("2025-01-02T03:04:05Z");
        return o;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(member_import_events)

BOOST_FIXTURE_TEST_CASE(each_imported_member_gets_member_joined_and_consent_given_as_the_importing_user,
                        Fixture) {
    importMembers(
        *db, file("card_no,name,phone,sms_consent\nMD6000001,甲,13800138001,1\nMD6000002,乙,13800138002,0\n"),
        as("clerk.wu"));
    BOOST_TEST(eventsAfter(0) ==
               "member_joined|MD6000001|clerk.wu|{}\nmember_joined|MD6000002|clerk.wu|{}\n"
               "consent_changed|MD6000001|clerk.wu|{\"channel\":\"sms\",\"granted\":true}\n");
}

BOOST_FIXTURE_TEST_CASE(
    an_upsert_emits_member_changed_for_changed_members_and_consent_changed_only_where_it_changed, Fixture) {
    importMembers(
        *db, file("card_no,name,phone,sms_consent\nMD6000001,甲,13800138001,1\nMD6000002,乙,13800138002,0\n"),
        as("clerk.wu"));
    const auto before = lastEvent();
    // MD6000001 renamed (consent unchanged), MD6000002 now agrees to SMS, MD6000003 is new.
    importMembers(
        *db,
        file("card_no,name,phone,sms_consent\nMD6000001,甲一,13800138001,1\nMD6000002,乙,13800138002,1\n"
             "MD6000003,丙,13800138003,0\n"),
        as("clerk.ma", ImportMode::Upsert));
    BOOST_TEST(eventsAfter(before) ==
               "member_changed|MD6000001|clerk.ma|{}\n"
               "member_changed|MD6000002|clerk.ma|{}\n"
               "consent_changed|MD6000002|clerk.ma|{\"channel\":\"sms\",\"granted\":true}\n"
               "member_joined|MD6000003|clerk.ma|{}\n");
}

BOOST_FIXTURE_TEST_CASE(an_upsert_that_changes_nothing_writes_no_event, Fixture) {
    const std::string content = "card_no,name,phone,sms_consent\nMD6000001,甲,13800138001,1\n";
    importMembers(*db, file(content), as("clerk.wu"));
    const auto before = lastEvent();
    importMembers(*db, file(content), as("clerk.wu", ImportMode::Upsert));
    BOOST_TEST(lastEvent() == before);
}

BOOST_FIXTURE_TEST_CASE(a_rolled_back_import_leaves_no_event, Fixture) {
    BOOST_CHECK_THROW(importMembers(*db, file("card_no,name,phone\nMD6000001,甲,13800138001\n"),
                                    [&] {
                                        auto o = as("clerk.wu");
                                        o.progress = [](const Progress&) { return false; };
                                        return o;
                                    }()),
                      Cancelled);
    BOOST_TEST(lastEvent() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
