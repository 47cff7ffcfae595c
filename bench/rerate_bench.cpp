// Re-rating at scale against the demo rule set, and the tier review over every member.
//
//   rerate_bench [--pg ADMIN_URL] [--work DIR] [--orders 10000000] [--members 1000000]
//
// Builds members and purchases straight in SQL (a year of orders, ten per member), stores the demo
// programme, then:
//   1. rates every order for the first time (`rerate` of the whole year: one earn each);
//   2. stores the demo programme with the base rate doubled and re-rates the year again: every order
//      gets a reverse and a new earn (two ledger rows) — the figure the issue asks for;
//   3. baseline: the same number of ledger rows written through the same bulk path (ChunkLedger: member
//      state loaded, postings drawn and written in chunks of 200,000), in the re-rate's shape (an earn and
//      a reverse drawing on it), with no orders read and no rules applied — what the re-rate costs beyond
//      writing its rows;
//   4. the tier review of every member (dry run and real), against the bare aggregate of the
//      qualifying window a user would run in SQL (which decides nothing).
#include "bench/bench_common.h"
#include "demo/demo_programme.h"
#include "domain/loyalty/programme_json.h"
#include "persistence/loyalty_engine.h"
#include "persistence/loyalty_engine_state.h"
#include "persistence/loyalty_repository.h"
#include "persistence/native_sql.h"

#include <iomanip>

using namespace md;
using namespace md::bench;
using namespace md::loyalty;

namespace {

void generate(db::Database& d, std::int64_t members, std::int64_t orders, const std::string& store) {
    const bool pg = d.dialect().isPostgres();
    db::WriteTransaction tx(d);
    const std::string series =
        pg ? "SELECT generate_series(1::bigint, :n) AS i"
           : "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n) "
             "SELECT i FROM s";
    long long n = members;
    const std::string card = pg ? "'B' || lpad(i::text, 9, '0')" : "printf('B%09d', i)";
    d.sql() << "INSERT INTO members (card_no, name, name_key, join_date, birthday, created_at, updated_at) "
               "SELECT " +
                   card + ", 'Member ' || i, 'member ' || i, '2023-01-01', " +
                   (pg ? "'1990-' || lpad((1 + i % 12)::text, 2, '0') || '-15'"
                       : "printf('1990-%02d-15', 1 + i % 12)") +
                   ", '2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z' FROM (" + series + ") x",
        soci::use(n, "n");
    if (orders == 0) {
        tx.commit();
        return;
    }
    // A year of orders up to 2026-10-31, spread evenly; amounts ¥10 to ¥510; five categories, three
    // channels (the demo rules give bonuses by category and channel).
    long long o = orders, m = members;
    const std::string at =
        pg ? "to_char(to_timestamp(1793404800 - (i * 31536000 / :o2)) AT TIME ZONE 'UTC', "
             "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
           : "strftime('%Y-%m-%dT%H:%M:%SZ', 1793404800 - (i * 31536000 / :o2), 'unixepoch')";
    d.sql()
        << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, amount_minor, "
           "currency, kind, category) SELECT 'O' || i, 1 + (i * 7919) % :m, :s, CASE i % 3 WHEN 0 THEN "
           "'store' WHEN 1 THEN 'online' ELSE 'app' END, " +
               at +
               ", 1000 + (i * 104729) % 50000, 'CNY', 'purchase', CASE i % 5 WHEN 0 THEN 'beauty' WHEN 1 "
               "THEN 'food' WHEN 2 THEN 'apparel' WHEN 3 THEN 'home' ELSE 'electronics' END FROM (" +
               series + ") x",
        soci::use(m, "m"), soci::use(store, "s"), soci::use(o, "o2"), soci::use(o, "n");
    tx.commit();
    d.sql() << (pg ? "ANALYZE" : "ANALYZE");
}

void storeProgramme(db::Database& d, Programme p) {
    db::SociLoyaltyRepository(d).storeProgramme(programmeToJson(p), p.effectiveFrom, "bench",
                                                parseTimestamp("2026-11-01T00:00:00Z").value());
}

// The same number of ledger rows through ChunkLedger, chunk by chunk, as the re-rate writes them.
double bulkBaseline(db::Database& d, std::int64_t rows, std::int64_t members, std::int64_t chunk) {
    const auto t0 = Clock::now();
    db::BulkCacheBudget cache(d); // the page cache the re-rate runs with
    const Timestamp at = parseTimestamp("2026-11-02T00:00:00Z").value();
    const Date day = parseDate("2026-06-01").value();
    const std::string now = formatTimestamp(at);
    for (std::int64_t first = 0; first < rows; first += chunk) {
        const std::int64_t n = std::min(chunk, rows - first);
        db::WriteTransaction tx(d);
        std::vector<std::int64_t> ids;
        for (std::int64_t i = 0; i < n; ++i)
            ids.push_back(1 + ((first + i) * 7919) % members);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        db::ChunkLedger ledger(d);
        ledger.load(ids, day + std::chrono::days(400), now, static_cast<std::size_t>(n));
        // The re-rate's shape: per order an earn and a reverse that draws on a lot, so members' open lots
        // stay as few as the re-rate leaves them (a lot per order would make every load heavier).
        for (std::int64_t i = 0; i + 1 < n; i += 2) {
            Posting p;
            p.memberId = 1 + ((first + i) * 7919) % members;
            p.kind = EntryKind::Earn;
            p.points = 100;
            p.qualifying = 100;
            p.key = "bulk:" + std::to_string(first + i);
            p.occurredAt = at;
            p.localDate = day;
            p.availableOn = day;
            p.expiresOn = day + std::chrono::days(365);
            p.reason = "bench";
            p.breakdown = R"({"points":100,"qualifying":100,"tier":"REGULAR","steps":[]})";
            const std::int64_t lot = ledger.add(p);
            Posting back = p;
            back.kind = EntryKind::Reverse;
            back.points = -100;
            back.qualifying = -100;
            back.key = "bulk:" + std::to_string(first + i + 1);
            back.availableOn.reset();
            back.expiresOn.reset();
            back.breakdown.reset();
            back.reversesId = lot;
            back.preferLot = lot;
            back.requireCover = false;
            ledger.add(std::move(back));
        }
        ledger.write("bench", now);
        tx.commit();
    }
    return secondsSince(t0);
}

// One earn row per order without rating (for the review alone): `rows` rows over the year before
// 2026-11-01, spread over the members.
void seedLedger(db::Database& d, std::int64_t members, std::int64_t rows) {
    const bool pg = d.dialect().isPostgres();
    db::WriteTransaction tx(d);
    long long n = rows, m = members;
    const std::string series =
        pg ? "SELECT generate_series(1::bigint, :n) AS i"
           : "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :n) "
             "SELECT i FROM s";
    const std::string day = pg ? "to_char(DATE '2026-11-01' - (i % 365)::int, 'YYYY-MM-DD')"
                               : "date('2026-11-01', '-' || (i % 365) || ' days')";
    d.sql() << "INSERT INTO points_ledger (member_id, kind, points, qualifying, spend_minor, occurred_at, "
               "local_date, idempotency_key, actor, recorded_at) SELECT 1 + i % :m, 'earn', 100, 100, 1000 + "
               "(i * 104729) % 50000, '2026-06-01T00:00:00Z', " +
                   day + ", 'seed:' || i, 'bench', '2026-11-01T00:00:00Z' FROM (" + series + ") x",
        soci::use(m, "m"), soci::use(n, "n");
    tx.commit();
    d.sql() << "ANALYZE";
}

std::string rate(double n, double s) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(0) << n / std::max(1e-9, s) << "/s";
    return o.str();
}

// resume: the database of an earlier run that was stopped after its first rating (programme version 2
// already stored): carries on with the re-rate.
void rateAndBaseline(db::Database& d, Programme p, db::LoyaltyRun run, Date from, Date to,
                     std::int64_t members, bool resume) {
    auto t = Clock::now();
    if (!resume) {
        const auto r = db::rerateOrders(d, p, 1, from, to, run);
        const double first = secondsSince(t);
        std::cout << "first rating: " << r.orders << " orders, " << r.entries << " entries in " << first
                  << " s (" << rate(static_cast<double>(r.orders), first) << ")\n";
    }

    for (EarningRule& rule : p.rules)
        if (rule.kind == RuleKind::Base) rule.pointsPer *= 2;
    p.effectiveFrom = parseDate("2026-11-01").value();
    if (!resume) storeProgramme(d, p);
    run.now = parseTimestamp("2026-11-02T01:00:00Z").value();
    t = Clock::now();
    const auto r = db::rerateOrders(d, p, 2, from, to, run);
    const double rerate = secondsSince(t);
    std::cout << "re-rate under a doubled base rate: " << r.orders << " orders, " << r.changed << " changed, "
              << r.entries << " entries in " << rerate << " s ("
              << rate(static_cast<double>(r.orders), rerate) << ")\n";

    // As many rows per chunk as the re-rate wrote per chunk of 200,000 orders (an earn and a reverse
    // each): the same number of chunks, so the same number of member-state loads.
    const std::int64_t perChunk =
        200000 * std::max<std::int64_t>(1, r.entries / std::max<std::int64_t>(1, r.orders));
    const double bulk = bulkBaseline(d, r.entries, members, perChunk);
    std::cout << "baseline: " << r.entries << " ledger rows through the same bulk path in " << bulk << " s ("
              << rate(static_cast<double>(r.entries), bulk) << ")\n"
              << std::setprecision(2) << "re-rate / baseline: " << rerate / std::max(1e-9, bulk) << "x\n"
              << std::setprecision(1);
}

} // namespace

int main(int argc, char** argv) {
    std::string pg, work = "/tmp/memberdesk-bench";
    std::int64_t orders = 10'000'000, members = 1'000'000;
    bool reviewOnly = false; // --review-only 1: members and ledger rows straight in SQL, then the review
    bool resume = false;     // --resume 1: the database of a run stopped after its first rating
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--pg") pg = v;
        if (a == "--work") work = v;
        if (a == "--orders") orders = std::stoll(v);
        if (a == "--members") members = std::stoll(v);
        if (a == "--review-only") reviewOnly = v == "1";
        if (a == "--resume") resume = v == "1";
    }
    std::cout << std::unitbuf; // figures appear as they are measured, also when written to a file
    std::filesystem::create_directories(work);
    const std::string url =
        !resume ? freshDatabase(work, pg, "md_rerate_bench")
                : (pg.empty() ? "sqlite:" + (std::filesystem::path(work) / "md_rerate_bench.db").string()
                              : pgWithDatabase(pg, "md_rerate_bench"));
    const char* backend = url.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL";
    db::Database d(db::DatabaseUrl::parse(url));
    if (resume) { // a newer build may bring migrations (their time is not part of any figure)
        const auto m0 = Clock::now();
        d.migrate();
        std::cout << "migrated in " << secondsSince(m0) << " s\n";
    }
    std::string store;
    d.sql() << "SELECT MIN(code) FROM stores", soci::into(store);
    std::cout << std::fixed << std::setprecision(1) << backend << ": " << members << " members, " << orders
              << " orders\n";

    auto t = Clock::now();
    if (!resume) {
        generate(d, members, reviewOnly ? 0 : orders, store);
        if (reviewOnly) seedLedger(d, members, orders);
        std::cout << "generated in " << secondsSince(t) << " s\n";
    }

    const Date from = parseDate("2025-10-01").value(), to = parseDate("2026-11-01").value();
    Programme p = demoProgramme(parseDate("2026-11-01").value());
    p.effectiveFrom = parseDate("2020-01-01").value();
    if (!resume) storeProgramme(d, p);
    db::LoyaltyRun run{TimeZone::load("Asia/Shanghai").value(),
                       parseTimestamp("2026-11-02T00:00:00Z").value(),
                       "bench",
                       200000,
                       {}};

    if (!reviewOnly) rateAndBaseline(d, p, run, from, to, members, resume);

    // Every member placed (the engine does this as members buy; here in SQL), then the review.
    d.sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) SELECT id, "
               "CASE id % 4 "
               "WHEN 0 THEN 'REGULAR' WHEN 1 THEN 'SILVER' WHEN 2 THEN 'GOLD' ELSE 'BLACK' END, id % 4, "
               "'2025-01-01', '2026-11-01T00:00:00Z' FROM members";
    const Date asOf = parseDate("2026-11-01").value();
    t = Clock::now();
    auto review = db::reviewAllTiers(d, p, asOf, true, "bench", run.now);
    const double dry = secondsSince(t);
    t = Clock::now();
    review = db::reviewAllTiers(d, p, asOf, false, "bench", run.now);
    const double real = secondsSince(t);
    // The bench places members at arbitrary tiers, so that first review moves most of them; a programme's
    // regular review moves few. The same review again (nothing left to change) is that steady state.
    t = Clock::now();
    const auto again = db::reviewAllTiers(d, p, asOf, false, "bench", run.now);
    const double steady = secondsSince(t);
    t = Clock::now();
    long long rows = 0;
    {
        soci::rowset<soci::row> rs =
            (d.sql().prepare << "SELECT member_id, SUM(spend_minor), SUM(qualifying) FROM "
                                "points_ledger WHERE local_date >= '2025-11-01' AND "
                                "local_date <= '2026-11-01' GROUP BY member_id");
        for (auto it = rs.begin(); it != rs.end(); ++it)
            ++rows;
    }
    const double aggregate = secondsSince(t);
    std::cout << "tier review of " << review.members << " members: dry run " << dry << " s, real " << real
              << " s (" << review.upgrades << " up, " << review.downgrades << " down, " << review.graceStarted
              << " entered grace)\n"
              << "the same review again: " << steady << " s (" << again.upgrades + again.downgrades
              << " changed)\n"
              << "baseline: the window's aggregate alone (" << rows << " rows) " << aggregate
              << " s; review is " << std::setprecision(2) << real / std::max(1e-9, aggregate) << "x\n";
    return 0;
}
