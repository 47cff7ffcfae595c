// Member export: the import format, so export -> import into an empty database -> export gives the
// same bytes. Runs on SQLite and PostgreSQL.
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "persistence/member_repository.h"
#include "tests/persistence/import_test_support.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace md;
using namespace md::db;
using namespace md::test;

namespace {

std::string exported(Database& db) {
    std::ostringstream out;
    exportMembers(db, out);
    return out.str();
}

} // namespace

BOOST_AUTO_TEST_SUITE(export_members)

BOOST_AUTO_TEST_CASE(export_is_the_import_format_ordered_by_card_with_e164_phones_and_consent_as_1_or_0) {
    TestDatabase tdb;
    auto db = tdb.open();
    addStores(*db);
    SociMemberRepository repo(*db);
    Member m = sampleMember("MD000002", "王小明", "138 0013 8000");
    repo.insert(m, db->actor());
    Member bare;
    bare.card = CardNumber::parse("MD000001").value();
    bare.name = "Smith, \"Jo\"";
    bare.email = EmailAddress::parse("jo@example.com").value();
    bare.joinDate = date("2024-02-29");
    bare.status = MemberStatus::Suspended;
    repo.insert(bare, db->actor());

    const std::string csv = exported(*db);
    BOOST_TEST(csv ==
               "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent,status\n"
               "MD000001,\"Smith, \"\"Jo\"\"\",,jo@example.com,,,2024-02-29,,0,0,suspended\n"
               "MD000002,王小明,+8613800138000," +
                   m.email->str() + ",1990-05-17,M,2023-03-01,SH001,1,0,active\n");
}

BOOST_AUTO_TEST_CASE(export_then_import_into_an_empty_database_then_export_gives_the_identical_file) {
    TestDatabase source;
    auto db = source.open();
    addStores(*db);
    SociMemberRepository repo(*db);
    Member a = sampleMember("MD000010", "欧阳娜娜");
    repo.insert(a, db->actor());
    Member suspended = sampleMember("MD000009", "停用会员", "139 0013 9009");
    suspended.status = MemberStatus::Suspended;
    repo.insert(suspended, db->actor());
    Member closed = sampleMember("MD000008", "注销会员", "139 0013 9008");
    closed.status = MemberStatus::Closed;
    repo.insert(closed, db->actor());
    const std::string tricky = std::string(kMemberHeader) +
                               "MD000011,\"李, \"\"小龙\"\"\",+1 415 555 0100,,,O,2020-02-29,BJ002,0,1\n"
                               "MD000012,\"多行\n姓名\",,only@example.cn,,,2021-01-01,,1,1\n"
                               "MD000013,Ünïcødé 名字,(010) 6552 9988,,2001-12-31,F,2019-07-07,GZ003,0,0\n"
                               "A-01,Z,13900000000,,,,2024-01-01,,,\n"
                               "MD000014,C:\\path\\to\tx \\N,13800138014,,,,2020-01-01,,0,0\n";
    importMembers(*db, writeFile(source.dir() / "tricky.csv", tricky), {});
    importMembers(*db, writeFile(source.dir() / "many.csv", std::string(kMemberHeader) + memberLines(0, 500)),
                  {});

    const std::string first = exported(*db);
    BOOST_TEST(first.find('\r') == std::string::npos);
    BOOST_TEST(first.rfind("\xEF\xBB\xBF", 0) == std::string::npos);

    TestDatabase target;
    auto copy = target.open();
    addStores(*copy);
    const auto file = writeFile(target.dir() / "export.csv", first);
    const ImportReport r = importMembers(*copy, file, {});
    BOOST_TEST(r.rejected == 0u);
    BOOST_TEST(r.imported == 508u);
    const std::string second = exported(*copy);
    BOOST_TEST(second == first);
    BOOST_TEST(first.find(",停用会员,") != std::string::npos);
    BOOST_TEST((SociMemberRepository(*copy).findByCard("MD000009")->status == MemberStatus::Suspended));
    BOOST_TEST((SociMemberRepository(*copy).findByCard("MD000008")->status == MemberStatus::Closed));
    BOOST_TEST(second.find("\"多行\n姓名\"") != std::string::npos);
    BOOST_TEST(second.find(",C:\\path\\to\tx \\N,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(export_reports_progress_and_can_be_cancelled) {
    TestDatabase tdb;
    auto db = tdb.open();
    addStores(*db);
    importMembers(*db, writeFile(tdb.dir() / "m.csv", std::string(kMemberHeader) + memberLines(0, 25000)),
                  {});
    std::ostringstream out;
    std::vector<Progress> seen;
    const auto n = exportMembers(*db, out, [&](const Progress& p) {
        seen.push_back(p);
        return true;
    });
    BOOST_TEST(n == 25000u);
    BOOST_REQUIRE(seen.size() >= 3u);
    BOOST_TEST(seen.back().done == 25000u);
    BOOST_TEST(seen.back().total == 25000u);
    std::ostringstream partial;
    BOOST_CHECK_THROW(exportMembers(*db, partial, [](const Progress& p) { return p.done == 0; }), Cancelled);
}

BOOST_AUTO_TEST_SUITE_END()
