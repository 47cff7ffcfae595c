// Optimistic locking: a save only succeeds against the version it was read at; a stale save is refused
// with both versions named and overwrites nothing.
#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace md;
using namespace md::db;

BOOST_AUTO_TEST_SUITE(optimistic_lock)

BOOST_AUTO_TEST_CASE(each_save_bumps_the_version_by_one) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember();
    repo.insert(m, d->actor());
    m.name = "王晓明";
    repo.update(m, d->actor());
    BOOST_TEST(m.version == 2);
    m.smsConsent = Consent{true, "agent", test::instant("2024-06-01T00:00:00Z")};
    repo.update(m, d->actor());
    BOOST_TEST(m.version == 3);
    auto back = repo.findById(m.id);
    BOOST_REQUIRE(back);
    BOOST_TEST((*back == m));
}

BOOST_AUTO_TEST_CASE(the_second_of_two_saves_from_the_same_version_is_refused_naming_both_versions) {
    test::TestDatabase t;
    auto setup = t.open();
    test::addStores(*setup);
    Member original = test::sampleMember("MD000777");
    SociMemberRepository(*setup).insert(original, setup->actor());

    auto first = t.open(false), second = t.open(false);
    SociMemberRepository repoA(*first), repoB(*second);
    Member a = *repoA.findById(original.id);
    Member b = *repoB.findById(original.id);
    a.name = "王小明（A）";
    b.name = "王小明（B）";
    repoA.update(a, first->actor());
    try {
        repoB.update(b, second->actor());
        BOOST_FAIL("a stale save went through");
    } catch (const ConflictError& e) {
        BOOST_TEST(e.cardNo() == "MD000777");
        BOOST_TEST(e.yourVersion() == 1);
        BOOST_TEST(e.currentVersion() == 2);
    }
    BOOST_TEST(b.version == 1); // the caller's copy is left as it was, to show and merge
    auto stored = repoA.findById(original.id);
    BOOST_TEST(stored->name == "王小明（A）");
    BOOST_TEST(stored->version == 2);
    BOOST_TEST(auditTrail(*first, "member", std::to_string(original.id)).size() == 2u); // insert + A's update
}

BOOST_AUTO_TEST_CASE(saving_a_member_deleted_meanwhile_throws_not_found) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember();
    repo.insert(m, d->actor());
    d->sql() << "DELETE FROM members WHERE id = :id", soci::use(m.id);
    m.name = "gone";
    BOOST_CHECK_THROW(repo.update(m, d->actor()), NotFound);
}

BOOST_AUTO_TEST_SUITE_END()
