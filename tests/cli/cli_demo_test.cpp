// memberdesk-cli demo: first-start seeding as ./run.sh uses it.
#include "persistence/member_repository.h"
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>

using namespace md::test;

BOOST_AUTO_TEST_SUITE(cli_demo)

BOOST_AUTO_TEST_CASE(demo_if_empty_seeds_an_empty_database_once_and_then_leaves_it_alone) {
    TestDatabase db;
    const auto first = runOn(db, {"demo", "--members", "150", "--seed", "5", "--if-empty"});
    BOOST_TEST(first.exitCode == 0, describe(first));
    auto conn = db.open(false);
    md::db::SociMemberRepository members(*conn);
    BOOST_TEST(members.count(md::MemberQuery{}) == 150);

    const auto again = runOn(db, {"demo", "--members", "150", "--seed", "5", "--if-empty"});
    BOOST_TEST(again.exitCode == 0, describe(again));
    BOOST_TEST(contains(again.out, "already has 150 members"), describe(again));
    BOOST_TEST(members.count(md::MemberQuery{}) == 150);
}

BOOST_AUTO_TEST_CASE(demo_without_if_empty_refuses_a_database_that_has_members) {
    TestDatabase db;
    BOOST_TEST(runOn(db, {"demo", "--members", "20"}).exitCode == 0);
    const auto r = runOn(db, {"demo", "--members", "20"});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "already has 20 members"), describe(r));
}

BOOST_AUTO_TEST_SUITE_END()
