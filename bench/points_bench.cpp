// One member with many lots: how long the balance (lots, pending, expiring, owed) and the ledger page of
// the member detail take, against the baseline a user without us would run: a bare SUM over the member's
// ledger rows (which gives a total, not a spendable balance). Then the whole loyalty part of the member
// detail as the app loads it (balance, first ledger page, tier progress, tier history) through the use
// cases, as the detail's worker does.
//   points_bench [--pg ADMIN_URL] [--work DIR] [--lots 2000] [--runs 200]
#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "bench/bench_common.h"
#include "demo/demo_programme.h"
#include "persistence/loyalty_repository.h"
#include "persistence/soci_data_store.h"

#include <iomanip>

using namespace md;
using namespace md::bench;
using namespace md::loyalty;

int main(int argc, char** argv) {
    std::string pg, work = "/tmp/memberdesk-bench";
    int lots = 2000, runs = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--pg") pg = v;
        if (a == "--work") work = v;
        if (a == "--lots") lots = std::stoi(v);
        if (a == "--runs") runs = std::stoi(v);
    }
    std::filesystem::create_directories(work);
    const std::string url = freshDatabase(work, pg, "md_points_bench");
    db::Database d(db::DatabaseUrl::parse(url));
    Member m;
    m.card = CardNumber::parse("MD00000001").value();
    m.name = "王小明";
    m.joinDate = parseDate("2024-01-01").value();
    db::SociMemberRepository(d).insert(m, d.actor());
    db::SociLoyaltyRepository repo(d);
    const Timestamp now = parseTimestamp("2026-06-01T04:00:00Z").value();
    const Date day = parseDate("2026-06-01").value();
    const auto t0 = bench::Clock::now();
    for (int i = 0; i < lots; ++i) {
        Posting p;
        p.memberId = m.id;
        p.kind = EntryKind::Earn;
        p.points = 100 + i % 50;
        p.qualifying = p.points;
        p.key = "lot-" + std::to_string(i);
        p.occurredAt = now;
        p.localDate = day - std::chrono::days(i % 300);
        p.availableOn = p.localDate;
        p.expiresOn = p.localDate + std::chrono::days(365);
        repo.post(p, "bench", now);
    }
    std::cout << "posted " << lots << " lots in " << std::fixed << std::setprecision(2) << secondsSince(t0)
              << " s (" << (url.rfind("sqlite:", 0) == 0 ? "SQLite" : "PostgreSQL") << ")\n";

    std::vector<double> balance, page, baseline;
    for (int r = 0; r < runs; ++r) {
        auto t = bench::Clock::now();
        const Balance b = repo.balance(m.id, day, 30);
        balance.push_back(secondsSince(t) * 1000);
        t = bench::Clock::now();
        const auto entries = repo.entries(m.id, 0, lots);
        page.push_back(secondsSince(t) * 1000);
        t = bench::Clock::now();
        long long sum = 0;
        long long id = m.id;
        d.sql() << "SELECT SUM(points) FROM points_ledger WHERE member_id = :m", soci::use(id),
            soci::into(sum);
        baseline.push_back(secondsSince(t) * 1000);
        if (b.total != sum || entries.size() != static_cast<std::size_t>(lots))
            throw std::runtime_error("mismatch");
    }
    std::cout << std::setprecision(3) << "balance with " << lots << " lots: p50 " << percentile(balance, 0.5)
              << " ms, p95 " << percentile(balance, 0.95) << " ms\n"
              << "ledger page of " << lots << " entries: p50 " << percentile(page, 0.5) << " ms, p95 "
              << percentile(page, 0.95) << " ms\n"
              << "baseline SUM(points) of the member: p50 " << percentile(baseline, 0.5) << " ms (balance is "
              << percentile(balance, 0.5) / std::max(1e-9, percentile(baseline, 0.5)) << "x)\n";

    // The member detail's loyalty section, as the GUI's worker loads it.
    db::SociDataStore store{db::DatabaseUrl::parse(url)};
    FixedClock clock{now};
    const app::RequestContext ctx{Actor{"bench"}, &clock, app::loadTimeZone("Asia/Shanghai").value()};
    Programme prog = demoProgramme(parseDate("2024-01-01").value());
    if (!app::saveProgramme(ctx, store, prog).problems.empty()) throw std::runtime_error("programme");
    std::vector<double> detail;
    for (int r = 0; r < runs; ++r) {
        const auto t = bench::Clock::now();
        const auto mp = app::pointsBalance(ctx, store, "MD00000001");
        const auto first = app::pointsLedger(ctx, store, mp.member.id, 0, 200);
        const auto progress = app::tierProgress(ctx, store, mp.member.id);
        const auto history = app::tierHistory(ctx, store, "MD00000001");
        detail.push_back(secondsSince(t) * 1000);
        if (first.size() != 200u || !progress) throw std::runtime_error("detail mismatch");
    }
    std::cout << "member detail (balance, first 200 of " << lots << " entries, tier progress, history): p50 "
              << percentile(detail, 0.5) << " ms, p95 " << percentile(detail, 0.95) << " ms\n";
    return 0;
}
