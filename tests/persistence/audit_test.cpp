// The audit trail: every insert and update leaves who/when/before/after, the JSON is well-formed and
// stable, and the table refuses UPDATE and DELETE on both backends.
#include "persistence/audit.h"
#include "persistence/member_repository.h"
#include "persistence/native_sql.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace md;
using namespace md::db;

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(insert_and_update_leave_entries_with_actor_before_and_after) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember();
    repo.insert(m, Actor{"front-desk-1"});
    const std::string inserted = memberToJson(m);
    m.name = "王晓明";
    repo.update(m, Actor{"manager-li"});

    auto trail = auditTrail(*d, "member", std::to_string(m.id));
    BOOST_REQUIRE(trail.size() == 2u);
    BOOST_TEST(trail[0].action == "insert");
    BOOST_TEST(trail[0].actor == "front-desk-1");
    BOOST_TEST(!trail[0].beforeJson);
    BOOST_TEST(*trail[0].afterJson == inserted);
    BOOST_TEST(trail[1].action == "update");
    BOOST_TEST(trail[1].actor == "manager-li");
    BOOST_TEST(*trail[1].beforeJson == inserted);
    BOOST_TEST(*trail[1].afterJson == memberToJson(m));
    BOOST_TEST(trail[1].afterJson->find("\"name\":\"王晓明\"") != std::string::npos);
    BOOST_TEST(trail[1].afterJson->find("\"version\":2") != std::string::npos);
    BOOST_TEST(trail[1].at.size() == 20u);
    BOOST_TEST(trail[0].id < trail[1].id);
}

BOOST_AUTO_TEST_CASE(the_audit_log_refuses_update_delete_and_truncate) {
    test::TestDatabase t;
    auto d = t.open();
    appendAudit(*d, Actor{"x"}, "import", "member", "file.csv", std::nullopt, std::string("{}"));
    BOOST_CHECK_THROW(d->sql() << "UPDATE audit_log SET actor = 'someone else'", soci::soci_error);
    BOOST_CHECK_THROW(d->sql() << "DELETE FROM audit_log", soci::soci_error);
    // SQLite has no TRUNCATE (its truncate optimisation is a DELETE, refused above).
    if (t.isPostgres()) BOOST_CHECK_THROW(d->sql() << "TRUNCATE audit_log", soci::soci_error);
    BOOST_TEST(auditTrail(*d, "member", "file.csv").at(0).actor == "x");
}

BOOST_AUTO_TEST_CASE(an_audit_entry_is_rolled_back_with_the_change_it_describes) {
    test::TestDatabase t;
    auto d = t.open();
    {
        WriteTransaction tx(*d);
        appendAudit(*d, Actor{"x"}, "import", "member", "rolled-back.csv", std::nullopt, std::nullopt);
    }
    BOOST_TEST(auditTrail(*d, "member", "rolled-back.csv").empty());
}

BOOST_AUTO_TEST_CASE(member_json_escapes_what_json_requires_and_keeps_utf8) {
    Member m = test::sampleMember();
    m.id = 7;
    m.version = 3;
    m.name = "王 \"小\" \\明\n\t\x01";
    const std::string json = memberToJson(m);
    BOOST_TEST(json.find(R"("name":"王 \"小\" \\明\n\t\u0001")") != std::string::npos);
    BOOST_TEST(json.front() == '{');
    BOOST_TEST(json.back() == '}');
    for (unsigned char c : json)
        BOOST_TEST(c >= 0x20);
}

BOOST_AUTO_TEST_CASE(member_json_has_a_stable_key_order_and_nulls_for_missing_values) {
    Member m;
    m.id = 1;
    m.card = CardNumber::parse("A-0001").value();
    m.name = "Ann";
    m.joinDate = test::date("2024-02-29");
    m.version = 1;
    BOOST_TEST(
        memberToJson(m) ==
        R"({"id":1,"card_no":"A-0001","name":"Ann","phone":null,"email":null,"birthday":null,)"
        R"("gender":"","join_date":"2024-02-29","home_store":"","status":"active","email_consent":false,)"
        R"("email_consent_source":"","email_consent_at":null,"sms_consent":false,"sms_consent_source":"",)"
        R"("sms_consent_at":null,"version":1})");
}

BOOST_AUTO_TEST_SUITE_END()
