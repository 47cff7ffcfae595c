// The page cache behind the virtual member list: block arithmetic, fetch plans, bounded memory, and
// — against a real database — that anchor-based fetches return exactly the rows of sequential paging.
#include "gui/member_page_cache.h"

#include "demo/demo_generator.h"
#include "persistence/demo_loader.h"
#include "persistence/member_browser.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using md::gui::MemberPageCache;

namespace {
std::vector<MemberRow> rows(std::int64_t firstId, int n) {
    std::vector<MemberRow> out(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        out[static_cast<std::size_t>(i)].id = firstId + i;
    return out;
}
db::RowKey key(std::int64_t id) {
    return db::RowKey{std::to_string(id), false, id};
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_page_cache)

BOOST_AUTO_TEST_CASE(block_zero_holds_the_first_row_and_a_page_each_later_block_starts_after_an_anchor) {
    MemberPageCache cache(200);
    BOOST_TEST(cache.blockOf(0) == 0);
    BOOST_TEST(cache.blockOf(200) == 0);
    BOOST_TEST(cache.blockOf(201) == 1);
    BOOST_TEST(cache.blockOf(400) == 1);
    BOOST_TEST(cache.blockOf(401) == 2);
    BOOST_TEST(cache.firstRowOf(0) == 0);
    BOOST_TEST(cache.firstRowOf(1) == 201);
    BOOST_TEST(cache.firstRowOf(5) == 1001);
}

BOOST_AUTO_TEST_CASE(before_the_anchors_arrive_only_the_next_block_after_a_known_one_can_be_fetched) {
    MemberPageCache cache(10);
    auto first = cache.fetchFor(0);
    BOOST_REQUIRE(first);
    BOOST_TEST(!first->after.has_value());
    BOOST_TEST(first->limit == 11);
    BOOST_TEST(!cache.fetchFor(1).has_value());
    BOOST_TEST(!cache.fetchFor(7).has_value());

    cache.store(0, rows(1, 11), key(11));
    auto second = cache.fetchFor(1);
    BOOST_REQUIRE(second);
    BOOST_TEST(second->after->id == 11);
    BOOST_TEST(second->limit == 10);
    BOOST_TEST(!cache.fetchFor(2).has_value());
}

BOOST_AUTO_TEST_CASE(with_anchors_any_block_is_one_fetch_after_its_anchor) {
    MemberPageCache cache(10);
    cache.setAnchors({key(1), key(11), key(21), key(31)});
    BOOST_TEST(cache.fetchFor(3)->after->id == 31);
    BOOST_TEST(!cache.fetchFor(4).has_value()); // beyond the last anchor: nothing there
}

BOOST_AUTO_TEST_CASE(rows_are_found_at_their_list_index) {
    MemberPageCache cache(10);
    cache.store(0, rows(100, 11), key(110));
    cache.store(2, rows(500, 10), key(509));
    BOOST_TEST(cache.find(0)->id == 100);
    BOOST_TEST(cache.find(10)->id == 110);
    BOOST_TEST(cache.find(11) == nullptr); // block 1 not fetched
    BOOST_TEST(cache.find(21)->id == 500);
    BOOST_TEST(cache.find(30)->id == 509);
}

BOOST_AUTO_TEST_CASE(memory_stays_bounded_by_evicting_the_least_recently_used_block) {
    MemberPageCache cache(10, 3);
    cache.store(0, rows(0, 11), key(10));
    cache.store(1, rows(11, 10), key(20));
    cache.store(2, rows(21, 10), key(30));
    BOOST_REQUIRE(cache.find(0)); // block 0 recently used: block 1 is now the oldest
    cache.store(3, rows(31, 10), key(40));
    BOOST_TEST(cache.cachedBlocks() == 3u);
    BOOST_TEST(cache.find(15) == nullptr);
    BOOST_TEST(cache.find(0) != nullptr);
    BOOST_TEST(cache.find(35) != nullptr);
    // An evicted block can still be followed sequentially: its end key is kept.
    BOOST_TEST(cache.fetchFor(2)->after->id == 20);
}

BOOST_AUTO_TEST_CASE(anchor_fetches_return_exactly_the_rows_of_sequential_paging_in_every_sort_order) {
    test::TestDatabase database;
    auto conn = database.open();
    DemoOptions options;
    options.members = 1234;
    options.seed = 3;
    db::loadDemo(*conn, DemoGenerator(options));

    for (int c = 0; c < 8; ++c) {
        for (bool ascending : {true, false}) {
            const auto column = static_cast<db::SortColumn>(c);
            db::MemberBrowser browser(*conn, column, ascending);
            std::vector<std::int64_t> sequential;
            std::optional<db::RowKey> after;
            for (auto page = browser.pageAfter(after, 97); !page.empty();
                 page = browser.pageAfter(after, 97)) {
                for (const auto& r : page)
                    sequential.push_back(r.id);
                after = browser.keyOf(page.back());
            }
            BOOST_REQUIRE_EQUAL(sequential.size(), 1234u);

            MemberPageCache cache(50, 100);
            cache.setAnchors(browser.anchors(cache.pageSize()));
            // Fetch blocks out of order, as a scroll-bar drag would.
            const int blocks = cache.blockOf(1233) + 1;
            for (int b = blocks - 1; b >= 0; b -= 2) {
                auto fetch = cache.fetchFor(b);
                BOOST_REQUIRE(fetch);
                cache.store(b, browser.pageAfter(fetch->after, fetch->limit), std::nullopt);
            }
            for (int b = blocks - 2; b >= 0; b -= 2) {
                auto fetch = cache.fetchFor(b);
                cache.store(b, browser.pageAfter(fetch->after, fetch->limit), std::nullopt);
            }
            for (std::int64_t row = 0; row < 1234; ++row) {
                const MemberRow* r = cache.find(row);
                BOOST_REQUIRE_MESSAGE(r, "row " << row << " missing, column " << c << " asc " << ascending);
                BOOST_REQUIRE_MESSAGE(r->id == sequential[static_cast<std::size_t>(row)],
                                      "row " << row << ", column " << c << ", ascending " << ascending);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
