#include "gui/whatif_dialog.h"

#include "gui/job_dialog.h"
#include "gui/ui_helpers.h"
#include "gui/whatif_chart.h"

#include <wx/button.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/weakref.h>

#include <chrono>
#include <memory>

namespace md::gui {

namespace {
Date fromWx(const wxDateTime& d) {
    return Date{std::chrono::year{d.GetYear()} / std::chrono::month{static_cast<unsigned>(d.GetMonth()) + 1} /
                std::chrono::day{static_cast<unsigned>(d.GetDay())}};
}

wxString signedCount(std::int64_t n) {
    return (n > 0 ? wxS("+") : wxString()) + formatCount(n);
}
} // namespace

WhatIfDialog::WhatIfDialog(wxWindow* parent, StoreFactory openStore, loyalty::Programme proposed)
    : wxDialog(parent, wxID_ANY, _("What if…"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, wxS("whatif")),
      m_openStore(std::move(openStore)), m_proposed(std::move(proposed)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(
        new wxStaticText(this, wxID_ANY,
                         _("Rate the orders of a past period with the edited programme and compare with "
                           "what the programme in force did. Nothing is stored.")),
        0, wxALL, 8);
    auto* period = new wxBoxSizer(wxHORIZONTAL);
    const wxDateTime today = wxDateTime::Today();
    m_from = new wxDatePickerCtrl(this, wxID_ANY, today - wxDateSpan::Year() + wxDateSpan::Day(),
                                  wxDefaultPosition, wxDefaultSize, wxDP_DROPDOWN | wxDP_SHOWCENTURY,
                                  wxDefaultValidator, wxS("whatif.from"));
    m_to = new wxDatePickerCtrl(this, wxID_ANY, today, wxDefaultPosition, wxDefaultSize,
                                wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, wxS("whatif.to"));
    m_run = new wxButton(this, wxID_ANY, _("&Run"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                         wxS("whatif.run"));
    period->Add(new wxStaticText(this, wxID_ANY, _("From")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    period->Add(m_from, 0, wxRIGHT, 12);
    period->Add(new wxStaticText(this, wxID_ANY, _("to")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    period->Add(m_to, 0, wxRIGHT, 12);
    period->Add(m_run);
    sizer->Add(period, 0, wxLEFT | wxRIGHT, 8);

    auto* figures = new wxFlexGridSizer(2, wxSize(12, 4));
    auto value = [&](const wxString& label, const char* name) {
        figures->Add(new wxStaticText(this, wxID_ANY, label));
        auto* v = new wxStaticText(this, wxID_ANY, wxS("—"), wxDefaultPosition, wxDefaultSize, 0, name);
        figures->Add(v);
        return v;
    };
    m_orders = value(_("Orders"), "whatif.orders");
    m_points = value(_("Points now → proposed"), "whatif.points");
    m_members = value(_("Members moving up / down"), "whatif.members");
    sizer->Add(figures, 0, wxALL, 8);

    m_tiers = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 130),
                             wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, wxS("whatif.tiers"));
    m_tiers->AppendColumn(_("Tier"), wxLIST_FORMAT_LEFT, 140);
    m_tiers->AppendColumn(_("Now"), wxLIST_FORMAT_RIGHT, 80);
    m_tiers->AppendColumn(_("Proposed"), wxLIST_FORMAT_RIGHT, 80);
    m_tiers->AppendColumn(_("Up"), wxLIST_FORMAT_RIGHT, 70);
    m_tiers->AppendColumn(_("Down"), wxLIST_FORMAT_RIGHT, 70);
    sizer->Add(m_tiers, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_chart = new WhatIfChart(this);
    sizer->Add(m_chart, 1, wxEXPAND | wxALL, 8);
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, wxS("whatif.close"));
    sizer->Add(close, 0, wxALIGN_RIGHT | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizerAndFit(sizer);

    m_run->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { run(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });
}

JobDialog* WhatIfDialog::run() {
    const Date from = fromWx(m_from->GetValue()), to = fromWx(m_to->GetValue());
    auto report = std::make_shared<app::WhatIfReport>();
    m_run->Enable(false);
    // The job fills `report` on its thread; the dialog reads it once the job has succeeded.
    JobDialog::Job job = [proposed = m_proposed, from, to, report](Session& s, const ProgressFn& progress) {
        *report = app::whatIfProgramme(s.context, s.store, proposed, from, to, progress);
        JobResult r;
        r.done = static_cast<std::uint64_t>(report->orders);
        return r;
    };
    auto progress = std::make_shared<wxWeakRef<JobDialog>>();
    auto* dialog = new JobDialog(
        this, _("What if…"), m_openStore, job,
        [](const JobResult& r) {
            return wxString::Format(_("Rated %s orders with the edited programme."),
                                    formatCount(static_cast<std::int64_t>(r.done)));
        },
        _("What-if cancelled."),
        [this, guard = m_life.guard(), report, progress] {
            if (guard.expired()) return;
            showReport(*report);
            // The figures are here now: the progress window has nothing more to say.
            CallAfter([progress] {
                if (JobDialog* d = progress->get()) d->Close();
            });
        });
    *progress = dialog;
    // Success or not, Run comes back when the progress window goes.
    dialog->Bind(wxEVT_DESTROY, [this, guard = m_life.guard()](wxWindowDestroyEvent& e) {
        e.Skip();
        if (!guard.expired()) m_run->Enable(true);
    });
    dialog->Show();
    return dialog;
}

void WhatIfDialog::showReport(const app::WhatIfReport& r) {
    m_report = r;
    m_orders->SetLabel(formatCount(r.orders));
    m_points->SetLabel(wxString::Format(wxS("%s → %s (%s)"), formatCount(r.currentPoints),
                                        formatCount(r.proposedPoints),
                                        signedCount(r.proposedPoints - r.currentPoints)));
    m_members->SetLabel(wxString::Format(_("%s up, %s down of %s"), formatCount(r.membersUp),
                                         formatCount(r.membersDown), formatCount(r.members)));
    m_tiers->DeleteAllItems();
    for (const app::WhatIfTier& t : r.tiers) {
        wxString name = fromUtf8(t.nameZh) + wxS(" ") + fromUtf8(t.nameEn);
        if (t.rank < 0) name += wxS(" ") + _("(dropped)");
        const long row = m_tiers->InsertItem(m_tiers->GetItemCount(), name.Trim(false));
        m_tiers->SetItem(row, 1, formatCount(t.membersNow));
        m_tiers->SetItem(row, 2, formatCount(t.membersProposed));
        m_tiers->SetItem(row, 3, formatCount(t.movingUp));
        m_tiers->SetItem(row, 4, formatCount(t.movingDown));
    }
    m_chart->show(r);
    Layout();
}

} // namespace md::gui
