// Migration 003: name_sort (ICU collation key, pinyin order) and card_digits, filled by its C++ step
// for members stored before it, and kept by every writer afterwards.
#include "demo/demo_generator.h"
#include "domain/member_query.h"
#include "persistence/bulk_loader.h"
#include "persistence/demo_loader.h"
#include "persistence/member_repository.h"
#include "persistence/member_rows.h"
#include "persistence/member_search_keys.h"
#include "persistence/migrations.h"
#include "persistence/native_sql.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <set>

using namespace md;
using namespace md::db;

namespace {

// A database at schema version 2, as the previous release left it.
std::unique_ptr<Database> openAtVersion2(const test::TestDatabase& t) {
    auto all = builtInMigrations();
    all.erase(std::remove_if(all.begin(), all.end(), [](const Migration& m) { return m.version > 2; }),
              all.end());
    ScopedMigrationSet previous(all);
    auto d = t.open(false);
    BOOST_REQUIRE(d->migrate() == 2);
    return d;
}

void insertV2Member(Database& d, const std::string& card, const std::string& name) {
    d.sql() << "INSERT INTO members (card_no, name, name_key, join_date, created_at, updated_at) "
               "VALUES (:c, :n, :k, '2024-01-01', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
        soci::use(card), soci::use(name), soci::use(nameKey(name));
}

std::vector<std::string> namesBySortKey(Database& d) {
    std::vector<std::string> out;
    soci::rowset<std::string> rows = d.sql().prepare << "SELECT name FROM members ORDER BY name_sort, id";
    for (const auto& n : rows)
        out.push_back(n);
    return out;
}

// Members whose stored keys differ from the ones their name and card give now.
int staleKeys(Database& d) {
    int stale = 0;
    soci::rowset<soci::row> rows = d.sql().prepare
                                   << "SELECT card_no, name, name_sort, card_digits FROM members";
    for (const auto& r : rows)
        stale += r.get<std::string>(2) != nameSortKey(r.get<std::string>(1)) ||
                 r.get<std::string>(3) != cardDigits(r.get<std::string>(0));
    return stale;
}

std::set<std::string> memberIndexes(Database& d, bool postgres) {
    std::set<std::string> out;
    soci::rowset<std::string> rows =
        d.sql().prepare << (postgres ? "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                                       "AND tablename = 'members'"
                                     : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                                       "'members' AND sql IS NOT NULL");
    for (const auto& n : rows)
        out.insert(n);
    return out;
}

int memberCount(Database& d) {
    int n = 0;
    d.sql() << "SELECT COUNT(*) FROM members", soci::into(n);
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(migration_003)

BOOST_AUTO_TEST_CASE(name_sort_keys_order_chinese_names_by_pinyin_not_code_point) {
    // Code point order would be 安 张 李 王 赵; pinyin is an, li, wang, zhang, zhao.
    std::vector<std::string> names{"张伟", "王芳", "李娜", "赵敏", "安琪"};
    std::sort(names.begin(), names.end(),
              [](const std::string& a, const std::string& b) { return nameSortKey(a) < nameSortKey(b); });
    BOOST_TEST((names == std::vector<std::string>{"安琪", "李娜", "王芳", "张伟", "赵敏"}));
    BOOST_TEST(nameSortKey("Anna") < nameSortKey("anna Z"));
    const std::string key = nameSortKey("王芳");
    BOOST_TEST(!key.empty());
    BOOST_TEST(key.find_first_not_of("0123456789abcdef") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_step_fills_both_keys_of_members_stored_before_it) {
    test::TestDatabase t;
    auto d = openAtVersion2(t);
    insertV2Member(*d, "MD00000001", "张伟");
    insertV2Member(*d, "MD00000002", "王芳");
    insertV2Member(*d, "VIP-0003", "李娜");
    insertV2Member(*d, "MD00000004", "赵敏");
    insertV2Member(*d, "2024000000005", "安琪");
    BOOST_TEST(d->migrate() == Database::supportedSchemaVersion());

    BOOST_TEST((namesBySortKey(*d) == std::vector<std::string>{"安琪", "李娜", "王芳", "张伟", "赵敏"}));
    soci::rowset<soci::row> rows = d->sql().prepare
                                   << "SELECT card_no, name, name_sort, card_digits FROM members";
    for (const auto& r : rows) {
        BOOST_TEST(r.get<std::string>(2) == nameSortKey(r.get<std::string>(1)));
        BOOST_TEST(r.get<std::string>(3) == cardDigits(r.get<std::string>(0)));
    }
    SociMemberRepository repo(*d);
    const auto found = repo.search(classifyQuery("0003"), 10);
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].card == "VIP-0003");
}

BOOST_AUTO_TEST_CASE(the_step_reads_in_chunks_and_misses_no_member_past_a_chunk_boundary) {
    test::TestDatabase t;
    auto d = openAtVersion2(t);
    // 50,001 members: one more than a chunk.
    d->sql()
        << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50001) "
           "INSERT INTO members (card_no, name, name_key, join_date, created_at, updated_at) "
           "SELECT 'T' || CAST(i AS TEXT), 'n' || CAST(i AS TEXT), 'n' || CAST(i AS TEXT), '2024-01-01', "
           "'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n";
    d->migrate();
    int unfilled = -1;
    d->sql() << "SELECT COUNT(*) FROM members WHERE name_sort = '' OR card_digits = ''", soci::into(unfilled);
    BOOST_TEST(unfilled == 0);
    std::string last;
    d->sql() << "SELECT card_digits FROM members WHERE card_no = 'T50001'", soci::into(last);
    BOOST_TEST(last == "50001");
}

BOOST_AUTO_TEST_CASE(every_writer_keeps_the_keys_current) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember("MD00000042", "王芳");
    repo.insert(m, d->actor());
    auto keysOf = [&] {
        std::string sort, digits;
        d->sql() << "SELECT name_sort, card_digits FROM members WHERE id = :id", soci::use(m.id),
            soci::into(sort), soci::into(digits);
        return std::make_pair(sort, digits);
    };
    BOOST_TEST((keysOf() == std::make_pair(nameSortKey("王芳"), std::string("00000042"))));
    m.name = "安琪";
    m.card = CardNumber::parse("VIP-77").value();
    repo.update(m, d->actor());
    BOOST_TEST((keysOf() == std::make_pair(nameSortKey("安琪"), std::string("77"))));
}

BOOST_AUTO_TEST_CASE(the_step_leaves_every_index_of_members_in_place_and_adds_its_two) {
    test::TestDatabase t;
    auto d = openAtVersion2(t);
    insertV2Member(*d, "MD00000001", "张伟");
    auto expected = memberIndexes(*d, t.isPostgres());
    BOOST_TEST(expected.size() > 10u);
    expected.insert({"members_name_sort", "members_card_digits"});
    d->migrate();
    BOOST_TEST(memberIndexes(*d, t.isPostgres()) == expected);
}

BOOST_AUTO_TEST_CASE(the_bulk_writers_import_uses_write_both_keys_on_insert_and_update) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    WriteTransaction tx(*d);
    {
        BulkWriter w(*d, "members", memberColumns(), 0);
        appendMemberRow(w, test::sampleMember("MD00000051", "张伟", "13800138051"),
                        formatTimestamp(nowUtc()));
        w.flush();
    }
    SociMemberRepository repo(*d);
    Member m = *repo.findByCard("MD00000051");
    m.name = "安琪";
    m.version += 1; // the staged row carries the version it will have
    {
        TempTable staging(*d, "md_test_keys", memberUpdateShapeSql());
        BulkWriter w(*d, staging.name(), memberUpdateColumns(), 0);
        appendMemberUpdate(w, m, formatTimestamp(nowUtc()));
        w.flush();
        applyMemberUpdates(*d, staging.name(), 1);
        staging.drop();
    }
    tx.commit();
    BOOST_TEST(repo.findByCard("MD00000051")->name == "安琪");
    BOOST_TEST(staleKeys(*d) == 0);
}

BOOST_AUTO_TEST_CASE(the_demo_loader_writes_both_keys) {
    test::TestDatabase t;
    auto d = t.open();
    DemoOptions o;
    o.members = 200;
    o.seed = 3;
    o.stores = 3;
    loadDemo(*d, DemoGenerator(o));
    BOOST_TEST(memberCount(*d) == 200);
    BOOST_TEST(staleKeys(*d) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
