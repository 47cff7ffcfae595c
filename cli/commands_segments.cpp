// segment: named member segments (细分) for marketing staff and scripts (docs/segments.md).
#include "app/segments.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/progress_line.h"
#include "cli/text_table.h"
#include "domain/json.h"
#include "domain/safe_output.h"

namespace md::cli {

namespace {

using A = TextTable::Align;

std::string ruleText(const Args& args, const char* usage) {
    const auto rule = args.value("--rule");
    const auto file = args.value("--rule-file");
    if (rule && file) throw UsageError("give --rule JSON or --rule-file FILE, not both");
    if (rule) return *rule;
    if (file) return readWholeFile(*file);
    throw UsageError(std::string("usage: ") + kProgramName + " " + usage);
}

int segmentCreate(Context& ctx, const Args& args) {
    const char* usage = "segment create NAME --rule JSON|--rule-file FILE";
    requireWords(args, 2, usage);
    const std::string rule = ruleText(args, usage);
    auto database = ctx.openForWriting();
    const auto s = app::createSegment(ctx.request, *database, args.positional()[1], rule);
    const auto n = app::countSegment(ctx.request, *database, s.name);
    ctx.out << "Created segment " << terminalSafe(s.name) << ": "
            << groupThousands(static_cast<std::uint64_t>(n)) << " members today\n";
    return kOk;
}

int segmentCount(Context& ctx, const Args& args) {
    const char* usage = "segment count NAME|--rule JSON [--json]";
    const auto rule = args.value("--rule");
    if (rule ? args.positional().size() != 1 : args.positional().size() != 2)
        throw UsageError(std::string("usage: ") + kProgramName + " " + usage);
    auto database = ctx.openForReading();
    const std::int64_t n = rule ? app::countRule(ctx.request, *database, *rule)
                                : app::countSegment(ctx.request, *database, args.positional()[1]);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginObject();
        if (!rule) j.field("segment", args.positional()[1]);
        j.field("members", n).field("as_of", formatDate(ctx.request.today())).endObject();
        j.finish();
    } else {
        ctx.out << n << '\n';
    }
    requireWritten(ctx.out, "the count");
    return kOk;
}

int segmentList(Context& ctx, const Args& args) {
    requireWords(args, 1, "segment list [--json]");
    auto database = ctx.openForReading();
    const auto all = app::listSegments(ctx.request, *database);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& s : all) {
            j.beginObject().field("name", s.name).key("rule").raw(s.rule);
            j.field("created_at", formatTimestamp(s.createdAt)).field("created_by", s.createdBy);
            j.field("updated_at", formatTimestamp(s.updatedAt)).field("updated_by", s.updatedBy);
            j.key("frozen_at");
            if (s.frozenAt)
                j.value(formatTimestamp(*s.frozenAt));
            else
                j.null();
            j.endObject();
        }
        j.endArray();
        j.finish();
        return kOk;
    }
    TextTable t({{"Segment", A::Left}, {"Kind", A::Left}, {"Created", A::Left}, {"Rule", A::Left}});
    for (const auto& s : all)
        t.addRow({s.name, s.frozenAt ? "frozen " + formatTimestamp(*s.frozenAt) : "dynamic",
                  formatTimestamp(s.createdAt) + " " + s.createdBy, s.rule});
    t.print(ctx.out);
    if (all.empty()) ctx.err << "No segments yet\n";
    return kOk;
}

int segmentExport(Context& ctx, const Args& args) {
    requireWords(args, 2, "segment export NAME --out FILE.csv");
    const auto out = args.value("--out");
    if (!out) throw UsageError("segment export needs --out FILE.csv");
    auto database = ctx.openForReading();
    // The database's own files are never written over (domain/safe_output.h refuses them).
    std::vector<std::filesystem::path> keep;
    if (ctx.target.embeddedPath) keep = sqliteFiles(*ctx.target.embeddedPath);
    const auto n = app::exportSegment(ctx.request, *database, args.positional()[1], *out, keep);
    ctx.err << "Exported " << groupThousands(n) << " members to " << *out << '\n';
    return kOk;
}

int segmentFreeze(Context& ctx, const Args& args) {
    requireWords(args, 2, "segment freeze NAME");
    auto database = ctx.openForWriting();
    const auto n = app::freezeSegment(ctx.request, *database, args.positional()[1]);
    ctx.out << "Froze segment " << terminalSafe(args.positional()[1]) << ": "
            << groupThousands(static_cast<std::uint64_t>(n)) << " members\n";
    return kOk;
}

} // namespace

int runSegment(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "create") return segmentCreate(ctx, args);
    if (action == "count") return segmentCount(ctx, args);
    if (action == "list") return segmentList(ctx, args);
    if (action == "export") return segmentExport(ctx, args);
    if (action == "freeze") return segmentFreeze(ctx, args);
    throw UsageError("segment create|count|list|export|freeze, not '" + terminalSafe(action) + "'");
}

} // namespace md::cli
