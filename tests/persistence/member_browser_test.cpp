// The member browser's keyset paging: every row exactly once, in order, in every sort order and both
// directions (NULLs first as ''), numbers compared as numbers, anchors that match the pages, and page
// queries that the planner answers from the sort column's index.
//
// Measured at 1,000,000 members on this kind of machine (2 shared cores, busy; details in
// persistence/member_browser.cpp and 001_initial.sql): anchors(100) 0.14–0.32 s SQLite, 0.24–0.36 s
// PostgreSQL; a 100-row page 0.3–1.9 ms SQLite, 0.3–2.4 ms PostgreSQL, wherever in the list it starts.
// Timings are never asserted here; the plan checks below keep the queries on their indexes.
#include "domain/member_query.h"
#include "persistence/member_browser.h"
#include "persistence/member_mapping.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

using namespace md;
using namespace md::db;

namespace {

constexpr int kMembers = 240;
const SortColumn kMemberColumns[] = {SortColumn::Card,   SortColumn::Name,     SortColumn::Phone,
                                     SortColumn::Store,  SortColumn::JoinDate, SortColumn::LastPurchase,
                                     SortColumn::Orders, SortColumn::Revenue};
// The loyalty columns come from member_tiers / member_points; some members have no row there.
const SortColumn kColumns[] = {SortColumn::Card,   SortColumn::Name,     SortColumn::Phone,
                               SortColumn::Store,  SortColumn::JoinDate, SortColumn::LastPurchase,
                               SortColumn::Orders, SortColumn::Revenue,  SortColumn::Tier,
                               SortColumn::Points};
const char* const kNames[] = {"王小明", "王芳", "李娜", "Wang Lei", "walter",
                              "Anna",   "张伟", "Zoë",  "anna",     "刘洋"};

bool numeric(SortColumn c) {
    return c == SortColumn::Orders || c == SortColumn::Revenue || c == SortColumn::Tier ||
           c == SortColumn::Points;
}

// Members with many ties and gaps in every column: repeated names, dates, stores, order counts, and
// missing phones, stores and last purchases.
struct BrowserFixture {
    test::TestDatabase t;
    std::unique_ptr<Database> d = t.open();

    BrowserFixture() {
        test::addStores(*d);
        SociMemberRepository repo(*d);
        const char* stores[] = {"SH001", "BJ002", "GZ003", ""};
        for (int i = 1; i <= kMembers; ++i) {
            Member m;
            char card[16];
            std::snprintf(card, sizeof card, "C%05d", (i * 37) % 1000);
            m.card = CardNumber::parse(card).value();
            m.name = kNames[i % 10];
            if (i % 5 != 0)
                m.phone = PhoneNumber::parse("139" + std::to_string(10000000 + (i * 7) % 40)).value();
            m.email = EmailAddress::parse("m" + std::to_string(i) + "@example.cn").value();
            m.joinDate = test::date("2023-01-01") + std::chrono::days(i % 15);
            m.homeStore = stores[i % 4];
            repo.insert(m, d->actor());
            long long orders = (i * 7) % 12, revenue = (i % 9) * 1000 + (i % 3 ? 5 : 95);
            std::string last =
                "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T08:00:00Z";
            soci::indicator lastInd = i % 4 == 0 ? soci::i_null : soci::i_ok;
            d->sql()
                << "UPDATE members SET orders = :o, revenue_minor = :r, last_purchase_at = :l WHERE id = :id",
                soci::use(orders), soci::use(revenue), soci::use(last, lastInd), soci::use(m.id);
            // Points for two members in three (negative, zero and ties included), a tier for three in
            // four: the rest sort as 0 among those with a row.
            const std::string now = "2024-01-01T00:00:00Z";
            if (i % 3 != 0) {
                long long balance = (i % 7) * 100 - 100;
                d->sql() << "INSERT INTO member_points (member_id, balance, qualifying, owed, updated_at) "
                            "VALUES (:m, :b, 0, 0, :u)",
                    soci::use(m.id), soci::use(balance), soci::use(now);
            }
            if (i % 4 != 1) {
                int rank = i % 4;
                std::string code = "T" + std::to_string(rank);
                d->sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) "
                            "VALUES (:m, :c, :r, '2024-01-01', :u)",
                    soci::use(m.id), soci::use(code), soci::use(rank), soci::use(now);
            }
        }
    }

    // Every row in the order it must come, computed here from the rows themselves.
    std::vector<MemberRow> expected(MemberBrowser& b, bool asc) {
        std::vector<MemberRow> all;
        std::optional<RowKey> none;
        for (auto& r : MemberBrowser(*d, SortColumn::Card, true).pageAfter(none, kMembers + 10))
            all.push_back(r);
        auto less = [&](const MemberRow& x, const MemberRow& y) {
            RowKey a = b.keyOf(x), c = b.keyOf(y);
            if (a.value != c.value) {
                const bool lt = !a.value.empty() && !c.value.empty() && numericColumn
                                    ? std::stoll(a.value) < std::stoll(c.value)
                                    : a.value < c.value; // byte order, as COLLATE BINARY / "C"
                return asc ? lt : !lt;
            }
            return asc ? a.id < c.id : a.id > c.id;
        };
        std::sort(all.begin(), all.end(), less);
        return all;
    }
    bool numericColumn = false;
};

std::vector<MemberRow> pageThrough(MemberBrowser& b, int pageSize) {
    std::vector<MemberRow> out;
    std::optional<RowKey> after;
    for (;;) {
        auto page = b.pageAfter(after, pageSize);
        out.insert(out.end(), page.begin(), page.end());
        if (static_cast<int>(page.size()) < pageSize) return out;
        after = b.keyOf(page.back());
    }
}

std::string describe(SortColumn c, bool asc) {
    return "column " + std::to_string(static_cast<int>(c)) + (asc ? " ascending" : " descending");
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(member_browser, BrowserFixture)

BOOST_AUTO_TEST_CASE(paging_returns_every_row_once_in_order_for_every_column_and_direction) {
    for (SortColumn c : kColumns)
        for (bool asc : {true, false}) {
            BOOST_TEST_CONTEXT(describe(c, asc)) {
                MemberBrowser b(*d, c, asc);
                numericColumn = numeric(c);
                BOOST_TEST(b.count() == kMembers);
                auto got = pageThrough(b, 7);
                auto want = expected(b, asc);
                BOOST_REQUIRE(got.size() == want.size());
                std::set<std::int64_t> ids;
                for (std::size_t i = 0; i < got.size(); ++i) {
                    ids.insert(got[i].id);
                    BOOST_TEST(got[i].id == want[i].id, "row " << i);
                }
                BOOST_TEST(ids.size() == static_cast<std::size_t>(kMembers));
            }
        }
}

BOOST_AUTO_TEST_CASE(sorting_by_name_lists_chinese_names_in_pinyin_order) {
    // By code point it would be 刘 张 李 王; in pinyin li, liu, wang fang, wang xiaoming, zhang.
    const std::vector<std::string> pinyin{"李娜", "刘洋", "王芳", "王小明", "张伟"};
    for (bool asc : {true, false}) {
        MemberBrowser b(*d, SortColumn::Name, asc);
        std::vector<std::string> han;
        std::optional<RowKey> after;
        // Small pages, so the order also holds across page boundaries found by keyOf().
        for (auto page = b.pageAfter(after, 7); !page.empty(); page = b.pageAfter(b.keyOf(page.back()), 7))
            for (const auto& r : page)
                if (std::find(pinyin.begin(), pinyin.end(), r.name) != pinyin.end() &&
                    (han.empty() || han.back() != r.name))
                    han.push_back(r.name);
        auto want = pinyin;
        if (!asc) std::reverse(want.begin(), want.end());
        BOOST_TEST(han == want);
    }
}

BOOST_AUTO_TEST_CASE(numbers_sort_as_numbers_not_text) {
    MemberBrowser b(*d, SortColumn::Orders, true);
    auto rows = pageThrough(b, 50);
    BOOST_TEST(rows.front().orders == 0);
    BOOST_TEST(rows.back().orders == 11); // as text "9" would come last
}

BOOST_AUTO_TEST_CASE(anchors_are_the_first_keys_of_each_page_in_order) {
    for (SortColumn c : kColumns)
        for (bool asc : {true, false}) {
            BOOST_TEST_CONTEXT(describe(c, asc)) {
                MemberBrowser b(*d, c, asc);
                auto rows = pageThrough(b, 25);
                auto anchors = b.anchors(25);
                BOOST_REQUIRE(anchors.size() == static_cast<std::size_t>((kMembers + 24) / 25));
                for (std::size_t k = 0; k < anchors.size(); ++k) {
                    const RowKey want = b.keyOf(rows[k * 25]);
                    BOOST_TEST(anchors[k].id == want.id, "anchor " << k);
                    BOOST_TEST(anchors[k].value == want.value, "anchor " << k);
                    BOOST_TEST(anchors[k].isNull == want.isNull, "anchor " << k);
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(a_page_query_is_answered_from_the_sort_columns_index) {
    if (t.isPostgres()) {
        // A 240-row table is cheaper to scan and sort; forbid that to see whether the index can serve.
        d->sql() << "SET enable_seqscan = off";
        d->sql() << "SET enable_bitmapscan = off";
    }
    for (SortColumn c : kMemberColumns)
        for (bool asc : {true, false}) {
            BOOST_TEST_CONTEXT(describe(c, asc)) {
                MemberBrowser b(*d, c, asc);
                auto first = b.pageAfter(std::nullopt, kMembers / 2);
                const RowKey key = b.keyOf(first.back());
                b.pageAfter(key, 10);
                // Replay the statement with its values inlined (test data only) under EXPLAIN.
                const std::string value = numeric(c) ? key.value : "'" + key.value + "'";
                const std::map<std::string, std::string> values = {
                    {"v", value}, {"v1", value}, {"v2", value}, {"id", std::to_string(key.id)},
                    {"n", "10"},  {"n1", "10"},  {"n2", "10"}};
                std::string query = d->sql().get_last_query(), inlined;
                std::regex placeholder(R"(:([a-z][a-z0-9]*))");
                std::sregex_iterator it(query.begin(), query.end(), placeholder), end;
                std::size_t pos = 0;
                for (; it != end; ++it) {
                    inlined += query.substr(pos, it->position() - pos) + values.at((*it)[1].str());
                    pos = it->position() + it->length();
                }
                inlined += query.substr(pos);
                std::string plan;
                soci::rowset<soci::row> rows =
                    d->sql().prepare << (t.isPostgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + inlined;
                for (const auto& r : rows)
                    plan += rowText(r, t.isPostgres() ? 0 : 3) + "\n";
                BOOST_TEST_MESSAGE(plan);
                if (t.isPostgres()) {
                    BOOST_TEST(
                        std::regex_search(plan, std::regex("Index (Only )?Scan( Backward)? using members_")),
                        plan);
                    BOOST_TEST(plan.find("Sort") == std::string::npos, plan);
                } else {
                    BOOST_TEST(plan.find("SEARCH members USING") != std::string::npos, plan);
                    BOOST_TEST(plan.find("SCAN members") == std::string::npos, plan);
                }
            }
        }
}

BOOST_AUTO_TEST_CASE(loyalty_columns_show_the_stored_tier_and_points_and_zero_without_a_row) {
    MemberBrowser b(*d, SortColumn::Points, false);
    const auto rows = pageThrough(b, 11);
    BOOST_REQUIRE(rows.size() == static_cast<std::size_t>(kMembers));
    BOOST_TEST(rows.front().points == 500); // (i % 7 == 6) * 100 - 100
    BOOST_TEST(rows.back().points == -100);
    std::map<std::int64_t, const MemberRow*> byId;
    for (const auto& r : rows)
        byId[r.id] = &r;
    // Member ids follow insertion order (1..kMembers) in a fresh database.
    BOOST_TEST(byId.at(3)->points == 0); // no member_points row
    BOOST_TEST(byId.at(3)->tier == "T3");
    BOOST_TEST(byId.at(3)->tierRank == 3);
    BOOST_TEST(byId.at(5)->tier == ""); // no member_tiers row
    BOOST_TEST(byId.at(5)->tierRank == 0);
    BOOST_TEST(byId.at(5)->points == 400);
}

BOOST_AUTO_TEST_SUITE_END()
