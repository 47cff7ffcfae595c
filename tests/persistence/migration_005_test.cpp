// Migration 005: paid membership, referral and vouchers. Its C++ step gives every member already stored a
// unique referral code; the database keeps voucher codes unique and refuses a self-referral.
#include "persistence/membership_repository.h"
#include "persistence/migrations.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <set>

using namespace md;
using namespace md::db;

namespace {

std::unique_ptr<Database> openAtVersion4(const test::TestDatabase& t) {
    auto all = builtInMigrations();
    all.erase(std::remove_if(all.begin(), all.end(), [](const Migration& m) { return m.version > 4; }),
              all.end());
    ScopedMigrationSet previous(all);
    auto d = t.open(false);
    BOOST_REQUIRE(d->migrate() == 4);
    return d;
}

bool refused(Database& d, const std::string& sql) {
    try {
        d.sql() << sql;
    } catch (const std::exception&) {
        return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(migration_005)

BOOST_AUTO_TEST_CASE(the_step_gives_every_stored_member_a_unique_referral_code) {
    test::TestDatabase t;
    auto d = openAtVersion4(t);
    // 3,000 members inserted set-based, as a v4 database holds them.
    d->sql()
        << "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
           "INSERT INTO members (card_no, name, name_key, name_sort, card_digits, join_date, created_at, "
           "updated_at) SELECT 'MD' || CAST(100000 + i AS TEXT), 'M', 'm', 'm', CAST(100000 + i AS TEXT), "
           "'2024-01-01', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM n";
    BOOST_TEST(d->migrate() == Database::supportedSchemaVersion());
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(*) FROM referral_codes") == 3000);
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(DISTINCT code) FROM referral_codes") == 3000);
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(*) FROM referral_codes WHERE LENGTH(code) <> 8") == 0);
}

BOOST_AUTO_TEST_CASE(the_database_refuses_a_duplicate_voucher_code_and_a_self_referral) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    Member m = test::sampleMember();
    SociMemberRepository(*d).insert(m, d->actor());
    const std::string id = std::to_string(m.id);
    d->sql()
        << "INSERT INTO vouchers (code, value_minor, source, issued_on, valid_until, actor, recorded_at) "
           "VALUES ('ACDEFHJKMNPQRTW', 100, 'batch', '2025-01-01', '2025-12-31', 't', "
           "'2025-01-01T00:00:00Z')";
    BOOST_TEST(
        refused(*d, "INSERT INTO vouchers (code, value_minor, source, issued_on, valid_until, actor, "
                    "recorded_at) VALUES ('ACDEFHJKMNPQRTW', 100, 'batch', '2025-01-01', '2025-12-31', 't', "
                    "'2025-01-01T00:00:00Z')"));
    BOOST_TEST(refused(*d, "INSERT INTO referrals (referee_id, referrer_id, linked_at, actor) VALUES (" + id +
                               ", " + id + ", '2025-01-01T00:00:00Z', 't')"));
}

BOOST_AUTO_TEST_CASE(a_code_is_redeemed_by_one_conditional_update_only_once) {
    test::TestDatabase t;
    auto d = t.open();
    SociMembershipRepository repo(*d);
    membership::Voucher v;
    v.code = "ACDEFHJKMNPQRTW";
    v.valueMinor = 100;
    v.source = "batch";
    v.issuedOn = test::date("2025-01-01");
    v.validUntil = test::date("2025-12-31");
    v.actor = "t";
    BOOST_TEST(repo.insertVoucher(v, test::instant("2025-01-01T00:00:00Z")));
    BOOST_TEST(!repo.insertVoucher(v, test::instant("2025-01-01T00:00:00Z")));
    const auto now = test::instant("2025-03-01T00:00:00Z");
    BOOST_TEST((repo.redeem(v.code, std::nullopt, std::string("A"), test::date("2025-03-01"), now) ==
                membership::RedeemOutcome::Redeemed));
    BOOST_TEST((repo.redeem(v.code, std::nullopt, std::string("B"), test::date("2025-03-01"), now) ==
                membership::RedeemOutcome::AlreadyRedeemed));
    BOOST_TEST(*repo.voucher(v.code)->orderId == "A");
}

BOOST_AUTO_TEST_SUITE_END()
