// Migration 003 at scale: on an existing database (e.g. one `memberdesk-cli demo --members 1000000`
// filled), runs the migration's C++ step (ICU sort key and card digits of every member, written back
// with one UPDATE ... FROM) and builds its two indexes, as the migration does, timing each part; then
// rolls back, so the database is left as it was and the bench can be run again.
//
// usage: migration_bench --db URL
#include "bench/bench_common.h"
#include "persistence/migrations.h"
#include "persistence/migrations_steps.h"
#include "persistence/native_sql.h"

using namespace md;
using namespace md::bench;

int main(int argc, char** argv) {
    if (argc != 3 || std::string(argv[1]) != "--db") {
        std::cerr << "usage: migration_bench --db URL\n";
        return 2;
    }
    try {
        const auto url = db::DatabaseUrl::parse(argv[2]);
        db::Database d(url);
        d.requireCurrentSchema();
        std::int64_t members = 0;
        d.sql() << "SELECT COUNT(*) FROM members", soci::into(members);
        std::string after;
        for (const auto& m : db::builtInMigrations())
            if (m.version == 3) after = db::splitAtStep(db::renderMigration(m.sql, d.backend())).second;

        db::WriteTransaction tx(d); // never committed: the destructor rolls everything back
        db::executeScript(d, "DROP INDEX members_name_sort; DROP INDEX members_card_digits");
        auto t0 = Clock::now();
        db::backfillMemberSearchKeys(d);
        const double step = secondsSince(t0);
        t0 = Clock::now();
        db::executeScript(d, after);
        const double indexes = secondsSince(t0);
        std::printf(
            "%s: %lld members  migration 003 step %.1f s (%.0f members/s)  indexes %.1f s  total %.1f s\n",
            url.display().c_str(), static_cast<long long>(members), step, static_cast<double>(members) / step,
            indexes, step + indexes);
    } catch (const std::exception& e) {
        std::cerr << "migration_bench: " << e.what() << "\n";
        return 1;
    }
}
