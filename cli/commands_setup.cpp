// init and demo: the commands that set a database up.
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "domain/errors.h"
#include "persistence/demo_loader.h"
#include "persistence/member_repository.h"

#include <chrono>
#include <cstdio>

namespace md::cli {

namespace {

std::string seconds(std::chrono::steady_clock::duration d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", std::chrono::duration<double>(d).count());
    return buf;
}

} // namespace

int runInit(Context& ctx, const Args&) {
    db::Database database(ctx.url);
    const int before = database.schemaVersion();
    const int after = database.migrate();
    ctx.out << "Database: " << ctx.url.display() << '\n' << "Schema version " << after;
    if (before == 0)
        ctx.out << " (created)";
    else if (before == after)
        ctx.out << " (already up to date)";
    else
        ctx.out << " (upgraded from version " << before << ")";
    ctx.out << '\n';
    return kOk;
}

int runDemo(Context& ctx, const Args& args) {
    if (!args.value("--members")) throw UsageError("demo needs --members N");
    DemoOptions opt;
    opt.members = args.integer("--members", 0, 0, 100'000'000);
    opt.seed = args.unsignedInteger("--seed", opt.seed);
    opt.stores = static_cast<int>(args.integer("--stores", opt.stores, 1, 999));

    auto database = ctx.openForWriting();
    {
        // Demo data mixed into a real programme would be impossible to take out again.
        db::SociMemberRepository members(*database);
        const auto existing = members.count(MemberQuery{});
        if (existing > 0 && args.flag("--if-empty")) {
            ctx.out << "The database " << ctx.url.display() << " already has "
                    << groupThousands(static_cast<std::uint64_t>(existing))
                    << " members; no demo data loaded.\n";
            return 0;
        }
        if (existing > 0)
            throw CliError("the database " + ctx.url.display() + " already has " +
                               groupThousands(static_cast<std::uint64_t>(existing)) + " members",
                           "load demo data into an empty database (a new --db)");
    }

    installInterruptHandler();
    ctx.err << "Generating " << groupThousands(static_cast<std::uint64_t>(opt.members))
            << " demo members (seed " << opt.seed << ") into " << ctx.url.display() << '\n';
    const auto started = std::chrono::steady_clock::now();
    db::DemoReport report;
    {
        ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
        try {
            report = db::loadDemo(*database, opt, progress.callback());
        } catch (const Cancelled&) {
            progress.finish();
            ctx.err << kProgramName
                    << ": demo load cancelled; nothing was written (the database is unchanged).\n";
            return kInterrupted;
        }
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;
    ctx.out << "Loaded " << groupThousands(static_cast<std::uint64_t>(report.stores)) << " stores, "
            << groupThousands(static_cast<std::uint64_t>(report.members)) << " members and "
            << groupThousands(static_cast<std::uint64_t>(report.transactions)) << " transactions in "
            << seconds(elapsed) << '\n';
    return kOk;
}

} // namespace md::cli
