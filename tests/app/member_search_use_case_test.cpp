// The desktop search box's use case: the first matches and the number of all matches, on both backends.
#include "app/member_search.h"
#include "app/members.h"
#include "domain/user_error.h"
#include "persistence/soci_data_store.h"
#include "tests/app/app_fixture.h"
#include "tests/persistence/import_test_support.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::test;

namespace {
struct Fixture : AppFixture {
    Fixture() {
        for (int i = 0; i < 5; ++i) {
            Member m = sampleMember("MD90000" + std::to_string(10 + i), "孙" + std::to_string(i),
                                    "139000000" + std::to_string(10 + i));
            app::addMember(ctx, store, m);
        }
    }
};
} // namespace

BOOST_AUTO_TEST_SUITE(member_search_use_case)

BOOST_FIXTURE_TEST_CASE(more_matches_than_the_limit_return_the_limit_and_count_them_all, Fixture) {
    const auto found = app::findMembersCounted(ctx, store, "孙", 3);
    BOOST_TEST(found.rows.size() == 3u);
    BOOST_TEST(found.total == 5);
}

BOOST_FIXTURE_TEST_CASE(fewer_matches_than_the_limit_are_counted_from_the_rows, Fixture) {
    const auto found = app::findMembersCounted(ctx, store, "13900000012", 10);
    BOOST_REQUIRE(found.rows.size() == 1u);
    BOOST_TEST(found.rows.front().card == "MD9000012");
    BOOST_TEST(found.total == 1);
}

BOOST_FIXTURE_TEST_CASE(text_too_short_to_search_is_a_user_error, Fixture) {
    BOOST_CHECK_THROW(app::findMembersCounted(ctx, store, "13", 10), UserError);
}

BOOST_AUTO_TEST_SUITE_END()
