// rerate and programme whatif: the current rules applied again to a past period, and a proposed
// programme tried against real data without changing anything.
#include "app/programme.h"
#include "app/rerate.h"
#include "app/whatif.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/progress_line.h"
#include "cli/text_table.h"
#include "domain/errors.h"
#include "domain/loyalty/programme_json.h"
#include "domain/safe_output.h"

namespace md::cli {

namespace {

void printWhatIfJson(std::ostream& out, const app::WhatIfReport& r) {
    JsonWriter j(out);
    j.beginObject()
        .field("from", formatDate(r.from))
        .field("to", formatDate(r.to))
        .field("as_of", formatDate(r.asOf))
        .field("orders", r.orders)
        .field("members", r.members)
        .field("current_points", r.currentPoints)
        .field("proposed_points", r.proposedPoints)
        .field("members_up", r.membersUp)
        .field("members_down", r.membersDown);
    j.key("tiers").beginArray();
    for (const auto& t : r.tiers)
        j.beginObject()
            .field("code", t.code)
            .field("name_zh", t.nameZh)
            .field("name_en", t.nameEn)
            .field("rank", t.rank)
            .field("members_now", t.membersNow)
            .field("members_proposed", t.membersProposed)
            .field("moving_up", t.movingUp)
            .field("moving_down", t.movingDown)
            .endObject();
    j.endArray().key("months").beginArray();
    for (const auto& m : r.months)
        j.beginObject()
            .field("month", m.month)
            .field("current_points", m.currentPoints)
            .field("proposed_points", m.proposedPoints)
            .endObject();
    j.endArray().endObject();
    out << '\n';
}

void printWhatIfText(std::ostream& out, const app::WhatIfReport& r) {
    out << "What-if over " << formatDate(r.from) << " to " << formatDate(r.to) << " (" << r.orders
        << " purchases and refunds; nothing was changed)\n"
        << "Points issued: current " << r.currentPoints << ", proposed " << r.proposedPoints << " ("
        << (r.proposedPoints >= r.currentPoints ? "+" : "") << r.proposedPoints - r.currentPoints << ")\n"
        << "Tiers on " << formatDate(r.asOf) << " for " << r.members << " members: " << r.membersUp
        << " would move up, " << r.membersDown << " down\n";
    using A = TextTable::Align;
    TextTable t({{"Tier", A::Left},
                 {"Name", A::Left},
                 {"Now", A::Right},
                 {"Proposed", A::Right},
                 {"Moving up", A::Right},
                 {"Moving down", A::Right}});
    for (const auto& x : r.tiers)
        t.addRow({x.code + (x.rank < 0 ? " (dropped)" : ""), x.nameZh + " " + x.nameEn,
                  std::to_string(x.membersNow), std::to_string(x.membersProposed), std::to_string(x.movingUp),
                  std::to_string(x.movingDown)});
    t.print(out);
}

} // namespace

int runProgrammeWhatIf(Context& ctx, const Args& args) {
    requireWords(args, 2, "programme whatif FILE.json [--from DATE] [--to DATE] [--json]");
    const std::string& path = args.positional()[1];
    auto parsed = loyalty::programmeFromJson(readWholeFile(path));
    if (!parsed.problems.empty() || !parsed.programme) {
        ctx.err << kProgramName << ": " << terminalSafe(path) << " is not a valid programme:\n";
        for (const auto& p : parsed.problems)
            ctx.err << "  " << terminalSafe(p.field.empty() ? "(file)" : p.field) << ": "
                    << terminalSafe(p.message) << '\n';
        return kError;
    }
    const Date today = ctx.request.today();
    const Date to = args.value("--to") ? parseDateOption(*args.value("--to"), "--to") : today;
    const Date from =
        args.value("--from") ? parseDateOption(*args.value("--from"), "--from") : to - std::chrono::days(364);
    auto database = ctx.openForReading();
    installInterruptHandler();
    app::WhatIfReport report;
    {
        ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
        try {
            report = app::whatIfProgramme(ctx.request, *database, *parsed.programme, from, to,
                                          progress.callback());
        } catch (const Cancelled&) {
            progress.finish();
            ctx.err << kProgramName << ": what-if cancelled (it changes nothing).\n";
            return kInterrupted;
        }
        progress.finish();
    }
    if (args.flag("--json"))
        printWhatIfJson(ctx.out, report);
    else
        printWhatIfText(ctx.out, report);
    return kOk;
}

int runRerate(Context& ctx, const Args& args) {
    const auto fromText = args.value("--from");
    const auto toText = args.value("--to");
    if (!fromText || !toText)
        throw UsageError("usage: " + std::string(kProgramName) + " rerate --from DATE --to DATE");
    const Date from = parseDateOption(*fromText, "--from");
    const Date to = parseDateOption(*toText, "--to");
    auto database = ctx.openForWriting();
    installInterruptHandler();
    loyalty::RerateReport r;
    {
        ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
        r = app::rerate(ctx.request, *database, from, to, progress.callback());
        progress.finish();
    }
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginObject()
            .field("from", formatDate(r.from))
            .field("to", formatDate(r.to))
            .field("programme_version", r.programmeVersion)
            .field("orders", r.orders)
            .field("changed", r.changed)
            .field("unchanged", r.unchanged)
            .field("entries", r.entries)
            .field("points_before", r.pointsBefore)
            .field("points_after", r.pointsAfter)
            .field("finished", r.finished)
            .endObject();
        ctx.out << '\n';
    } else {
        ctx.out << "Re-rated " << r.orders << " purchases of " << formatDate(r.from) << " to "
                << formatDate(r.to) << " under programme version " << r.programmeVersion << ": " << r.changed
                << " changed, " << r.unchanged << " unchanged, " << r.entries
                << " ledger entries written; points " << r.pointsBefore << " -> " << r.pointsAfter << '\n';
    }
    if (!r.finished) {
        ctx.err << kProgramName
                << ": re-rate cancelled; the orders re-rated so far stay re-rated. Run it again "
                << "to finish.\n";
        return kInterrupted;
    }
    return kOk;
}

} // namespace md::cli
