// A segment count at scale: the rule compiled by persistence/segment_sql.cpp against a hand-written SQL
// query for the same rules, in the same run, on the same data.
//
//   segment_bench [--pg ADMIN_URL] [--work DIR] [--members 1000000] [--orders 5000000] [--reuse 1]
//
// Builds members (profile, consents, stores) and a year of orders straight in SQL, recomputes the member
// totals from the orders, places every member in a tier and gives them points, then times each count
// (one warm-up, then the median of five runs; two rounds, compiled and hand-written alternating, the
// better round of each). --reuse 1 keeps the database of an earlier run. Prints figures and ratios;
// asserts nothing.
#include "bench/bench_common.h"
#include "persistence/member_totals.h"
#include "persistence/native_sql.h"
#include "persistence/segment_repository.h"

#include <iomanip>

#include <sys/resource.h>

using namespace md;
using namespace md::bench;

namespace {

void generate(db::Database& d, std::int64_t members, std::int64_t orders) {
    const bool pg = d.dialect().isPostgres();
    std::vector<std::string> stores(4);
    d.sql() << "SELECT code FROM stores ORDER BY code LIMIT 4", soci::into(stores);
    stores.resize(4, stores.empty() ? std::string() : stores.front());
    const std::string series =
        pg ? "SELECT generate_series(1::bigint, :n) AS i"
           : "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n) SELECT i FROM s";
    db::WriteTransaction tx(d);
    long long n = members;
    const std::string card = pg ? "'B' || lpad(i::text, 9, '0')" : "printf('B%09d', i)";
    const std::string birthday =
        pg ? "(1950 + i % 55)::text || '-' || lpad((1 + i % 12)::text, 2, '0') || '-15'"
           : "printf('%d-%02d-15', 1950 + i % 55, 1 + i % 12)";
    d.sql()
        << "INSERT INTO members (card_no, name, name_key, birthday, gender, join_date, home_store, status, "
           "email_consent, sms_consent, created_at, updated_at) SELECT " +
               card + ", 'Member ' || i, 'member ' || i, " + birthday +
               ", CASE i % 3 WHEN 0 THEN 'F' WHEN 1 THEN 'M' ELSE '' END, '2023-01-01', CASE i % 5 WHEN 0 "
               "THEN NULL WHEN 1 THEN :s0 WHEN 2 THEN :s1 WHEN 3 THEN :s2 ELSE :s3 END, CASE WHEN i % 50 = 0 "
               "THEN 'suspended' ELSE 'active' END, CASE WHEN i % 3 = 0 THEN 0 ELSE 1 END, CASE WHEN i % 4 "
               "= 0 THEN 0 ELSE 1 END, '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z' FROM (" +
               series + ") x",
        soci::use(n, "n"), soci::use(stores[0], "s0"), soci::use(stores[1], "s1"), soci::use(stores[2], "s2"),
        soci::use(stores[3], "s3");
    // A year of orders up to 2026-10-31; members buy unevenly (a quarter of them never in this year).
    long long o = orders, m = members * 3 / 4;
    const std::string at =
        pg ? "to_char(to_timestamp(1793404800 - (i * 31536000 / :o2)) AT TIME ZONE 'UTC', "
             "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
           : "strftime('%Y-%m-%dT%H:%M:%SZ', 1793404800 - (i * 31536000 / :o2), 'unixepoch')";
    d.sql()
        << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, amount_minor, "
           "currency, kind, category) SELECT 'O' || i, 1 + (i * 7919) % :m, CASE i % 4 WHEN 0 THEN :s0 "
           "WHEN 1 THEN :s1 WHEN 2 THEN :s2 ELSE :s3 END, CASE i % 3 WHEN 0 THEN 'store' WHEN 1 THEN "
           "'online' ELSE 'app' END, " +
               at +
               ", 1000 + (i * 104729) % 50000, 'CNY', 'purchase', CASE i % 5 WHEN 0 THEN 'beauty' WHEN 1 "
               "THEN 'food' WHEN 2 THEN 'apparel' WHEN 3 THEN 'home' ELSE 'electronics' END FROM (" +
               series + ") x",
        soci::use(m, "m"), soci::use(stores[0], "s0"), soci::use(stores[1], "s1"), soci::use(stores[2], "s2"),
        soci::use(stores[3], "s3"), soci::use(o, "o2"), soci::use(o, "n");
    d.sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) SELECT id, "
               "CASE id % 4 "
               "WHEN 0 THEN 'REGULAR' WHEN 1 THEN 'SILVER' WHEN 2 THEN 'GOLD' ELSE 'BLACK' END, id % 4, "
               "'2025-01-01', '2026-11-01T00:00:00Z' FROM members";
    d.sql() << "INSERT INTO member_points (member_id, balance, updated_at) SELECT id, (id * 37) % 5000, "
               "'2026-11-01T00:00:00Z' FROM members WHERE id % 10 <> 0";
    db::rebuildMemberTotals(d, "2026-11-01T00:00:00Z");
    tx.commit();
    d.sql() << "ANALYZE";
}

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Timing {
    double wall = 0, cpu = 0; ///< medians; cpu is this process's (SQLite runs in it; PostgreSQL does not)
};

// Wall time on a shared machine includes waiting for a core; the CPU time of the process does not.
template <class F> Timing median(F&& f) {
    f(); // warm-up: the first run reads the table from disk into the cache
    std::vector<double> wall, cpu;
    for (int i = 0; i < 5; ++i) {
        const auto t = Clock::now();
        const double c = cpuSeconds();
        f();
        wall.push_back(secondsSince(t));
        cpu.push_back(cpuSeconds() - c);
    }
    return {percentile(wall, 0.5), percentile(cpu, 0.5)};
}

void compare(db::Database& d, const char* title, const std::string& rule, const std::string& handWritten) {
    const auto parsed = segments::parseRule(rule);
    if (!parsed) throw std::runtime_error(parsed.error());
    segments::SegmentQuery q;
    q.rule = &parsed.value();
    q.today = parseDate("2026-11-01").value();
    q.zone = TimeZone::load("Asia/Shanghai").value();
    q.baseTier = "REGULAR";
    db::SociSegmentRepository repo(d);
    std::int64_t compiled = 0;
    long long hand = 0;
    Timing tc, th;
    for (int round = 0; round < 2; ++round) { // alternating, so neither always runs on a warmer cache
        const Timing c = median([&] { compiled = repo.count(q); });
        const Timing h = median([&] { d.sql() << handWritten, soci::into(hand); });
        if (round == 0 || c.wall < tc.wall) tc = c;
        if (round == 0 || h.wall < th.wall) th = h;
    }
    std::cout << title << ": " << compiled << " members (hand-written " << hand << ")\n"
              << "  wall: compiled " << std::setprecision(3) << tc.wall << " s, hand-written " << th.wall
              << " s, ratio " << std::setprecision(2) << tc.wall / th.wall << "\n";
    if (!d.dialect().isPostgres())
        std::cout << "  cpu:  compiled " << std::setprecision(3) << tc.cpu << " s, hand-written " << th.cpu
                  << " s, ratio " << std::setprecision(2) << tc.cpu / th.cpu << "\n";
}

} // namespace

int main(int argc, char** argv) {
    std::string pg, work = "/tmp/memberdesk-bench";
    std::int64_t orders = 5'000'000, members = 1'000'000;
    bool reuse = false;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--pg") pg = v;
        if (a == "--work") work = v;
        if (a == "--orders") orders = std::stoll(v);
        if (a == "--members") members = std::stoll(v);
        if (a == "--reuse") reuse = v == "1";
    }
    std::cout << std::unitbuf << std::fixed;
    std::filesystem::create_directories(work);
    const std::string name = "md_segment_bench";
    std::string url = pg.empty() ? "sqlite:" + (std::filesystem::path(work) / (name + ".db")).string()
                                 : pgWithDatabase(pg, name);
    if (!reuse) url = freshDatabase(work, pg, name);
    db::Database d(db::DatabaseUrl::parse(url));
    const char* backend = d.dialect().isPostgres() ? "PostgreSQL" : "SQLite";
    if (!reuse) {
        const auto t = Clock::now();
        generate(d, members, orders);
        std::cout << backend << ": generated " << members << " members, " << orders << " orders in "
                  << std::setprecision(1) << secondsSince(t) << " s\n";
    }
    std::string store;
    d.sql() << "SELECT MIN(code) FROM stores", soci::into(store);
    long long n = 0;
    d.sql() << "SELECT COUNT(*) FROM members", soci::into(n);
    std::cout << backend << ": " << n << " members\n";

    // Gold and Black, bought within 90 days (since 2026-08-03 local, 2026-08-02T16:00Z), not of the first
    // store, SMS consent.
    compare(d, "tier in (GOLD, BLACK) and last purchase <= 90 days and not store and sms consent",
            R"({"and":[{"field":"tier","op":"in","value":["GOLD","BLACK"]},)"
            R"({"field":"last_purchase_days","op":"<=","value":90},)"
            R"({"not":{"field":"store","op":"=","value":")" +
                store + R"("}},{"field":"sms_consent","op":"=","value":true}]})",
            "SELECT COUNT(*) FROM members m JOIN member_tiers t ON t.member_id = m.id WHERE t.tier_code IN "
            "('GOLD', 'BLACK') AND m.last_purchase_at >= '2026-08-02T16:00:00Z' AND (m.home_store IS NULL OR "
            "m.home_store <> '" +
                store + "') AND m.sms_consent = 1");
    compare(
        d, "age 30-45 and points >= 1000 and active and (email or sms consent)",
        R"({"and":[{"field":"age","op":">=","value":30},{"field":"age","op":"<=","value":45},)"
        R"({"field":"points_balance","op":">=","value":1000},{"field":"status","op":"=","value":"active"},)"
        R"({"or":[{"field":"email_consent","op":"=","value":true},{"field":"sms_consent","op":"=","value":true}]}]})",
        "SELECT COUNT(*) FROM members m JOIN member_points p ON p.member_id = m.id WHERE m.birthday <= "
        "'1996-11-01' AND m.birthday > '1980-11-01' AND p.balance >= 1000 AND m.status = 'active' AND "
        "(m.email_consent = 1 OR m.sms_consent = 1)");
    compare(
        d, "a beauty purchase in the last 30 days and email consent",
        R"({"and":[{"field":"purchases_in_category","op":">=","value":1,"category":"beauty","days":30},)"
        R"({"field":"email_consent","op":"=","value":true}]})",
        "SELECT COUNT(*) FROM members m WHERE m.email_consent = 1 AND m.id IN (SELECT member_id FROM "
        "transactions WHERE category = 'beauty' AND kind = 'purchase' AND superseded = 0 AND occurred_at >= "
        "'2026-10-02T16:00:00Z' AND occurred_at < '2026-11-01T16:00:00Z')");
    return 0;
}
