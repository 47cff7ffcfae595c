#include "gui/adjust_points_dialog.h"

#include "app/points.h"
#include "app/programme.h"
#include "gui/loyalty_text.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <random>

namespace md::gui {

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);

/// What came back from the worker: the use case's result and the limit it was judged by.
struct Outcome {
    app::AdjustResult result;
    std::int64_t threshold = 0;
};

/// "+200", "-50", "200": a whole number of points, never 0; nullopt otherwise.
std::optional<std::int64_t> parsePoints(const wxString& text) {
    wxString t = text;
    t.Trim(true).Trim(false);
    t.Replace(wxS(","), wxString());
    t.Replace(wxS("−"), wxS("-")); // the minus sign people copy from the ledger
    if (t.StartsWith(wxS("+"))) t = t.Mid(1);
    long long v = 0;
    if (t.empty() || !t.ToLongLong(&v) || v == 0) return std::nullopt;
    return v;
}
} // namespace

AdjustPointsDialog::AdjustPointsDialog(wxWindow* parent, DbWorker& worker, std::string card,
                                       std::int64_t spendable, std::int64_t approvalThreshold,
                                       std::function<void()> onPosted)
    : wxDialog(parent, wxID_ANY, wxString::Format(_("Adjust points — %s"), fromUtf8(card)), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, wxS("adjustPoints")),
      m_worker(worker), m_card(std::move(card)), m_onPosted(std::move(onPosted)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                wxString::Format(_("Spendable now: %s points."), formatCount(spendable))),
               0, wxALL, 8);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 6));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Points (+ credit, − debit)")), 0, wxALIGN_CENTER_VERTICAL);
    m_points = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(120, -1), 0, wxDefaultValidator,
                              wxS("adjust.points"));
    grid->Add(m_points, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Reason")), 0, wxALIGN_CENTER_VERTICAL);
    m_reason = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                            wxDefaultValidator, wxS("adjust.reason"));
    for (const std::string& code : adjustmentReasonCodes())
        m_reason->Append(adjustmentReasonText(code));
    m_reason->SetSelection(0);
    grid->Add(m_reason, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Note")), 0, wxALIGN_CENTER_VERTICAL);
    m_note = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(260, -1), 0, wxDefaultValidator,
                            wxS("adjust.note"));
    grid->Add(m_note, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* hint = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("More than %s points (credit or debit) wait for a second person's approval."),
                         formatCount(approvalThreshold)));
    hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    hint->Wrap(380);
    sizer->Add(hint, 0, wxALL, 8);
    m_result =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxSize(380, -1), 0, wxS("adjust.result"));
    sizer->Add(m_result, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_post = new wxButton(this, wxID_OK, _("&Post"), wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                          wxS("adjust.post"));
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"), wxDefaultPosition, wxDefaultSize, 0,
                               wxDefaultValidator, wxS("adjust.close"));
    buttons->Add(m_post, 0, wxRIGHT, 6);
    buttons->Add(close);
    sizer->Add(buttons, 0, wxALIGN_RIGHT | wxALL, 8);
    SetSizerAndFit(sizer);

    m_post->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { post(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); }); // a running posting's answer is dropped
    // Any change is a new request: the next Post is not a retry of the last one.
    auto changed = [this](wxCommandEvent&) {
        newRequest();
        if (!m_posting) m_post->Enable();
    };
    m_points->Bind(wxEVT_TEXT, changed);
    m_note->Bind(wxEVT_TEXT, changed);
    m_reason->Bind(wxEVT_CHOICE, changed);
    newRequest();
    m_points->SetFocus();
}

void AdjustPointsDialog::newRequest() {
    static std::mt19937_64 rng{std::random_device{}()};
    m_requestId = "gui-" + std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) + "-" +
                  std::to_string(rng());
}

void AdjustPointsDialog::setResult(const wxString& text, bool error) {
    m_result->SetForegroundColour(error ? kErrorColour : GetForegroundColour());
    m_result->SetLabel(text);
    m_result->Wrap(380);
    Layout();
    Fit();
}

bool AdjustPointsDialog::post() {
    if (m_posting) return false;
    const auto points = parsePoints(m_points->GetValue());
    if (!points) {
        setResult(_("Enter a whole number of points other than 0, e.g. 200 or -50."), true);
        return false;
    }
    const int sel = m_reason->GetSelection();
    const auto codes = adjustmentReasonCodes();
    const std::string reason = sel >= 0 && static_cast<std::size_t>(sel) < codes.size() ? codes[sel] : "";
    m_posting = true;
    m_post->Enable(false);
    setResult(_("Posting…"), false);
    m_worker.run(
        m_life.guard(),
        [card = m_card, p = *points, reason, note = toUtf8(m_note->GetValue()),
         id = m_requestId](Session& s) {
            Outcome o;
            o.result = app::adjustPoints(s.context, s.store, card, p, reason, note, id);
            // The posting reports the spendable balance from before a credit; read what it is now.
            if (o.result.outcome != app::AdjustOutcome::AwaitingApproval)
                o.result.spendable = app::pointsBalance(s.context, s.store, card).balance.spendable;
            if (const auto programme = app::currentProgramme(s.context, s.store))
                o.threshold = programme->approvalThreshold;
            return o;
        },
        [this](Outcome o) {
            m_posting = false;
            switch (o.result.outcome) {
            case app::AdjustOutcome::Posted:
                setResult(wxString::Format(_("Posted (entry #%lld). Spendable now: %s points."),
                                           static_cast<long long>(o.result.entryId),
                                           formatCount(o.result.spendable)),
                          false);
                break;
            case app::AdjustOutcome::Duplicate:
                setResult(wxString::Format(_("Already posted (entry #%lld)."),
                                           static_cast<long long>(o.result.entryId)),
                          false);
                break;
            case app::AdjustOutcome::AwaitingApproval:
                setResult(
                    wxString::Format(_("Waiting for approval #%lld (over the limit of %s points). Another "
                                       "person must approve it before the points change."),
                                     static_cast<long long>(o.result.approvalId), formatCount(o.threshold)),
                    false);
                break;
            }
            if (m_onPosted) m_onPosted();
        },
        [this](std::exception_ptr e) {
            m_posting = false;
            m_post->Enable();
            const ErrorText text = describeError(e, _("The points could not be adjusted."));
            setResult(text.detail.empty() || text.detail == text.headline
                          ? text.headline
                          : text.headline + wxS("\n") + text.detail,
                      true);
        });
    return true;
}

} // namespace md::gui
