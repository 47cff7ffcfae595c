// The member list sorted by a loyalty column (Tier, Points) at scale: anchors (one pass) and 100-row
// keyset pages from anchors spread over the list, against the same for a members column (Revenue).
// 10% of the members have no member_points row and a third no member_tiers row, so pages in the
// value-0 region merge both arms. Usage: browser_loyalty_bench WORKDIR [MEMBERS] [POSTGRES_ADMIN_URL]
#include "bench/bench_common.h"
#include "persistence/member_browser.h"

using namespace md;
using namespace md::bench;

namespace {

void fill(db::Database& d, std::int64_t n) {
    const bool pg = d.backend() == db::Backend::Postgresql;
    const auto t0 = Clock::now();
    const std::string count = std::to_string(n);
    if (pg)
        d.sql() << "INSERT INTO members (card_no, name, name_key, join_date, created_at, updated_at) SELECT "
                   "'B' || lpad(i::text, 9, '0'), 'm', 'm', '2024-01-01', 'x', 'x' FROM generate_series(1, " +
                       count + ") i";
    else
        d.sql() << "WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < " + count +
                       ") INSERT INTO members (card_no, name, name_key, join_date, created_at, updated_at) "
                       "SELECT printf('B%09d', i), 'm', 'm', '2024-01-01', 'x', 'x' FROM s";
    d.sql() << "INSERT INTO member_points (member_id, balance, qualifying, owed, updated_at) "
               "SELECT id, (id * 7919) % 5000, 0, 0, 'x' FROM members WHERE id % 10 <> 0";
    d.sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) "
               "SELECT id, 'T', id % 4, '2024-01-01', 'x' FROM members WHERE id % 3 <> 0";
    d.sql() << "ANALYZE";
    std::printf("filled %lld members in %.1f s\n", static_cast<long long>(n), secondsSince(t0));
}

void measure(db::Database& d, SortColumn c, bool asc, const char* name) {
    db::MemberBrowser b(d, c, asc);
    auto t0 = Clock::now();
    const auto anchors = b.anchors(100);
    const double anchorSeconds = secondsSince(t0);
    std::vector<double> pages;
    const std::size_t step = std::max<std::size_t>(1, anchors.size() / 200);
    for (std::size_t i = 0; i < anchors.size(); i += step) {
        t0 = Clock::now();
        b.pageAfter(anchors[i], 100);
        pages.push_back(secondsSince(t0) * 1000);
    }
    // The start of the list, page by page (for Points ascending: the value-0 region, both arms).
    std::vector<double> first;
    std::optional<RowKey> after;
    for (int i = 0; i < 20; ++i) {
        t0 = Clock::now();
        const auto page = b.pageAfter(after, 100);
        first.push_back(secondsSince(t0) * 1000);
        after = b.keyOf(page.back());
    }
    std::printf("%-16s anchors(100) %.2f s (%zu) | page from anchor p50 %.2f p95 %.2f max %.2f ms | first 20 "
                "pages p50 %.2f max %.2f ms\n",
                name, anchorSeconds, anchors.size(), percentile(pages, 0.5), percentile(pages, 0.95),
                percentile(pages, 1.0), percentile(first, 0.5), percentile(first, 1.0));
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s WORKDIR [MEMBERS] [POSTGRES_ADMIN_URL]\n", argv[0]);
        return 2;
    }
    const std::int64_t n = argc > 2 ? std::stoll(argv[2]) : 1000000;
    const std::string url = freshDatabase(argv[1], argc > 3 ? argv[3] : "", "browser_loyalty");
    db::Database d(db::DatabaseUrl::parse(url));
    fill(d, n);
    measure(d, SortColumn::Revenue, true, "revenue asc");
    measure(d, SortColumn::Points, true, "points asc");
    measure(d, SortColumn::Points, false, "points desc");
    measure(d, SortColumn::Tier, false, "tier desc");
    measure(d, SortColumn::Tier, true, "tier asc");
}
