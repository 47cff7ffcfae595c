// init and demo: the commands that set a database up.
#include "app/members.h"
#include "app/transfer.h"
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "demo/demo_generator.h"
#include "domain/errors.h"
#include "domain/user_error.h"

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
    int before = 0, after = 0;
    auto store = ctx.openAndUpgrade(before, after);
    ctx.out << "Database: " << ctx.target.display << '\n' << "Schema version " << after;
    if (before == 0)
        ctx.out << " (created)";
    else if (before == after)
        ctx.out << " (already up to date)";
    else
        ctx.out << " (upgraded from version " << before << ")";
    ctx.out << '\n';
    return kOk;
}

int runMigrate(Context& ctx, const Args& args) {
    return runInit(ctx, args);
}

int runDemo(Context& ctx, const Args& args) {
    if (!args.value("--members")) throw UsageError("demo needs --members N");
    DemoOptions opt;
    opt.members = args.integer("--members", 0, 0, 100'000'000);
    opt.seed = args.unsignedInteger("--seed", opt.seed);
    opt.stores = static_cast<int>(args.integer("--stores", opt.stores, 1, 999));

    // demo is a setup command: on an empty shared database it creates the schema, as init would.
    auto database = ctx.openForWriting(app::UpgradePolicy::Setup);
    installInterruptHandler();
    const auto started = std::chrono::steady_clock::now();
    app::DemoResult result;
    {
        ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
        try {
            // Announced on the first progress report: by then the use case has found the database empty.
            bool announced = false;
            auto report = progress.callback();
            result =
                app::loadDemo(ctx.request, *database, opt, args.flag("--if-empty"), [&](const Progress& p) {
                    if (!announced) {
                        announced = true;
                        ctx.err << "Generating " << groupThousands(static_cast<std::uint64_t>(opt.members))
                                << " demo members (seed " << opt.seed << ") into " << ctx.target.display
                                << '\n';
                    }
                    return report(p);
                });
        } catch (const Cancelled&) {
            progress.finish();
            ctx.err << kProgramName
                    << ": demo load cancelled; nothing was written (the database is unchanged).\n";
            return kInterrupted;
        } catch (const UserError& e) {
            if (e.code() != "demo.not_empty") throw;
            throw CliError("the database " + ctx.target.display + " already has " +
                               groupThousands(std::stoull(e.param("members"))) + " members",
                           "load demo data into an empty database (a new --db)");
        }
    }
    if (result.outcome == app::DemoOutcome::SkippedNotEmpty) {
        ctx.out << "The database " << ctx.target.display << " already has "
                << groupThousands(static_cast<std::uint64_t>(result.existingMembers))
                << " members; no demo data loaded.\n";
        return kOk;
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;
    const auto& report = result.report;
    ctx.out << "Loaded " << groupThousands(static_cast<std::uint64_t>(report.stores)) << " stores, "
            << groupThousands(static_cast<std::uint64_t>(report.members)) << " members and "
            << groupThousands(static_cast<std::uint64_t>(report.transactions)) << " transactions in "
            << seconds(elapsed) << '\n';
    return kOk;
}

} // namespace md::cli
