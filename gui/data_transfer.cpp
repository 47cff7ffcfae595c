#include "gui/data_transfer.h"

#include "app/transfer.h"
#include "gui/job_dialog.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

#include "domain/csv.h"

#include <filesystem>
#include <fstream>

namespace md::gui {

namespace {
std::filesystem::path pathOf(const wxString& file) {
    return std::filesystem::path(toUtf8(file));
}

/// The first rejected lines of an import (line number, reason) from its rejects file.
std::vector<std::pair<std::string, std::string>> readRejects(const std::filesystem::path& file) {
    constexpr std::size_t kShown = 200; // the file has them all
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(file, std::ios::binary);
    if (!in) return out;
    CsvReader reader(in);
    bool header = true;
    while (auto record = reader.next()) {
        if (std::exchange(header, false)) continue;
        if (record->fields.size() >= 2) out.emplace_back(record->fields[0], record->fields[1]);
        if (out.size() >= kShown) break;
    }
    return out;
}

wxString describeImport(const JobResult& r, const wxString& importedText) {
    wxString text = wxString::Format(importedText, formatCount(static_cast<std::int64_t>(r.done)));
    if (r.rejected > 0)
        text += wxS("\n") +
                wxString::Format(wxPLURAL("%s line was rejected; the reason is in %s",
                                          "%s lines were rejected; the reasons are in %s", r.rejected),
                                 formatCount(static_cast<std::int64_t>(r.rejected)), fromUtf8(r.path));
    return text;
}

JobDialog* startImport(wxWindow* parent, StoreFactory openStore, const wxString& file, bool members,
                       ImportMode mode, std::function<void()> onImported) {
    const auto path = pathOf(file);
    JobDialog::Job job = [path, members, mode](Session& s, const ProgressFn& progress) {
        ImportOptions options;
        options.mode = mode;
        options.progress = progress;
        const ImportReport report = members ? app::importMembers(s.context, s.store, path, options)
                                            : app::importTransactions(s.context, s.store, path, options);
        JobResult result{report.imported, report.rejected, report.rejectsFile.string(), {}, {}};
        if (report.rejected > 0) result.rejects = readRejects(report.rejectsFile);
        return result;
    };
    const wxString importedText = members ? _("Imported %s members.") : _("Imported %s transactions.");
    auto* dialog = new JobDialog(
        parent, members ? _("Import members") : _("Import transactions"), std::move(openStore), job,
        [importedText](const JobResult& r) { return describeImport(r, importedText); },
        _("Import cancelled; the database is unchanged."), std::move(onImported));
    dialog->Show();
    return dialog;
}
} // namespace

JobDialog* startMemberImport(wxWindow* parent, StoreFactory openStore, const wxString& file, ImportMode mode,
                             std::function<void()> onImported) {
    return startImport(parent, std::move(openStore), file, true, mode, std::move(onImported));
}

JobDialog* startTransactionImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                                  ImportMode mode, std::function<void()> onImported) {
    return startImport(parent, std::move(openStore), file, false, mode, std::move(onImported));
}

wxString withCsvExtension(const wxString& file) {
    return file.Lower().EndsWith(wxS(".csv")) ? file : file + wxS(".csv");
}

JobDialog* startMemberExport(wxWindow* parent, StoreFactory openStore, const wxString& file, bool excelBom) {
    const auto target = pathOf(withCsvExtension(file));
    JobDialog::Job job = [target, excelBom](Session& s, const ProgressFn& progress) {
        auto part = target;
        part += ".part";
        std::uint64_t rows = 0;
        try {
            std::ofstream out(part, std::ios::binary | std::ios::trunc);
            if (!out) throw std::runtime_error("cannot write " + part.string());
            // Excel reads a CSV as the PC's ANSI code page unless it starts with a UTF-8 BOM; our
            // own import skips it, so the round trip stays exact.
            if (excelBom) out << "\xEF\xBB\xBF";
            ExportOptions options;
            options.progress = progress;
            rows = app::exportMembers(s.context, s.store, out, options);
            out.close();
            if (!out) throw std::runtime_error("writing " + part.string() + " failed (disk full?)");
            std::filesystem::rename(part, target);
        } catch (...) {
            std::error_code ignored;
            std::filesystem::remove(part, ignored);
            throw;
        }
        return JobResult{rows, 0, target.string(), {}, target.parent_path().string()};
    };
    auto* dialog = new JobDialog(parent, _("Export members"), std::move(openStore), job,
                                 [](const JobResult& r) {
                                     return wxString::Format(_("Exported %s members to %s."),
                                                             formatCount(static_cast<std::int64_t>(r.done)),
                                                             fromUtf8(r.path));
                                 },
                                 _("Export cancelled; no file was written."), {});
    dialog->Show();
    return dialog;
}

} // namespace md::gui
