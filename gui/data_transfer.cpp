#include "gui/data_transfer.h"

#include "app/transfer.h"
#include "gui/job_dialog.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

#include <filesystem>
#include <fstream>

namespace md::gui {

namespace {
std::filesystem::path pathOf(const wxString& file) {
    return std::filesystem::path(toUtf8(file));
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
                       std::function<void()> onImported) {
    const auto path = pathOf(file);
    JobDialog::Job job = [path, members](Session& s, const ProgressFn& progress) {
        ImportOptions options;
        options.progress = progress;
        const ImportReport report = members ? app::importMembers(s.context, s.store, path, options)
                                            : app::importTransactions(s.context, s.store, path, options);
        return JobResult{report.imported, report.rejected, report.rejectsFile.string()};
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

JobDialog* startMemberImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                             std::function<void()> onImported) {
    return startImport(parent, std::move(openStore), file, true, std::move(onImported));
}

JobDialog* startTransactionImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                                  std::function<void()> onImported) {
    return startImport(parent, std::move(openStore), file, false, std::move(onImported));
}

JobDialog* startMemberExport(wxWindow* parent, StoreFactory openStore, const wxString& file) {
    const auto target = pathOf(file);
    JobDialog::Job job = [target](Session& s, const ProgressFn& progress) {
        auto part = target;
        part += ".part";
        std::uint64_t rows = 0;
        try {
            std::ofstream out(part, std::ios::binary | std::ios::trunc);
            if (!out) throw std::runtime_error("cannot write " + part.string());
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
        return JobResult{rows, 0, target.string()};
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
