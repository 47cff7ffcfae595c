// import and export: CSV in and out, through the use cases in app/transfer.h.
#include "app/transfer.h"
#include "cli/commands.h"
#include "cli/progress_line.h"
#include "cli/text_table.h"
#include "domain/errors.h"
#include "domain/safe_output.h"

#include <algorithm>
#include <filesystem>

namespace md::cli {

namespace {

constexpr const char* kUnchanged = "Nothing was imported: the database is unchanged.";

ImportMode parseMode(const Args& args) {
    const auto mode = args.value("--mode").value_or("insert");
    if (mode == "insert") return ImportMode::Insert;
    if (mode == "upsert") return ImportMode::Upsert;
    throw UsageError("--mode must be insert or upsert, not '" + mode + "'");
}

int importFailed(Context& ctx, const std::string& reason) {
    ctx.err << kProgramName << ": error: " << terminalSafe(reason) << '\n' << kUnchanged << '\n';
    return kError;
}

} // namespace

int runImport(Context& ctx, const Args& args) {
    const std::string& what = args.positional()[0];
    if (what != "members" && what != "transactions" && what != "stores")
        throw UsageError("import stores, import members or import transactions, not '" + what + "'");
    const std::filesystem::path file = args.positional()[1];
    ImportOptions opt;
    opt.mode = parseMode(args);
    if (const auto ignore = args.value("--ignore-columns")) {
        std::size_t start = 0;
        while (start <= ignore->size()) {
            const auto end = std::min(ignore->find(',', start), ignore->size());
            if (end > start) opt.ignoreColumns.push_back(ignore->substr(start, end - start));
            start = end + 1;
        }
    }
    // Checked here so a typo is a one-line message, before any connection or migration.
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(status))
        throw CliError("cannot read " + file.string() + ": no such file", {}, {});
    if (std::filesystem::is_directory(status))
        throw CliError("cannot read " + file.string() + ": it is a folder; give the CSV file inside it", {},
                       {});
    if (!std::filesystem::is_regular_file(status))
        throw CliError("cannot read " + file.string() + ": it is not a regular file (a device or a pipe)", {},
                       {});

    auto database = ctx.openForWriting();
    installInterruptHandler();
    ImportReport report;
    {
        ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
        opt.progress = progress.callback();
        try {
            report = what == "members"  ? app::importMembers(ctx.request, *database, file, opt)
                     : what == "stores" ? app::importStores(ctx.request, *database, file, opt)
                                        : app::importTransactions(ctx.request, *database, file, opt);
        } catch (const Cancelled&) {
            progress.finish();
            ctx.err << kProgramName << ": import cancelled. " << kUnchanged << '\n';
            return kInterrupted;
        } catch (const DatabaseUnavailable&) {
            throw; // main() explains an unreachable database with a hint
        } catch (const MemberDeskError& e) {
            progress.finish();
            return importFailed(ctx,
                                e.detail().empty() ? e.what() : std::string(e.what()) + ": " + e.detail());
        } catch (const std::runtime_error& e) { // unreadable file, missing columns
            progress.finish();
            return importFailed(ctx, e.what());
        }
    }

    ctx.out << "Imported " << groupThousands(report.imported) << " of " << groupThousands(report.records)
            << " records";
    if (report.rejected == 0) {
        ctx.out << ".\n";
        return kOk;
    }
    ctx.out << "; " << groupThousands(report.rejected) << " rejected — see " << report.rejectsFile.string()
            << '\n';
    return kPartial;
}

int runExport(Context& ctx, const Args& args) {
    if (args.positional()[0] != "members")
        throw UsageError("only members can be exported, not '" + args.positional()[0] + "'");
    const auto outPath = args.value("--out");
    auto database = ctx.openForReading();

    installInterruptHandler(); // Ctrl-C stops the export cleanly (md::Cancelled, exit 130)
    std::uint64_t exported = 0;
    ProgressLine progress(ctx.err, ctx.stderrIsTerminal);
    ExportOptions exportOptions{progress.callback(), args.flag("--spreadsheet-safe")};
    if (!outPath) {
        exported = app::exportMembers(ctx.request, *database, ctx.out, exportOptions);
        progress.finish();
        requireWritten(ctx.out, "the export to standard output");
        ctx.err << "Exported " << groupThousands(exported) << " members\n";
        return kOk;
    }
    // Written under a fresh temporary name next to the target and renamed when complete, so a failed
    // or cancelled export never leaves a half-written file under the name the user asked for; the
    // database's own files and anything that is not a regular file are refused.
    const std::filesystem::path target = *outPath;
    std::vector<std::filesystem::path> keep;
    if (ctx.target.embeddedPath) keep = sqliteFiles(*ctx.target.embeddedPath);
    try {
        SafeOutputFile file(target, keep);
        exported = app::exportMembers(ctx.request, *database, file.stream(), exportOptions);
        file.commit();
    } catch (...) {
        progress.finish();
        throw;
    }
    progress.finish();
    ctx.err << "Exported " << groupThousands(exported) << " members to " << target.string() << '\n';
    return kOk;
}

} // namespace md::cli
