// Member CSV import: rejects with line numbers and reasons, the file formats people actually send,
// insert versus upsert, and the audit trail. Runs on SQLite and PostgreSQL.
#include "domain/csv.h"
#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/bulk_loader.h"
#include "persistence/csv_import.h"
#include "persistence/member_repository.h"
#include "persistence/member_rows.h"
#include "persistence/native_sql.h"
#include "tests/persistence/import_test_support.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::db;
using namespace md::test;
using namespace std::string_literals;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<Database> db = tdb.open();
    Fixture() { addStores(*db); }
    std::filesystem::path file(const std::string& content, const std::string& name = "members.csv") {
        return writeFile(tdb.dir() / name, content);
    }
    std::optional<Member> member(const std::string& card) {
        return SociMemberRepository(*db).findByCard(card);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(import_members)

BOOST_FIXTURE_TEST_CASE(bad_lines_go_to_the_rejects_file_with_line_and_reason_and_good_lines_are_committed,
                        Fixture) {
    const std::string content = std::string(kMemberHeader) +
                                "MD0001,王小明,13800138000,a@example.cn,1990-05-17,M,2023-03-01,SH001,1,0\n"
                                "MD0002,李四,12345,,,,,,,\n"
                                "MD0003,张三,13800138003,,,,,SH999,,\n"
                                "MD0004,,13800138004,,,,,,,\n"
                                "MD0005,赵六,13800138005,,,,\n"
                                "MD0001,重复,13800138006,,,,,,,\n"
                                "MD0007,钱七,,not-an-email,,,,,,\n"
                                "MD0008,孙八,13800138008,,1990-02-30,,,,,\n"
                                "MD0009,周九,,,,,,,,\n"
                                "MD0010,\"Wu, \"\"Ten\"\"\",13800138010,,,,,BJ002,yes,是\n"
                                "MD0011,吴\xff,13800138011,,,,,,,\n"
                                "MD0012,郑十二,13800138012,,,,,,maybe,\n" +
                                "MD0013,N\0L,13800138013,,,,,,,\n"s;
    const auto path = file(content);
    const ImportReport r = importMembers(*db, path, {});

    BOOST_TEST(r.records == 13u);
    BOOST_TEST(r.imported == 2u);
    BOOST_TEST(r.rejected == 11u);
    BOOST_TEST(r.rejectsFile == std::filesystem::path(path.string() + ".rejects.csv"));
    const std::string expected =
        "line,reason,card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n"
        "3," +
        csvField("phone: " + PhoneNumber::parse("12345").error()) +
        ",MD0002,李四,12345,,,,,,,\n"
        "4,store SH999 does not exist,MD0003,张三,13800138003,,,,,SH999,,\n"
        "5,missing required field name,MD0004,,13800138004,,,,,,,\n"
        "6,\"wrong column count: 7 fields, header has 10\",MD0005,赵六,13800138005,,,,\n"
        "7,duplicate card number MD0001 (already on line 2),MD0001,重复,13800138006,,,,,,,\n"
        "8," +
        csvField("email: " + EmailAddress::parse("not-an-email").error()) +
        ",MD0007,钱七,,not-an-email,,,,,,\n"
        "9," +
        csvField("birthday: " + parseDate("1990-02-30").error()) +
        ",MD0008,孙八,13800138008,,1990-02-30,,,,,\n"
        "10,missing required field: phone or email,MD0009,周九,,,,,,,,\n"
        "12,invalid UTF-8 in field 2,MD0011,吴\xff,13800138011,,,,,,,\n"
        "13,\"email_consent: expected 1/0, yes/no, true/false, y/n or 是/否, not "
        "\"\"maybe\"\"\",MD0012,郑十二,"
        "13800138012,,,,,,maybe,\n" +
        "14,NUL character in field 2,MD0013,N\0L,13800138013,,,,,,,\n"s;
    BOOST_TEST(readFile(r.rejectsFile) == expected);

    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members") == 2);
    const auto a = member("MD0001");
    BOOST_REQUIRE(a);
    BOOST_TEST(a->name == "王小明");
    BOOST_TEST(a->phone->e164() == "+8613800138000");
    BOOST_TEST(a->homeStore == "SH001");
    BOOST_TEST(a->emailConsent.granted);
    BOOST_TEST(a->emailConsent.source == "import");
    BOOST_TEST(!a->smsConsent.granted);
    const auto b = member("MD0010");
    BOOST_REQUIRE(b);
    BOOST_TEST(b->name == "Wu, \"Ten\"");
    BOOST_TEST(b->homeStore == "BJ002");
    BOOST_TEST(b->emailConsent.granted);
    BOOST_TEST(b->smsConsent.granted);
}

BOOST_FIXTURE_TEST_CASE(bom_crlf_and_quoted_embedded_newlines_import_and_keep_physical_line_numbers,
                        Fixture) {
    const std::string content = "\xEF\xBB\xBF"
                                "Card_No,NAME,phone,email,sms_consent\r\n"
                                "MD0101,\"张\r\n伟\",13800138101,,y\r\n"
                                "MD0102,\"O'Brien, \"\"Pat\"\"\",,pat@example.com,否\r\n"
                                "MD0103,bad,13800,,\r\n";
    const ImportReport r = importMembers(*db, file(content), {});
    BOOST_TEST(r.imported == 2u);
    BOOST_TEST(r.rejected == 1u);
    // The record on line 2 spans two physical lines, so the bad record starts on line 5.
    BOOST_TEST(readFile(r.rejectsFile) == "line,reason,Card_No,NAME,phone,email,sms_consent\n5," +
                                              csvField("phone: " + PhoneNumber::parse("13800").error()) +
                                              ",MD0103,bad,13800,,\n");
    const auto a = member("MD0101");
    BOOST_REQUIRE(a);
    BOOST_TEST(a->name == "张\r\n伟");
    BOOST_TEST(a->smsConsent.granted);
    const auto b = member("MD0102");
    BOOST_REQUIRE(b);
    BOOST_TEST(b->name == "O'Brien, \"Pat\"");
    BOOST_TEST(b->email->str() == "pat@example.com");
    BOOST_TEST(!b->phone);
    BOOST_TEST((b->joinDate == today()));
}

BOOST_FIXTURE_TEST_CASE(columns_are_found_by_header_name_in_any_order_and_named_extra_columns_are_skipped,
                        Fixture) {
    const std::string content = "notes,email_consent,store,name,card_no,phone\n"
                                "vip,1,gz003,林一,md0201,+86 138 0013 8201\n";
    ImportOptions opt;
    opt.ignoreColumns = {"notes"}; // unnamed, an unknown column refuses the file (import_checks)
    const ImportReport r = importMembers(*db, file(content), opt);
    BOOST_TEST(r.imported == 1u);
    const auto m = member("MD0201");
    BOOST_REQUIRE(m);
    BOOST_TEST(m->name == "林一");
    BOOST_TEST(m->homeStore == "GZ003");
    BOOST_TEST(m->phone->e164() == "+8613800138201");
    BOOST_TEST(m->emailConsent.granted);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members WHERE phone_rev = '1028310083168' AND "
                               "name_key = '林一'") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_header_without_a_required_column_is_an_error_naming_it_and_changes_nothing,
                        Fixture) {
    const auto before = snapshot(*db);
    try {
        importMembers(*db, file("card_no,phone\nMD0301,13800138301\n"), {});
        BOOST_FAIL("a file without a name column was imported");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(std::string(e.what()).find("name") != std::string::npos);
    }
    BOOST_CHECK_THROW(importMembers(*db, file("card_no,name\nMD0302,x\n"), {}), std::runtime_error);
    BOOST_CHECK_THROW(importMembers(*db, tdb.dir() / "missing.csv", {}), std::runtime_error);
    BOOST_TEST(snapshot(*db) == before);
}

BOOST_FIXTURE_TEST_CASE(insert_mode_rejects_a_card_already_in_the_database_and_keeps_the_stored_member,
                        Fixture) {
    importMembers(*db, file(std::string(kMemberHeader) + "MD0401,原名,13800138401,,,,,,,\n", "first.csv"),
                  {});
    const auto path = file(std::string(kMemberHeader) + "MD0402,新人,13800138402,,,,,,,\n"
                                                        "md0401,改名,13800138499,,,,,,,\n");
    const ImportReport r = importMembers(*db, path, {});
    BOOST_TEST(r.imported == 1u);
    BOOST_TEST(r.rejected == 1u);
    BOOST_TEST(
        readFile(r.rejectsFile) ==
        "line,reason,card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n"
        "3,duplicate card number MD0401 (already in the database),md0401,改名,13800138499,,,,,,,\n");
    BOOST_TEST(member("MD0401")->name == "原名");
    BOOST_TEST(member("MD0401")->version == 1);
}

BOOST_FIXTURE_TEST_CASE(upsert_updates_existing_members_in_place_bumps_version_and_audits_before_and_after,
                        Fixture) {
    importMembers(*db,
                  file(std::string(kMemberHeader) + "MD0501,原名,13800138501,,,,2022-01-01,SH001,0,1\n"
                                                    "MD0502,不变,13800138502,,,,2022-01-01,SH001,0,0\n",
                       "first.csv"),
                  {});
    const Member before = *member("MD0501");
    const auto auditsBefore = auditTrail(*db, "member", std::to_string(before.id)).size();

    ImportOptions opt;
    opt.mode = ImportMode::Upsert;
    const ImportReport r = importMembers(*db,
                                         file(std::string(kMemberHeader) +
                                              "MD0501,新名,13800138599,new@example.cn,,,,BJ002,1,1\n"
                                              "MD0502,不变,13800138502,,,,2022-01-01,SH001,0,0\n"
                                              "MD0503,新会员,13800138503,,,,,,,\n"),
                                         opt);
    BOOST_TEST(r.imported == 3u);
    BOOST_TEST(r.rejected == 0u);
    const Member after = *member("MD0501");
    BOOST_TEST(after.id == before.id);
    BOOST_TEST(after.version == before.version + 1);
    BOOST_TEST(after.name == "新名");
    BOOST_TEST(after.phone->e164() == "+8613800138599");
    BOOST_TEST(after.email->str() == "new@example.cn");
    BOOST_TEST(after.homeStore == "BJ002");
    BOOST_TEST((after.joinDate == before.joinDate)); // empty join_date keeps the stored one
    BOOST_TEST(after.emailConsent.granted);
    BOOST_TEST((after.smsConsent == before.smsConsent)); // unchanged answer keeps its source and time
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members WHERE phone_rev = '9958310083168'") == 1);

    const auto trail = auditTrail(*db, "member", std::to_string(before.id));
    BOOST_REQUIRE(trail.size() == auditsBefore + 1);
    BOOST_TEST(trail.back().action == "update");
    BOOST_TEST(trail.back().beforeJson.value() == memberToJson(before));
    BOOST_TEST(trail.back().afterJson.value() == memberToJson(after));
    // An identical line changes nothing: no new version, no audit entry.
    BOOST_TEST(member("MD0502")->version == 1);
    BOOST_TEST(auditTrail(*db, "member", std::to_string(member("MD0502")->id)).empty());
    BOOST_TEST(member("MD0503").has_value());

    // A file without email, store or consent columns leaves those as stored.
    importMembers(*db, file("card_no,name,phone\nMD0501,再改名,13800138599\n", "partial.csv"), opt);
    const Member partial = *member("MD0501");
    BOOST_TEST(partial.name == "再改名");
    BOOST_TEST(partial.version == after.version + 1);
    BOOST_TEST(partial.email->str() == "new@example.cn");
    BOOST_TEST(partial.homeStore == "BJ002");
    BOOST_TEST((partial.emailConsent == after.emailConsent));
    BOOST_TEST((partial.smsConsent == after.smsConsent));
}

BOOST_FIXTURE_TEST_CASE(each_import_leaves_one_summary_audit_entry_naming_file_counts_and_mode, Fixture) {
    const auto path = file(std::string(kMemberHeader) + "MD0601,甲,13800138601,,,,,,,\nMD0602,乙,1,,,,,,,\n",
                           "summary.csv");
    ImportOptions opt;
    opt.mode = ImportMode::Upsert;
    importMembers(*db, path, opt);
    const auto trail = auditTrail(*db, "members", "summary.csv");
    BOOST_REQUIRE(trail.size() == 1u);
    BOOST_TEST(trail[0].action == "import");
    BOOST_TEST(trail[0].actor == db->actor().name);
    BOOST_TEST(trail[0].afterJson.value() ==
               "{\"file\":\"summary.csv\",\"records\":2,\"imported\":1,\"rejected\":1,\"mode\":\"upsert\"}");
}

BOOST_FIXTURE_TEST_CASE(a_stale_rejects_file_is_deleted_when_the_import_has_no_rejects, Fixture) {
    const auto path = file(std::string(kMemberHeader) + "MD0701,甲,13800138701,,,,,,,\n");
    const auto rejects = std::filesystem::path(path.string() + ".rejects.csv");
    writeFile(rejects, "line,reason\n2,old\n");
    const ImportReport r = importMembers(*db, path, {});
    BOOST_TEST(r.rejected == 0u);
    BOOST_TEST(r.rejectsFile.empty());
    BOOST_TEST(!std::filesystem::exists(rejects));
}

BOOST_FIXTURE_TEST_CASE(consent_accepts_every_documented_spelling_and_empty_means_no, Fixture) {
    std::string content = "card_no,name,phone,email_consent\n";
    const char* yes[] = {"1", "yes", "TRUE", "y", "是"};
    const char* no[] = {"0", "No", "false", "N", "否", ""};
    int i = 10;
    const auto line = [&](const char* prefix, const char* v) {
        const std::string n = std::to_string(++i);
        return prefix + n + ",x,138001381" + n + "," + v + "\n";
    };
    for (const char* v : yes)
        content += line("MDY", v);
    for (const char* v : no)
        content += line("MDN", v);
    const ImportReport r = importMembers(*db, file(content), {});
    BOOST_TEST(r.rejected == 0u);
    BOOST_TEST(
        countWhere(*db, "SELECT COUNT(*) FROM members WHERE email_consent = 1 AND card_no LIKE 'MDY%'") == 5);
    BOOST_TEST(
        countWhere(*db, "SELECT COUNT(*) FROM members WHERE email_consent = 0 AND card_no LIKE 'MDN%'") == 6);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members WHERE email_consent_source = 'import'") == 11);
}

BOOST_FIXTURE_TEST_CASE(batches_across_a_large_file_find_existing_cards_and_report_progress, Fixture) {
    // 25,000 lines: three write batches; every 1,000th card is already in the database.
    std::string existing = kMemberHeader;
    for (int i = 0; i < 25000; i += 1000)
        existing += memberLines(i, 1);
    importMembers(*db, file(existing, "existing.csv"), {});
    std::uint64_t calls = 0, lastDone = 0;
    bool monotonic = true;
    ImportOptions opt;
    opt.progress = [&](const Progress& p) {
        ++calls;
        if (p.stage == "Importing members") {
            monotonic = monotonic && p.done >= lastDone && p.done <= p.total;
            lastDone = p.done;
        }
        return true;
    };
    const ImportReport r = importMembers(*db, file(std::string(kMemberHeader) + memberLines(0, 25000)), opt);
    BOOST_TEST(r.records == 25000u);
    BOOST_TEST(r.imported == 24975u);
    BOOST_TEST(r.rejected == 25u);
    BOOST_TEST(countWhere(*db, "SELECT COUNT(*) FROM members") == 25000);
    BOOST_TEST(calls >= 5u);
    BOOST_TEST(monotonic);
    const std::string rejects = readFile(r.rejectsFile);
    BOOST_TEST(rejects.find("\n24002,duplicate card number MD1024000 (already in the database),MD1024000,") !=
               std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(an_optional_status_column_is_honoured_empty_is_active_and_a_bad_status_is_rejected,
                        Fixture) {
    const ImportReport r = importMembers(*db,
                                         file("card_no,name,phone,status\n"
                                              "MD0901,甲,13800138901,suspended\n"
                                              "MD0902,乙,13800138902,\n"
                                              "MD0903,丙,13800138903,CLOSED\n"
                                              "MD0904,丁,13800138904,frozen\n"),
                                         {});
    BOOST_TEST(r.imported == 3u);
    BOOST_TEST(r.rejected == 1u);
    BOOST_TEST((member("MD0901")->status == MemberStatus::Suspended));
    BOOST_TEST((member("MD0902")->status == MemberStatus::Active));
    BOOST_TEST((member("MD0903")->status == MemberStatus::Closed));
    BOOST_TEST(!member("MD0904").has_value());
    BOOST_TEST(readFile(r.rejectsFile) == "line,reason,card_no,name,phone,status\n5," +
                                              csvField("status: " + parseMemberStatus("frozen").error()) +
                                              ",MD0904,丁,13800138904,frozen\n");
    BOOST_TEST(readFile(r.rejectsFile).find("\"status: unknown member status") != std::string::npos);

    ImportOptions opt;
    opt.mode = ImportMode::Upsert;
    // A file without a status column keeps the stored status...
    importMembers(*db, file("card_no,name,phone\nMD0901,甲改,13800138901\n", "nostatus.csv"), opt);
    BOOST_TEST((member("MD0901")->status == MemberStatus::Suspended));
    BOOST_TEST(member("MD0901")->name == "甲改");
    // ...one with it sets it, and bumps the version.
    const auto version = member("MD0902")->version;
    importMembers(*db,
                  file("card_no,name,phone,status\nMD0901,甲改,13800138901,active\n"
                       "MD0902,乙,13800138902,closed\n",
                       "status.csv"),
                  opt);
    BOOST_TEST((member("MD0901")->status == MemberStatus::Active));
    BOOST_TEST((member("MD0902")->status == MemberStatus::Closed));
    BOOST_TEST(member("MD0902")->version == version + 1);
}

BOOST_FIXTURE_TEST_CASE(the_upsert_update_refuses_a_member_saved_by_someone_else_since_it_was_read, Fixture) {
    importMembers(*db,
                  file(std::string(kMemberHeader) + "MD0951,原名,13800138951,,,,2022-01-01,SH001,0,0\n"
                                                    "MD0952,另一个,13800138952,,,,2022-01-01,SH001,0,0\n"),
                  {});
    const Member read1 = *member("MD0951"), read2 = *member("MD0952");
    {
        // Someone saves MD0951 through another connection after the import read it.
        auto other = tdb.open(false);
        Member saved = *SociMemberRepository(*other).findByCard("MD0951");
        saved.name = "别人改的";
        SociMemberRepository(*other).update(saved, other->actor());
    }
    BOOST_REQUIRE(member("MD0951")->version == read1.version + 1);
    {
        WriteTransaction tr(*db);
        TempTable staging(*db, "md_test_updates", memberUpdateShapeSql());
        BulkWriter w(*db, staging.name(), memberUpdateColumns(), 0);
        for (Member m : {read1, read2}) {
            m.name = "导入";
            ++m.version; // computed from the version read, as the import does
            appendMemberUpdate(w, m, formatTimestamp(nowUtc()));
        }
        w.flush();
        BOOST_CHECK_EXCEPTION(applyMemberUpdates(*db, staging.name(), 2), ConflictError,
                              [&](const ConflictError& e) {
                                  return e.cardNo() == "MD0951" && e.yourVersion() == read1.version &&
                                         e.currentVersion() == read1.version + 1;
                              });
    } // not committed: rolled back, as the import's transaction is
    BOOST_TEST(member("MD0951")->name == "别人改的");
    BOOST_TEST(member("MD0951")->version == read1.version + 1);
    BOOST_TEST(member("MD0952")->name == "另一个");
    BOOST_TEST(member("MD0952")->version == read2.version);

    // With the versions it read still current, the same update goes through.
    {
        WriteTransaction tr(*db);
        TempTable staging(*db, "md_test_updates2", memberUpdateShapeSql());
        BulkWriter w(*db, staging.name(), memberUpdateColumns(), 0);
        Member m = *member("MD0951");
        m.name = "导入";
        ++m.version;
        appendMemberUpdate(w, m, formatTimestamp(nowUtc()));
        w.flush();
        applyMemberUpdates(*db, staging.name(), 1);
        staging.drop();
        tr.commit();
    }
    BOOST_TEST(member("MD0951")->name == "导入");
    BOOST_TEST(member("MD0951")->version == read1.version + 2);
}

BOOST_AUTO_TEST_SUITE_END()
