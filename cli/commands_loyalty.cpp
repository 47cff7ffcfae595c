// programme, points and tier: the loyalty engine for marketing staff, agents and scripts.
#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/text_table.h"
#include "domain/safe_output.h"
#include "domain/user_error.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace md::cli {

namespace {

std::int64_t parsePoints(const std::string& text, const char* what) {
    std::int64_t v = 0;
    const char* first = text.data();
    if (!text.empty() && text.front() == '+') ++first;
    const auto [end, ec] = std::from_chars(first, text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < -1'000'000'000 || v > 1'000'000'000)
        throw UsageError(std::string(what) + " must be a whole number of points, not '" + terminalSafe(text) +
                         "'");
    return v;
}

std::string optDate(const std::optional<Date>& d) {
    return d ? formatDate(*d) : std::string("-");
}

// ---- programme ---------------------------------------------------------------------------------

int programmeImport(Context& ctx, const Args& args) {
    requireWords(args, 2, "programme import FILE.json [--effective DATE]");
    const std::string json = readWholeFile(args.positional()[1]);
    std::optional<Date> from;
    if (auto v = args.value("--effective")) from = parseDateOption(*v, "--effective");
    auto database = ctx.openForWriting();
    const auto result = app::importProgramme(ctx.request, *database, json, from);
    if (!result.problems.empty()) {
        ctx.err << kProgramName << ": " << terminalSafe(args.positional()[1])
                << " is not a valid programme; nothing was stored:\n";
        for (const auto& p : result.problems)
            ctx.err << "  " << terminalSafe(p.field.empty() ? "(file)" : p.field) << ": "
                    << terminalSafe(p.message) << '\n';
        return kError;
    }
    ctx.out << "Stored programme version " << result.version << ", effective from "
            << formatDate(result.effectiveFrom) << '\n';
    return kOk;
}

int programmeExport(Context& ctx, const Args& args) {
    requireWords(args, 2, "programme export FILE.json|- [--version N]");
    std::optional<std::int64_t> version;
    if (args.value("--version")) version = args.integer("--version", 0, 1, 1'000'000'000);
    auto database = ctx.openForReading();
    const std::string json = app::exportProgramme(ctx.request, *database, version);
    const std::string& path = args.positional()[1];
    if (path == "-") {
        ctx.out << json;
        requireWritten(ctx.out, "the programme");
        return kOk;
    }
    // Never over the database, a device or a planted symlink; renamed into place once complete.
    std::vector<std::filesystem::path> keep;
    if (ctx.target.embeddedPath) keep = sqliteFiles(*ctx.target.embeddedPath);
    SafeOutputFile file(path, keep);
    file.stream() << json;
    file.commit();
    ctx.err << "Wrote " << terminalSafe(path) << '\n';
    return kOk;
}

int programmeList(Context& ctx, const Args& args) {
    requireWords(args, 1, "programme list");
    auto database = ctx.openForReading();
    using A = TextTable::Align;
    TextTable t({{"Version", A::Right}, {"Effective from", A::Left}, {"Stored", A::Left}, {"By", A::Left}});
    for (const auto& v : app::programmeVersions(ctx.request, *database))
        t.addRow({std::to_string(v.version), formatDate(v.effectiveFrom), formatTimestamp(v.createdAt),
                  v.createdBy});
    t.print(ctx.out);
    return kOk;
}

// ---- points ------------------------------------------------------------------------------------

int pointsBalance(Context& ctx, const Args& args) {
    requireWords(args, 2, "points balance CARD [--json]");
    auto database = ctx.openForReading();
    const auto mp = app::pointsBalance(ctx.request, *database, args.positional()[1]);
    const auto& b = mp.balance;
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginObject().field("card_no", mp.member.card.str()).field("tier", mp.tier);
        j.field("spendable", b.spendable).field("pending", b.pending).field("expiring_soon", b.expiringSoon);
        j.key("next_expiry").value(b.nextExpiry ? std::optional(formatDate(*b.nextExpiry)) : std::nullopt);
        j.field("expired", b.expired)
            .field("owed", b.owed)
            .field("qualifying", b.qualifying)
            .field("total", b.total);
        j.key("lots").beginArray();
        for (const auto& l : b.lots) {
            j.beginObject()
                .field("entry", l.entryId)
                .field("points", l.points)
                .field("remaining", l.remaining);
            j.field("earned_on", formatDate(l.earnedOn)).field("available_on", formatDate(l.availableOn));
            j.key("expires_on").value(l.expiresOn ? std::optional(formatDate(*l.expiresOn)) : std::nullopt);
            j.endObject();
        }
        j.endArray().endObject().finish();
        return kOk;
    }
    ctx.out << mp.member.card.str() << "  " << terminalSafe(mp.member.name)
            << (mp.tier.empty() ? "" : "  " + mp.tier) << '\n';
    ctx.out << "  spendable " << b.spendable << "   pending " << b.pending << "   expiring soon "
            << b.expiringSoon << (b.nextExpiry ? " (first on " + formatDate(*b.nextExpiry) + ")" : "")
            << '\n';
    ctx.out << "  expired " << b.expired << "   owed " << b.owed << "   qualifying " << b.qualifying << '\n';
    using A = TextTable::Align;
    TextTable t({{"Lot", A::Right},
                 {"Earned", A::Left},
                 {"Points", A::Right},
                 {"Left", A::Right},
                 {"Spendable from", A::Left},
                 {"Expires", A::Left}});
    for (const auto& l : b.lots)
        t.addRow({std::to_string(l.entryId), formatDate(l.earnedOn), std::to_string(l.points),
                  std::to_string(l.remaining), formatDate(l.availableOn), optDate(l.expiresOn)});
    t.print(ctx.out);
    return kOk;
}

void printAdjustResult(Context& ctx, const app::AdjustResult& r, const char* what) {
    switch (r.outcome) {
    case app::AdjustOutcome::Posted:
        ctx.out << what << " as entry " << r.entryId << "; spendable now " << r.spendable << '\n';
        break;
    case app::AdjustOutcome::Duplicate:
        ctx.out << "Already posted as entry " << r.entryId << " (same request id); nothing written\n";
        break;
    case app::AdjustOutcome::AwaitingApproval:
        ctx.out << "Above the approval limit: request " << r.approvalId << " waits for a second person ("
                << kProgramName << " points approve " << r.approvalId << ")\n";
        break;
    }
}

int pointsAdjust(Context& ctx, const Args& args) {
    requireWords(args, 3, "points adjust CARD ±N --reason CODE [--note TEXT] [--request-id ID]");
    const auto reason = args.value("--reason");
    if (!reason || reason->empty())
        throw UsageError("points adjust needs --reason CODE (e.g. goodwill, correction)");
    const std::int64_t n = parsePoints(args.positional()[2], "the adjustment");
    auto database = ctx.openForWriting();
    const auto r =
        app::adjustPoints(ctx.request, *database, args.positional()[1], n, *reason,
                          args.value("--note").value_or(""), args.value("--request-id").value_or(""));
    printAdjustResult(ctx, r, "Adjusted");
    return kOk;
}

int pointsRedeem(Context& ctx, const Args& args) {
    requireWords(args, 3, "points redeem CARD N [--for TEXT] [--request-id ID]");
    const std::int64_t n = parsePoints(args.positional()[2], "the redemption");
    auto database = ctx.openForWriting();
    const auto r =
        app::redeemPoints(ctx.request, *database, args.positional()[1], n, args.value("--for").value_or(""),
                          args.value("--request-id").value_or(""));
    printAdjustResult(ctx, r, "Redeemed");
    return kOk;
}

int pointsApprove(Context& ctx, const Args& args) {
    requireWords(args, 2, "points approve ID");
    const std::int64_t id = parsePoints(args.positional()[1], "the request id");
    auto database = ctx.openForWriting();
    printAdjustResult(ctx, app::approveAdjustment(ctx.request, *database, id), "Approved and posted");
    return kOk;
}

int pointsExpire(Context& ctx, const Args& args) {
    requireWords(args, 1, "points expire [--as-of DATE]");
    auto database = ctx.openForWriting();
    const Date asOf =
        args.value("--as-of") ? parseDateOption(*args.value("--as-of"), "--as-of") : ctx.request.today();
    const auto n = app::expirePoints(ctx.request, *database, asOf);
    ctx.out << "Expired " << n << (n == 1 ? " lot" : " lots") << " past their last day before "
            << formatDate(asOf) << '\n';
    return kOk;
}

int pointsExpiring(Context& ctx, const Args& args) {
    requireWords(args, 1, "points expiring --within DAYS [--json]");
    const auto days = args.integer("--within", 30, 0, 3650);
    auto database = ctx.openForReading();
    const auto list = app::expiringPoints(ctx.request, *database, static_cast<int>(days));
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& e : list)
            j.beginObject()
                .field("card_no", e.cardNo)
                .field("name", e.name)
                .field("points", e.points)
                .field("first_expiry", formatDate(e.firstExpiry))
                .endObject();
        j.endArray().finish();
        return kOk;
    }
    using A = TextTable::Align;
    TextTable t({{"Card", A::Left}, {"Name", A::Left}, {"Points", A::Right}, {"First expiry", A::Left}});
    for (const auto& e : list)
        t.addRow({e.cardNo, e.name, std::to_string(e.points), formatDate(e.firstExpiry)});
    t.print(ctx.out);
    ctx.err << list.size() << " members with points expiring within " << days << " days\n";
    return kOk;
}

int pointsCheck(Context& ctx, const Args& args) {
    requireWords(args, 1, "points check");
    auto database = ctx.openForReading();
    const auto bad = app::checkPoints(ctx.request, *database);
    for (const auto& b : bad)
        ctx.out << b.cardNo << ": cached balance " << b.cached << ", ledger says " << b.ledger << '\n';
    if (!bad.empty()) {
        ctx.err << bad.size() << " member(s) whose cached balance differs from the ledger\n";
        return kCheckFailed;
    }
    ctx.out << "Every cached balance equals its ledger\n";
    return kOk;
}

int pointsLiability(Context& ctx, const Args& args) {
    requireWords(args, 1, "points liability [--as-of DATE] [--json]");
    auto database = ctx.openForReading();
    const Date asOf =
        args.value("--as-of") ? parseDateOption(*args.value("--as-of"), "--as-of") : ctx.request.today();
    const auto f = app::pointsLiability(ctx.request, *database, asOf);
    const Money value(f.valueMinor);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginObject().field("as_of", formatDate(asOf)).field("points", f.liability.points);
        j.field("members", f.liability.members)
            .field("value_minor", f.valueMinor)
            .field("value", value.toDecimalString());
        j.endObject().finish();
        return kOk;
    }
    ctx.out << "Points liability on " << formatDate(asOf) << ": " << f.liability.points << " points held by "
            << f.liability.members << " members, worth " << value.format() << '\n';
    return kOk;
}

// ---- tiers -------------------------------------------------------------------------------------

int tierHistoryCommand(Context& ctx, const Args& args) {
    requireWords(args, 2, "tier history CARD");
    auto database = ctx.openForReading();
    using A = TextTable::Align;
    TextTable t({{"Date", A::Left},
                 {"From", A::Left},
                 {"To", A::Left},
                 {"Reason", A::Left},
                 {"Rule", A::Left},
                 {"Note", A::Left},
                 {"By", A::Left}});
    for (const auto& c : app::tierHistory(ctx.request, *database, args.positional()[1]))
        t.addRow({formatDate(c.changedOn), c.fromTier, c.toTier, c.reason, c.rule, c.note, c.actor});
    t.print(ctx.out);
    return kOk;
}

int tierSet(Context& ctx, const Args& args) {
    requireWords(args, 3, "tier set CARD TIER --until DATE --reason TEXT");
    const auto until = args.value("--until");
    const auto reason = args.value("--reason");
    if (!until) throw UsageError("tier set needs --until DATE: a manual tier always ends");
    if (!reason || reason->empty()) throw UsageError("tier set needs --reason TEXT");
    auto database = ctx.openForWriting();
    app::setTier(ctx.request, *database, args.positional()[1], args.positional()[2],
                 parseDateOption(*until, "--until"), *reason);
    ctx.out << "Member " << args.positional()[1] << " holds " << args.positional()[2] << " until " << *until
            << '\n';
    return kOk;
}

int tierReview(Context& ctx, const Args& args) {
    requireWords(args, 1, "tier review [--as-of DATE] [--dry-run]");
    auto database = ctx.openForWriting();
    const Date asOf =
        args.value("--as-of") ? parseDateOption(*args.value("--as-of"), "--as-of") : ctx.request.today();
    const auto r = app::reviewTiers(ctx.request, *database, asOf, args.flag("--dry-run"));
    ctx.out << (r.dryRun ? "Dry run (nothing written): " : "Reviewed ") << r.members << " members on "
            << formatDate(asOf) << ": " << r.upgrades << " up, " << r.downgrades << " down, "
            << r.graceStarted << " entered grace, " << r.graceRunning << " in grace, " << r.retained
            << " kept their tier\n";
    return kOk;
}

} // namespace

Date parseDateOption(const std::string& text, const char* option) {
    auto d = parseDate(text);
    if (!d) throw UsageError(std::string(option) + ": " + d.error());
    return d.value();
}

std::string readWholeFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw CliError(terminalSafe(path) + " is a folder, not a JSON file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CliError("cannot read " + terminalSafe(path), "check the file name and that you may read it");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int runProgramme(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "import") return programmeImport(ctx, args);
    if (action == "export") return programmeExport(ctx, args);
    if (action == "list") return programmeList(ctx, args);
    if (action == "whatif") return runProgrammeWhatIf(ctx, args);
    throw UsageError("programme import, export, list or whatif, not '" + terminalSafe(action) + "'");
}

int runPoints(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "balance") return pointsBalance(ctx, args);
    if (action == "adjust") return pointsAdjust(ctx, args);
    if (action == "redeem") return pointsRedeem(ctx, args);
    if (action == "approve") return pointsApprove(ctx, args);
    if (action == "expire") return pointsExpire(ctx, args);
    if (action == "expiring") return pointsExpiring(ctx, args);
    if (action == "check") return pointsCheck(ctx, args);
    if (action == "liability") return pointsLiability(ctx, args);
    throw UsageError("points balance|adjust|redeem|approve|expire|expiring|check|liability, not '" +
                     terminalSafe(action) + "'");
}

int runTier(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "history") return tierHistoryCommand(ctx, args);
    if (action == "set") return tierSet(ctx, args);
    if (action == "review") return tierReview(ctx, args);
    throw UsageError("tier history, tier set or tier review, not '" + terminalSafe(action) + "'");
}

} // namespace md::cli
