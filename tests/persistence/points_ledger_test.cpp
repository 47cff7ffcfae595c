// The points ledger on both backends: lots, draws, idempotency, cover, debt, expiry, the database's
// own refusal to change ledger rows, the consistency check and the liability.
#include "persistence/loyalty_engine.h"
#include "persistence/loyalty_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdio>
#include <thread>

using namespace md;
using namespace md::loyalty;
using namespace md::test;

namespace {

struct LedgerFixture {
    TestDatabase database;
    std::unique_ptr<db::Database> db = database.open();
    db::SociLoyaltyRepository repo{*db};
    std::int64_t member = 0;
    Timestamp now = instant("2026-06-01T04:00:00Z");

    LedgerFixture() {
        addStores(*db);
        Member m = sampleMember();
        db::SociMemberRepository(*db).insert(m, db->actor());
        member = m.id;
    }

    PostResult credit(std::int64_t points, const std::string& key, const char* earned, const char* expires,
                      const char* available = nullptr) {
        Posting p;
        p.memberId = member;
        p.kind = EntryKind::Earn;
        p.points = points;
        p.qualifying = points;
        p.key = key;
        p.occurredAt = now;
        p.localDate = date(earned);
        p.availableOn = date(available ? available : earned);
        if (expires) p.expiresOn = date(expires);
        return repo.post(p, "tester", now);
    }

    PostResult debit(EntryKind kind, std::int64_t points, const std::string& key,
                     const char* day = "2026-06-01") {
        Posting p;
        p.memberId = member;
        p.kind = kind;
        p.points = -points;
        p.key = key;
        p.occurredAt = now;
        p.localDate = date(day);
        p.requireCover = kind != EntryKind::Reverse;
        return repo.post(p, "tester", now);
    }

    std::int64_t drawsOn(std::int64_t lot) {
        return countWhere(*db, "SELECT COALESCE(SUM(points), 0) FROM points_draws WHERE lot_id = " +
                                   std::to_string(lot));
    }
};

bool refused(db::Database& d, const std::string& sql) {
    try {
        d.sql() << sql;
    } catch (const std::exception&) {
        return true;
    }
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(points_ledger)

BOOST_AUTO_TEST_CASE(a_credit_forms_a_lot_that_the_balance_shows_as_spendable) {
    LedgerFixture f;
    const auto r = f.credit(300, "k1", "2026-05-01", "2027-05-31");
    BOOST_TEST((r.status == PostStatus::Posted));
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.spendable == 300);
    BOOST_TEST(b.total == 300);
    BOOST_TEST(b.qualifying == 300);
    BOOST_REQUIRE(b.lots.size() == 1u);
    BOOST_TEST(b.lots[0].entryId == r.entryId);
    BOOST_TEST(b.lots[0].remaining == 300);
}

BOOST_AUTO_TEST_CASE(posting_the_same_key_twice_writes_nothing_the_second_time) {
    LedgerFixture f;
    const auto first = f.credit(300, "order:SH001:1", "2026-05-01", "2027-05-31");
    const auto again = f.credit(300, "order:SH001:1", "2026-05-01", "2027-05-31");
    BOOST_TEST((again.status == PostStatus::Duplicate));
    BOOST_TEST(again.entryId == first.entryId);
    BOOST_TEST(countWhere(*f.db, "SELECT COUNT(*) FROM points_ledger") == 1);
    BOOST_TEST(f.repo.balance(f.member, date("2026-06-01"), 30).total == 300);
}

BOOST_AUTO_TEST_CASE(a_redemption_spends_the_nearest_to_expire_lot_first_and_records_its_draws) {
    LedgerFixture f;
    const auto late = f.credit(100, "late", "2026-05-01", "2027-12-31");
    const auto soon = f.credit(100, "soon", "2026-04-01", "2026-06-30");
    const auto never = f.credit(100, "never", "2026-03-01", nullptr);
    const auto r = f.debit(EntryKind::Redeem, 150, "r1");
    BOOST_TEST((r.status == PostStatus::Posted));
    BOOST_TEST(r.spendable == 150);
    BOOST_TEST(f.drawsOn(soon.entryId) == 100);
    BOOST_TEST(f.drawsOn(late.entryId) == 50);
    BOOST_TEST(f.drawsOn(never.entryId) == 0);
}

BOOST_AUTO_TEST_CASE(a_redemption_the_balance_cannot_cover_writes_nothing) {
    LedgerFixture f;
    f.credit(100, "c", "2026-05-01", "2027-05-31");
    const auto r = f.debit(EntryKind::Redeem, 101, "r1");
    BOOST_TEST((r.status == PostStatus::Short));
    BOOST_TEST(r.spendable == 100);
    BOOST_TEST(countWhere(*f.db, "SELECT COUNT(*) FROM points_ledger") == 1);
    BOOST_TEST(countWhere(*f.db, "SELECT COUNT(*) FROM points_draws") == 0);
    BOOST_TEST(f.repo.balance(f.member, date("2026-06-01"), 30).spendable == 100);
}

BOOST_AUTO_TEST_CASE(pending_points_are_shown_apart_and_cannot_be_spent_until_their_day) {
    LedgerFixture f;
    f.credit(100, "c", "2026-05-30", "2027-05-31", "2026-06-06");
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.pending == 100);
    BOOST_TEST(b.spendable == 0);
    BOOST_TEST((f.debit(EntryKind::Redeem, 10, "r1").status == PostStatus::Short));
    BOOST_TEST((f.debit(EntryKind::Redeem, 10, "r2", "2026-06-06").status == PostStatus::Posted));
}

BOOST_AUTO_TEST_CASE(points_expiring_soon_are_those_within_the_window) {
    LedgerFixture f;
    f.credit(70, "a", "2026-01-01", "2026-06-20");
    f.credit(30, "b", "2026-01-01", "2026-09-30");
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.expiringSoon == 70);
    BOOST_REQUIRE(b.nextExpiry.has_value());
    BOOST_TEST(formatDate(*b.nextExpiry) == "2026-06-20");
}

BOOST_AUTO_TEST_CASE(a_reverse_beyond_the_balance_is_owed_and_the_next_lot_pays_it_off) {
    LedgerFixture f;
    const auto lot = f.credit(100, "earn", "2026-05-01", "2027-05-31");
    BOOST_TEST((f.debit(EntryKind::Redeem, 80, "spend").status == PostStatus::Posted));
    const auto rev = f.debit(EntryKind::Reverse, 100, "refund"); // the purchase is refunded after spending
    BOOST_TEST((rev.status == PostStatus::Posted));
    Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.owed == 80);
    BOOST_TEST(b.spendable == 0);
    BOOST_TEST(b.total == -80);
    BOOST_TEST(f.drawsOn(lot.entryId) == 100);

    const auto next = f.credit(50, "earn2", "2026-06-01", "2027-06-30");
    b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.owed == 30);
    BOOST_TEST(b.spendable == 0);
    BOOST_TEST(f.drawsOn(next.entryId) == 50);
    f.credit(50, "earn3", "2026-06-01", "2027-06-30");
    b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.owed == 0);
    BOOST_TEST(b.spendable == 20);
    BOOST_TEST(b.total == 20);
}

BOOST_AUTO_TEST_CASE(the_database_refuses_to_change_or_delete_ledger_and_draw_rows) {
    LedgerFixture f;
    f.credit(100, "c", "2026-05-01", "2027-05-31");
    f.debit(EntryKind::Redeem, 10, "r");
    BOOST_TEST(refused(*f.db, "UPDATE points_ledger SET points = 1000000"));
    BOOST_TEST(refused(*f.db, "DELETE FROM points_ledger"));
    BOOST_TEST(refused(*f.db, "UPDATE points_draws SET points = 1"));
    BOOST_TEST(refused(*f.db, "DELETE FROM points_draws"));
    if (f.database.isPostgres()) {
        BOOST_TEST(refused(*f.db, "TRUNCATE points_ledger CASCADE"));
        BOOST_TEST(refused(*f.db, "TRUNCATE points_draws"));
    }
    BOOST_TEST(countWhere(*f.db, "SELECT SUM(points) FROM points_ledger") == 90);
}

BOOST_AUTO_TEST_CASE(expiry_writes_one_entry_per_lapsed_lot_and_a_second_run_writes_nothing) {
    LedgerFixture f;
    f.credit(100, "old", "2025-01-01", "2025-12-31");
    f.credit(40, "older", "2024-01-01", "2024-12-31");
    f.credit(60, "new", "2026-01-01", "2026-12-31");
    f.debit(EntryKind::Redeem, 30, "r", "2024-06-01"); // drawn from the lot expiring first
    BOOST_TEST(f.repo.expire(date("2026-06-01"), 0, "tester", f.now) == 2);
    BOOST_TEST(f.repo.expire(date("2026-06-01"), 0, "tester", f.now) == 0);
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.expired == 110); // 10 left of 'older' and all of 'old'
    BOOST_TEST(b.spendable == 60);
    BOOST_TEST(b.total == 60);
    BOOST_TEST(f.repo.checkBalances().empty());
}

BOOST_AUTO_TEST_CASE(points_check_names_a_member_whose_cached_balance_differs_from_the_ledger) {
    LedgerFixture f;
    f.credit(100, "c", "2026-05-01", "2027-05-31");
    BOOST_TEST(f.repo.checkBalances().empty());
    f.db->sql() << "UPDATE member_points SET balance = balance + 5";
    const auto bad = f.repo.checkBalances();
    BOOST_REQUIRE(bad.size() == 1u);
    BOOST_TEST(bad[0].cardNo == "MD000001");
    BOOST_TEST(bad[0].cached == 105);
    BOOST_TEST(bad[0].ledger == 100);
}

BOOST_AUTO_TEST_CASE(liability_on_a_date_counts_points_held_then_and_not_lots_already_past_their_day) {
    LedgerFixture f;
    f.credit(100, "a", "2025-01-10", "2025-12-31");
    f.credit(50, "b", "2026-02-01", "2026-12-31");
    f.debit(EntryKind::Redeem, 20, "r", "2026-03-01");
    BOOST_TEST(f.repo.liability(date("2025-06-01")).points == 100);
    BOOST_TEST(f.repo.liability(date("2026-02-15")).points == 50); // lot a lapsed, not yet expired by the job
    BOOST_TEST(f.repo.liability(date("2026-03-15")).points == 30);
    f.repo.expire(date("2026-03-15"), 0, "tester", f.now);
    BOOST_TEST(f.repo.liability(date("2026-03-15")).points == 30); // the same once the expiry ran
    BOOST_TEST(f.repo.liability(date("2026-03-15")).members == 1);
}

BOOST_AUTO_TEST_CASE(concurrent_adjustments_and_redemptions_end_exact_and_never_below_zero) {
    LedgerFixture f;
    f.credit(50, "seed", "2026-01-01", "2027-12-31");
    constexpr int kWorkers = 4, kEach = 60;
    std::atomic<int> redeemed{0}, credited{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < kWorkers; ++w)
        workers.emplace_back([&, w] {
            auto conn = f.database.open(false);
            db::SociLoyaltyRepository repo(*conn);
            for (int i = 0; i < kEach; ++i) {
                Posting p;
                p.memberId = f.member;
                p.occurredAt = f.now;
                p.localDate = date("2026-06-01");
                p.key = "w" + std::to_string(w) + "-" + std::to_string(i);
                if (i % 3 == 0) {
                    p.kind = EntryKind::Adjust;
                    p.points = 5;
                    p.availableOn = p.localDate;
                    p.expiresOn = date("2027-12-31");
                } else {
                    p.kind = EntryKind::Redeem;
                    p.points = -7;
                }
                const auto r = repo.post(p, "worker", f.now);
                if (r.status == PostStatus::Posted) (p.points > 0 ? credited : redeemed) += 1;
            }
        });
    for (auto& t : workers)
        t.join();
    const std::int64_t expected = 50 + 5 * credited.load() - 7 * redeemed.load();
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.total == expected);
    BOOST_TEST(b.spendable == expected);
    BOOST_TEST(b.owed == 0);
    BOOST_TEST(f.repo.checkBalances().empty());
    // Replayed in the order they were written, the balance never went below zero.
    std::int64_t running = 0, lowest = 0;
    long long pts = 0;
    soci::statement st =
        (f.db->sql().prepare << "SELECT points FROM points_ledger ORDER BY id", soci::into(pts));
    st.execute();
    while (st.fetch()) {
        running += pts;
        lowest = std::min(lowest, running);
    }
    BOOST_TEST(lowest == 0);
    BOOST_TEST(redeemed.load() > 0);
}

BOOST_AUTO_TEST_CASE(eight_processes_posting_to_one_member_end_exact_and_never_below_zero) {
    LedgerFixture f;
    f.credit(50, "seed", "2026-01-01", "2027-12-31");
    // The figure on PostgreSQL: 8 × 1,000; SQLite serialises writers on one file, so fewer.
    const int each = f.database.isPostgres() ? 1000 : 150;
    std::vector<FILE*> workers;
    for (int w = 0; w < 8; ++w) {
        const std::string cmd = std::string("'") + MEMBERDESK_POINTS_WORKER + "' '" + f.database.urlText() +
                                "' " + std::to_string(f.member) + " " + std::to_string(each) + " p" +
                                std::to_string(w);
        workers.push_back(popen(cmd.c_str(), "r"));
        BOOST_REQUIRE(workers.back() != nullptr);
    }
    int credited = 0, redeemed = 0;
    for (FILE* w : workers) {
        int c = 0, r = 0;
        BOOST_TEST(std::fscanf(w, "credited %d redeemed %d", &c, &r) == 2);
        BOOST_TEST(pclose(w) == 0);
        credited += c;
        redeemed += r;
    }
    const std::int64_t expected = 50 + 5 * credited - 7 * redeemed;
    const Balance b = f.repo.balance(f.member, date("2026-06-01"), 30);
    BOOST_TEST(b.total == expected);
    BOOST_TEST(b.spendable == expected);
    BOOST_TEST(f.repo.checkBalances().empty());
    std::int64_t running = 0, lowest = 0;
    long long pts = 0;
    soci::statement st =
        (f.db->sql().prepare << "SELECT points FROM points_ledger ORDER BY id", soci::into(pts));
    st.execute();
    while (st.fetch()) {
        running += pts;
        lowest = std::min(lowest, running);
    }
    BOOST_TEST(lowest == 0);
    BOOST_TEST(countWhere(*f.db, "SELECT COUNT(*) FROM points_ledger") == 1 + credited + redeemed);
}

BOOST_AUTO_TEST_SUITE_END()
