// Import 1,000,000 members: our `import members` (parse, validate, derive keys, reject bad lines, one
// transaction) against the database's own bulk loader loading the same rows into the same table and
// indexes (`sqlite3 .import`, `psql \copy`). The baseline gets the rows already in the table's column
// layout (exported from our import), so it does strictly less work than we do.
//
// usage: import_bench [--members N] [--work DIR] [--pg ADMIN_URL]
//   without --pg only SQLite runs; bench/run_benchmarks.sh starts a throwaway PostgreSQL and passes it.
#include "bench/bench_common.h"
#include "persistence/csv_import.h"

#include <iostream>

using namespace md;
using namespace md::bench;

namespace {

struct Result {
    double ours = 0, theirs = 0;
    std::uint64_t rows = 0;
};

Result runBackend(const std::filesystem::path& work, const std::filesystem::path& csv,
                  const std::string& pgAdmin) {
    const bool pg = !pgAdmin.empty();
    Result r;
    const std::string oursUrl = freshDatabase(work, pgAdmin, "md_bench_ours");
    {
        db::Database d(db::DatabaseUrl::parse(oursUrl));
        auto t0 = Clock::now();
        auto report = db::importMembers(d, csv, {});
        r.ours = secondsSince(t0);
        r.rows = report.imported;
        if (report.rejected) std::cerr << "warning: " << report.rejected << " rejected lines\n";
    }
    // The same rows in the table's own layout, for the database's loader.
    const auto full = work / (pg ? "members_full_pg.csv" : "members_full_sqlite.csv");
    if (pg)
        run("psql -q " + shellQuote(db::DatabaseUrl::parse(oursUrl).conninfo) + " -c " +
            shellQuote("\\copy members TO '" + full.string() + "' WITH (FORMAT csv, HEADER true)"));
    else
        run("sqlite3 -csv -header " + shellQuote(db::DatabaseUrl::parse(oursUrl).path) +
            " 'SELECT * FROM members' > " + shellQuote(full.string()));

    const std::string theirsUrl = freshDatabase(work, pgAdmin, "md_bench_theirs");
    auto t0 = Clock::now();
    if (pg)
        run("psql -q " + shellQuote(db::DatabaseUrl::parse(theirsUrl).conninfo) + " -c " +
            shellQuote("\\copy members FROM '" + full.string() + "' WITH (FORMAT csv, HEADER true)"));
    else
        run("sqlite3 " + shellQuote(db::DatabaseUrl::parse(theirsUrl).path) +
            " -cmd 'PRAGMA synchronous=NORMAL' " +
            shellQuote(".import --csv --skip 1 " + full.string() + " members"));
    r.theirs = secondsSince(t0);
    return r;
}

void print(const char* backend, const char* loader, const Result& r, double target) {
    std::printf(
        "%-10s ours %7.2f s (%8.0f rows/s)   %-14s %7.2f s (%8.0f rows/s)   ratio %.2fx  (target <= %.1fx)\n",
        backend, r.ours, r.rows / r.ours, loader, r.theirs, r.rows / r.theirs, r.ours / r.theirs, target);
}

} // namespace

int main(int argc, char** argv) {
    std::int64_t members = 1'000'000;
    std::filesystem::path work = std::filesystem::temp_directory_path() / "memberdesk-bench";
    std::string pgAdmin;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--members")
            members = std::stoll(argv[i + 1]);
        else if (a == "--work")
            work = argv[i + 1];
        else if (a == "--pg")
            pgAdmin = argv[i + 1];
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    try {
        std::filesystem::create_directories(work);
        auto t0 = Clock::now();
        auto csv = membersCsv(work, members);
        std::printf("input: %s (%.1f MB, prepared in %.1f s)\n", csv.c_str(),
                    std::filesystem::file_size(csv) / 1e6, secondsSince(t0));
        print("sqlite", "sqlite3 .import", runBackend(work, csv, ""), 2.0);
        if (!pgAdmin.empty()) print("postgresql", "psql \\copy", runBackend(work, csv, pgAdmin), 1.5);
    } catch (const std::exception& e) {
        std::cerr << "import_bench: " << e.what() << "\n";
        return 1;
    }
}
