// The member use cases over a real database (SQLite or PostgreSQL): the acting user and the clock of the
// RequestContext reach the audit trail and the events; events describe exactly what changed.
#include "app/members.h"
#include "app/settings.h"
#include "app/stores.h"
#include "domain/user_error.h"
#include "persistence/soci_data_store.h"
#include "tests/app/app_fixture.h"
#include "tests/persistence/import_test_support.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::test;

namespace {

struct Fixture : AppFixture {
    std::string events() { return dumpQuery(*check, "SELECT type, actor, payload FROM events ORDER BY id"); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(member_use_cases)

BOOST_FIXTURE_TEST_CASE(adding_a_member_records_member_joined_and_granted_consent_as_the_acting_user,
                        Fixture) {
    Member m = sampleMember("MD8000001", "孙八");
    app::addMember(ctx, store, m);
    BOOST_TEST(m.id > 0);
    BOOST_TEST(events() == "member_joined|agent.li|{}\n"
                           "consent_changed|agent.li|{\"channel\":\"email\",\"granted\":true}\n");
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM audit_log WHERE actor = 'agent.li'") == 1);
}

BOOST_FIXTURE_TEST_CASE(saving_contact_details_emits_member_changed_and_only_the_consent_that_changed,
                        Fixture) {
    Member m = sampleMember("MD8000002", "周九");
    app::addMember(ctx, store, m);
    const auto before = countWhere(*check, "SELECT COUNT(*) FROM events");
    m.smsConsent = Consent{true, "agent", clock.now()};
    m.name = "周九九";
    app::saveMember(ctx, store, m);
    BOOST_TEST(m.version == 2);
    BOOST_TEST(dumpQuery(*check, "SELECT type, payload FROM events WHERE id > " + std::to_string(before) +
                                     " ORDER BY id") ==
               "member_changed|{}\nconsent_changed|{\"channel\":\"sms\",\"granted\":true}\n");
    BOOST_TEST(dumpQuery(*check, "SELECT recorded_at FROM events ORDER BY id DESC LIMIT 1") ==
               "2025-06-30T17:30:00Z\n");
}

BOOST_FIXTURE_TEST_CASE(a_conflicting_save_writes_no_event, Fixture) {
    Member m = sampleMember("MD8000003", "吴十");
    app::addMember(ctx, store, m);
    Member stale = m;
    m.name = "吴十一";
    app::saveMember(ctx, store, m);
    const auto before = countWhere(*check, "SELECT COUNT(*) FROM events");
    stale.name = "吴十二";
    BOOST_CHECK_THROW(app::saveMember(ctx, store, stale), ConflictError);
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM events") == before);
}

BOOST_FIXTURE_TEST_CASE(an_invalid_member_is_refused_with_a_code, Fixture) {
    Member m = sampleMember("MD8000004", "");
    try {
        app::addMember(ctx, store, m);
        BOOST_FAIL("an empty name was accepted");
    } catch (const UserError& e) {
        BOOST_TEST(e.code() == "member.invalid");
        BOOST_TEST(!e.param("reason").empty());
    }
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM members") == 0);
}

BOOST_FIXTURE_TEST_CASE(find_refuses_a_query_too_short_to_search, Fixture) {
    try {
        app::findMembers(ctx, store, "12", 10);
        BOOST_FAIL("a two-digit query was searched");
    } catch (const UserError& e) {
        BOOST_TEST(e.code() == "query.too_short");
    }
}

BOOST_FIXTURE_TEST_CASE(stores_are_saved_with_normalised_codes_and_a_store_changed_event, Fixture) {
    const Store s = app::saveStore(ctx, store, Store{0, " cd004 ", "成都春熙路店", "成都"});
    BOOST_TEST(s.code == "CD004");
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM events WHERE type = 'store_changed'") == 1);
    BOOST_CHECK_THROW(app::saveStore(ctx, store, Store{0, "CD004", "x", ""}), UserError);
    BOOST_CHECK_THROW(app::saveStore(ctx, store, Store{0, "XX999", "x", ""}, true), UserError);
}

BOOST_FIXTURE_TEST_CASE(the_timezone_setting_is_validated_stored_and_read_into_the_context, Fixture) {
    BOOST_TEST(app::getSetting(ctx, store, "timezone") == "Asia/Shanghai");
    BOOST_CHECK_THROW(app::setSetting(ctx, store, "timezone", "Asia/Atlantis"), UserError);
    app::setSetting(ctx, store, "timezone", "America/New_York");
    BOOST_TEST(app::withProgrammeTimeZone(ctx, store).zone.name() == "America/New_York");
    BOOST_TEST(countWhere(*check, "SELECT COUNT(*) FROM settings") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
