// SociMemberRepository / SociStoreRepository: what is written reads back identically, derived keys
// are stored for the indexes, and a taken card number is reported as such.
#include "domain/errors.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace md;
using namespace md::db;
using md::test::instant;

BOOST_AUTO_TEST_SUITE(member_repository)

BOOST_AUTO_TEST_CASE(insert_assigns_id_and_version_one_and_find_returns_the_same_member) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember("md000001", "王小明 Wang");
    repo.insert(m, d->actor());
    BOOST_TEST(m.id > 0);
    BOOST_TEST(m.version == 1);
    auto byId = repo.findById(m.id);
    BOOST_REQUIRE(byId);
    BOOST_TEST((*byId == m));
    BOOST_TEST(byId->name == "王小明 Wang");
    BOOST_TEST(byId->emailConsent.granted);
    BOOST_TEST(byId->emailConsent.source == "store");
    BOOST_TEST((byId->emailConsent.at == instant("2023-03-01T02:15:00Z")));
    BOOST_TEST(!byId->smsConsent.granted);
    auto byCard = repo.findByCard("md000001"); // typed in lower case
    BOOST_REQUIRE(byCard);
    BOOST_TEST(byCard->id == m.id);
}

BOOST_AUTO_TEST_CASE(optional_fields_left_empty_read_back_empty) {
    test::TestDatabase t;
    auto d = t.open();
    SociMemberRepository repo(*d);
    Member m;
    m.card = CardNumber::parse("LITE-0001").value();
    m.name = "Anna";
    m.email = EmailAddress::parse("anna@example.com").value();
    m.joinDate = test::date("2024-01-31");
    repo.insert(m, d->actor());
    auto back = repo.findById(m.id);
    BOOST_REQUIRE(back);
    BOOST_TEST((*back == m));
    BOOST_TEST(!back->phone);
    BOOST_TEST(!back->birthday);
    BOOST_TEST(back->homeStore.empty());
    BOOST_TEST(!back->emailConsent.at);
}

BOOST_AUTO_TEST_CASE(unknown_id_or_card_finds_nothing) {
    test::TestDatabase t;
    auto d = t.open();
    SociMemberRepository repo(*d);
    BOOST_TEST(!repo.findById(42));
    BOOST_TEST(!repo.findByCard("NOPE0001"));
}

BOOST_AUTO_TEST_CASE(insert_stores_search_keys_and_utc_timestamps) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember("MD000002", "  Wang   XIAO Ming ", "13912345678");
    repo.insert(m, d->actor());
    std::string nameKey, phoneRev, emailKey, created, updated;
    d->sql() << "SELECT name_key, phone_rev, email_key, created_at, updated_at FROM members WHERE id = :id",
        soci::use(m.id), soci::into(nameKey), soci::into(phoneRev), soci::into(emailKey), soci::into(created),
        soci::into(updated);
    BOOST_TEST(nameKey == "wang xiao ming");
    BOOST_TEST(phoneRev == "8765432193168"); // +86 139 1234 5678, digits reversed
    BOOST_TEST(emailKey == "xiaoming.wang@example.cn");
    BOOST_TEST(created.size() == 20u);
    BOOST_TEST(created.back() == 'Z');
    BOOST_TEST(created == updated);
}

BOOST_AUTO_TEST_CASE(a_taken_card_number_is_refused_naming_the_card) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member a = test::sampleMember("MD000003");
    repo.insert(a, d->actor());
    Member b = test::sampleMember("MD000003", "李四", "13700000000");
    try {
        repo.insert(b, d->actor());
        BOOST_FAIL("duplicate card accepted");
    } catch (const DatabaseError& e) {
        BOOST_TEST(std::string(e.what()).find("MD000003") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find("already in use") != std::string::npos);
    }
    BOOST_TEST(b.id == 0);
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(*) FROM members") == 1);
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(*) FROM audit_log WHERE entity = 'member'") == 1);
}

BOOST_AUTO_TEST_CASE(totals_and_recent_transactions_read_the_stored_figures_newest_first) {
    test::TestDatabase t;
    auto d = t.open();
    test::addStores(*d);
    SociMemberRepository repo(*d);
    Member m = test::sampleMember("MD000004");
    repo.insert(m, d->actor());
    BOOST_TEST(repo.totals(m.id).orders == 0);
    BOOST_TEST(!repo.totals(m.id).lastPurchase);
    for (auto [order, at, amount, kind] : {std::tuple{"A-1", "2024-01-05T10:00:00Z", 12850LL, "purchase"},
                                           {"A-2", "2024-03-01T09:30:00Z", 5000LL, "purchase"},
                                           {"A-3", "2024-03-02T12:00:00Z", 5000LL, "refund"}}) {
        std::string o = order, a = at, k = kind;
        long long amt = amount;
        d->sql() << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, "
                    "amount_minor, "
                    "currency, kind, items, category) VALUES (:o, :m, 'SH001', 'store', :a, :amt, 'CNY', :k, "
                    "2, '鞋')",
            soci::use(o), soci::use(m.id), soci::use(a), soci::use(amt), soci::use(k);
    }
    d->sql() << "UPDATE members SET orders = 2, revenue_minor = 12850, first_purchase_at = "
                "'2024-01-05T10:00:00Z', "
                "last_purchase_at = '2024-03-01T09:30:00Z' WHERE id = :id",
        soci::use(m.id);
    auto totals = repo.totals(m.id);
    BOOST_TEST(totals.orders == 2);
    BOOST_TEST(totals.revenue.minor() == 12850);
    BOOST_TEST((totals.firstPurchase == instant("2024-01-05T10:00:00Z")));
    BOOST_TEST((totals.lastPurchase == instant("2024-03-01T09:30:00Z")));
    auto recent = repo.recentTransactions(m.id, 2);
    BOOST_REQUIRE(recent.size() == 2u);
    BOOST_TEST(recent[0].orderId == "A-3");
    BOOST_TEST((recent[0].kind == TransactionKind::Refund));
    BOOST_TEST(recent[0].cardNo == "MD000004");
    BOOST_TEST(recent[0].category == "鞋");
    BOOST_TEST(recent[1].orderId == "A-2");
    BOOST_TEST(recent[1].amount.minor() == 5000);
    BOOST_CHECK_THROW(repo.totals(m.id + 1000), NotFound);
}

BOOST_AUTO_TEST_CASE(store_upsert_inserts_then_updates_by_code_with_audit) {
    test::TestDatabase t;
    auto d = t.open();
    SociStoreRepository stores(*d);
    Store s{0, "SZ009", "深圳万象城店", "深圳"};
    stores.upsert(s, d->actor());
    BOOST_TEST(s.id > 0);
    Store renamed{0, "SZ009", "深圳万象天地店", "深圳"};
    stores.upsert(renamed, d->actor());
    BOOST_TEST(renamed.id == s.id);
    auto back = stores.findByCode("SZ009");
    BOOST_REQUIRE(back);
    BOOST_TEST(back->name == "深圳万象天地店");
    BOOST_TEST(stores.all().size() == 1u);
    BOOST_TEST(!stores.findByCode("XX000"));
    BOOST_TEST(test::countWhere(*d, "SELECT COUNT(*) FROM audit_log WHERE entity = 'store'") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
