#include "gui/job_dialog.h"

#include "app/database.h"
#include "domain/errors.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include <chrono>

namespace md::gui {

namespace {
constexpr int kGaugeRange = 1000;

JobDialog::ProgressProbe& progressProbe() {
    static JobDialog::ProgressProbe probe;
    return probe;
}
} // namespace

void JobDialog::setProgressProbeForTests(ProgressProbe probe) {
    progressProbe() = std::move(probe);
}

JobDialog::JobDialog(wxWindow* parent, const wxString& title, StoreFactory openStore, Job job,
                     Describe describe, wxString cancelledText, std::function<void()> onSuccess)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(460, -1), wxDEFAULT_DIALOG_STYLE,
               wxS("job")),
      m_onSuccess(std::move(onSuccess)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto text = [&](const char* name) {
        auto* t = new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, name);
        sizer->Add(t, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
        return t;
    };
    m_stage = text("job.stage");
    m_stage->SetLabel(_("Starting…"));
    m_gauge = new wxGauge(this, wxID_ANY, kGaugeRange, wxDefaultPosition, wxSize(420, -1));
    sizer->Add(m_gauge, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    m_counts = text("job.counts");
    m_summary = text("job.summary");
    m_summary->SetFont(m_summary->GetFont().Bold());
    m_detail = text("job.detail");
    // Rejected lines with their reasons, so the person sees what to fix without opening a file.
    m_rejects = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(440, 160),
                               wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, wxS("job.rejects"));
    m_rejects->AppendColumn(_("Line"), wxLIST_FORMAT_RIGHT, 60);
    m_rejects->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 360);
    m_rejects->Hide();
    sizer->Add(m_rejects, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_openFolder = new wxButton(this, wxID_ANY, _("Open &folder"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, wxS("job.openFolder"));
    m_openFolder->Hide();
    m_button = new wxButton(this, wxID_CANCEL, _("Cancel"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, wxS("job.button"));
    buttons->Add(m_openFolder, 0, wxRIGHT, 6);
    buttons->Add(m_button, 0);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 10);
    m_openFolder->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!m_folder.empty()) wxLaunchDefaultApplication(fromUtf8(m_folder));
    });
    SetSizerAndFit(sizer);

    m_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_running)
            cancel();
        else
            Destroy();
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (!m_running) {
            Destroy();
            return;
        }
        // Closing a running job means "stop it"; the window goes once the rollback is done.
        m_closeWhenDone = true;
        cancel();
        Hide();
    });

    auto progressFn = [this, cancelFlag = m_cancel, guard = m_life.guard(), probe = progressProbe(),
                       last = std::chrono::steady_clock::time_point{}](const Progress& p) mutable {
        if (probe) probe(p);
        if (*cancelFlag) return false;
        // Reports can come thousands of times a second; the window needs ten.
        const auto now = std::chrono::steady_clock::now();
        if (now - last >= std::chrono::milliseconds(100)) {
            last = now;
            deliverToGui(guard, [this, p] { showProgress(p); });
        }
        return true;
    };
    m_thread = std::jthread([this, openStore = std::move(openStore), job = std::move(job),
                             describe = std::move(describe), cancelledText = std::move(cancelledText),
                             guard = m_life.guard(),
                             progressFn = std::move(progressFn)](std::stop_token stop) mutable {
        ProgressFn progress = [&](const Progress& p) { return !stop.stop_requested() && progressFn(p); };
        try {
            const std::unique_ptr<DataStore> store = openStore();
            app::RequestContext context = openingContext(*store);
            app::prepareDatabase(context, *store, app::UpgradePolicy::Never);
            Session session{*store, context};
            JobResult result = job(session, progress);
            // Translations and wxString formatting happen on the GUI thread.
            deliverToGui(guard, [this, describe, result] { finish(describe(result), {}, true, &result); });
        } catch (const Cancelled&) {
            deliverToGui(guard, [this, cancelledText] { finish(cancelledText, {}, false); });
        } catch (...) {
            deliverToGui(guard, [this, e = std::current_exception()] {
                const ErrorText text = describeError(e, GetTitle() + wxS(": ") + _("the work failed."));
                finish(text.headline, text.detail, false);
            });
        }
    });
}

JobDialog::~JobDialog() {
    *m_cancel = true;
    m_thread.request_stop();
}

void JobDialog::cancel() {
    if (!m_running) return;
    *m_cancel = true;
    m_stage->SetLabel(_("Cancelling…"));
    m_button->Disable();
}

void JobDialog::showProgress(const Progress& p) {
    if (!m_running || *m_cancel) return;
    m_stage->SetLabel(fromUtf8(p.stage));
    if (p.total > 0) {
        const auto permille = std::min<std::uint64_t>(p.done, p.total) * kGaugeRange / p.total;
        m_gauge->SetValue(static_cast<int>(permille));
        // Stages count different units (bytes read, rows written): a percentage reads the same for all.
        m_counts->SetLabel(wxString::Format(wxS("%d%%"), static_cast<int>(permille / 10)));
    } else {
        m_gauge->Pulse();
        m_counts->SetLabel(formatCount(static_cast<std::int64_t>(p.done)));
    }
}

void JobDialog::finish(const wxString& headline, const wxString& detail, bool succeeded,
                       const JobResult* result) {
    m_running = false;
    m_stage->SetLabel(succeeded ? _("Done.") : _("Stopped."));
    m_gauge->SetValue(succeeded ? kGaugeRange : 0);
    // The last throttled report may have said 97 %: the finished job says what it is.
    m_counts->SetLabel(succeeded ? wxString(wxS("100%")) : wxString());
    if (result && !result->rejects.empty()) {
        for (const auto& [line, reason] : result->rejects) {
            const long item = m_rejects->InsertItem(m_rejects->GetItemCount(), fromUtf8(line));
            m_rejects->SetItem(item, 1, fromUtf8(reason));
        }
        m_rejects->Show();
    }
    if (result && !result->folder.empty()) {
        m_folder = result->folder;
        m_openFolder->Show();
    }
    m_summary->SetLabel(headline);
    m_summary->Wrap(440);
    m_detail->SetLabel(detail);
    m_detail->Wrap(440);
    m_button->SetLabel(_("Close"));
    m_button->Enable();
    GetSizer()->Fit(this);
    if (succeeded && m_onSuccess) m_onSuccess();
    if (m_closeWhenDone) Destroy();
}

} // namespace md::gui
