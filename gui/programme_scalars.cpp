#include "gui/programme_scalars.h"

#include "gui/programme_tables.h"
#include "gui/ui_helpers.h"

#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>

namespace md::gui {

using namespace loyalty;

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);
const wxColour kErrorBackground(0xFF, 0xD6, 0xD6);

bool isMoney(const std::string& key) {
    return key == "point_value.amount" || key == "min_spend";
}

wxDateTime toWx(Date d) {
    const std::chrono::year_month_day ymd{d};
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(ymd.day())),
                      static_cast<wxDateTime::Month>(static_cast<unsigned>(ymd.month()) - 1),
                      static_cast<int>(ymd.year()));
}

Date fromWx(const wxDateTime& d) {
    return Date{std::chrono::year{d.GetYear()} / std::chrono::month{static_cast<unsigned>(d.GetMonth()) + 1} /
                std::chrono::day{static_cast<unsigned>(d.GetDay())}};
}

wxChoice* choiceOf(wxWindow* parent, const std::string& key, std::initializer_list<const char*> codes) {
    auto* c = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                           wxDefaultValidator, fromUtf8("programme." + key));
    for (const char* code : codes)
        c->Append(fromUtf8(code));
    return c;
}

void select(wxWindow* w, const std::string& code) {
    static_cast<wxChoice*>(w)->SetStringSelection(fromUtf8(code));
}

void setText(wxWindow* w, const wxString& text) {
    static_cast<wxTextCtrl*>(w)->ChangeValue(text);
}
} // namespace

ProgrammeScalars::ProgrammeScalars(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("programme.scalars")) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Programme"));
    wxWindow* in = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(6, wxSize(8, 4));
    auto text = [&](const std::string& key, int width = 90) {
        return new wxTextCtrl(in, wxID_ANY, {}, wxDefaultPosition, wxSize(width, -1), 0, wxDefaultValidator,
                              fromUtf8("programme." + key));
    };
    auto row = [&](const std::string& key, const wxString& label, wxWindow* control) {
        grid->Add(new wxStaticText(in, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(add(key, label, control), 0, wxEXPAND);
    };
    row("name", _("Name"), text("name", 200));
    row("effective_from", _("New version from"),
        new wxDatePickerCtrl(in, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                             wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator,
                             wxS("programme.effective_from")));
    row("tiers.window", _("Qualifying window"),
        choiceOf(in, "tiers.window", {"rolling_12_months", "calendar_year", "anniversary"}));
    row("tiers.downgrade", _("Downgrade"),
        choiceOf(in, "tiers.downgrade", {"one_tier_per_review", "to_qualified_tier"}));
    row("point_value.amount", _("A point is worth ¥"), text("point_value.amount"));
    row("point_value.points", _("per points"), text("point_value.points"));
    row("min_spend", _("Minimum spend ¥"), text("min_spend"));
    row("max_points_per_order", _("Max points per order"), text("max_points_per_order"));
    row("approval_threshold", _("Approval above (points)"), text("approval_threshold"));
    row("expiry.kind", _("Points expire"),
        choiceOf(in, "expiry.kind", {"never", "days_after_earn", "end_of_month", "end_of_year", "rolling"}));
    row("expiry.days", _("Expiry days"), text("expiry.days"));
    row("expiry.months", _("Expiry months"), text("expiry.months"));
    row("expiry.years", _("Expiry years"), text("expiry.years"));
    row("expiry.pending_days", _("Pending days"), text("expiry.pending_days"));
    row("expiry.expiring_soon_days", _("Expiring soon (days)"), text("expiry.expiring_soon_days"));
    box->Add(grid, 0, wxALL, 4);
    m_problems = new wxStaticText(in, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0,
                                  wxS("programme.scalarProblems"));
    m_problems->SetForegroundColour(kErrorColour);
    m_problems->Hide();
    box->Add(m_problems, 0, wxEXPAND | wxALL, 4);
    SetSizer(box);
}

wxWindow* ProgrammeScalars::add(const std::string& key, const wxString& label, wxWindow* control) {
    m_fields[key] = control;
    m_labels[key] = label;
    return control;
}

void ProgrammeScalars::show(const Programme& p) {
    setText(m_fields["name"], fromUtf8(p.name));
    static_cast<wxDatePickerCtrl*>(m_fields["effective_from"])->SetValue(toWx(p.effectiveFrom));
    select(m_fields["tiers.window"], toCode(p.ladder.window));
    select(m_fields["tiers.downgrade"], toCode(p.ladder.downgrade));
    setText(m_fields["point_value.amount"], yuanText(p.pointValue.amountMinor));
    setText(m_fields["point_value.points"],
            wxString::Format(wxS("%lld"), static_cast<long long>(p.pointValue.points)));
    setText(m_fields["min_spend"], yuanText(p.minSpendMinor));
    setText(m_fields["max_points_per_order"],
            wxString::Format(wxS("%lld"), static_cast<long long>(p.maxPointsPerOrder)));
    setText(m_fields["approval_threshold"],
            wxString::Format(wxS("%lld"), static_cast<long long>(p.approvalThreshold)));
    select(m_fields["expiry.kind"], toCode(p.expiry.kind));
    setText(m_fields["expiry.days"], wxString::Format(wxS("%d"), p.expiry.days));
    setText(m_fields["expiry.months"], wxString::Format(wxS("%d"), p.expiry.months));
    setText(m_fields["expiry.years"], wxString::Format(wxS("%d"), p.expiry.years));
    setText(m_fields["expiry.pending_days"], wxString::Format(wxS("%d"), p.expiry.pendingDays));
    setText(m_fields["expiry.expiring_soon_days"], wxString::Format(wxS("%d"), p.expiry.expiringSoonDays));
    showProblems({});
}

void ProgrammeScalars::setEffectiveFrom(Date d) {
    static_cast<wxDatePickerCtrl*>(m_fields["effective_from"])->SetValue(toWx(d));
}

void ProgrammeScalars::read(Programme& p, std::vector<ProgrammeProblem>& problems) const {
    const auto value = [&](const std::string& key) {
        return static_cast<wxTextCtrl*>(m_fields.at(key))->GetValue().Trim(true).Trim(false);
    };
    const auto number = [&](const std::string& key) -> std::int64_t {
        const wxString t = value(key);
        if (isMoney(key)) {
            if (const auto v = parseYuanText(t)) return *v;
            problems.push_back({key, "cell.not_money", "\"" + toUtf8(t) + "\" is not an amount in yuan"});
            return 0;
        }
        long long v = 0;
        if (!t.ToLongLong(&v)) {
            problems.push_back(
                {key, t.empty() ? "cell.required" : "cell.not_a_number",
                 t.empty() ? "a number is needed here" : "\"" + toUtf8(t) + "\" is not a whole number"});
            return 0;
        }
        return v;
    };
    const auto code = [&](const std::string& key) {
        return toUtf8(static_cast<wxChoice*>(m_fields.at(key))->GetStringSelection());
    };
    p.name = toUtf8(value("name"));
    p.effectiveFrom = fromWx(static_cast<wxDatePickerCtrl*>(m_fields.at("effective_from"))->GetValue());
    p.ladder.window = parseQualifyingWindow(code("tiers.window")).value_or(p.ladder.window);
    p.ladder.downgrade = parseDowngradePolicy(code("tiers.downgrade")).value_or(p.ladder.downgrade);
    p.pointValue.amountMinor = number("point_value.amount");
    p.pointValue.points = number("point_value.points");
    p.minSpendMinor = number("min_spend");
    p.maxPointsPerOrder = number("max_points_per_order");
    p.approvalThreshold = number("approval_threshold");
    p.expiry.kind = parseExpiryKind(code("expiry.kind")).value_or(p.expiry.kind);
    p.expiry.days = static_cast<int>(number("expiry.days"));
    p.expiry.months = static_cast<int>(number("expiry.months"));
    p.expiry.years = static_cast<int>(number("expiry.years"));
    p.expiry.pendingDays = static_cast<int>(number("expiry.pending_days"));
    p.expiry.expiringSoonDays = static_cast<int>(number("expiry.expiring_soon_days"));
}

void ProgrammeScalars::showProblems(const std::vector<ProgrammeProblem>& problems) {
    for (auto& [key, w] : m_fields)
        w->SetBackgroundColour(wxNullColour);
    wxString text;
    for (const ProgrammeProblem& p : problems) {
        const ProblemPlace place = placeOf(p.field);
        if (place.table) continue;
        const auto field = m_fields.find(place.scalar);
        if (field != m_fields.end()) field->second->SetBackgroundColour(kErrorBackground);
        const wxString label = field != m_fields.end() ? m_labels[place.scalar] : fromUtf8(p.field);
        text += (text.empty() ? wxString() : wxS("\n")) + label + wxS(": ") + fromUtf8(p.message);
    }
    m_problems->SetLabel(text);
    m_problems->Wrap(700);
    m_problems->Show(!text.empty());
    for (auto& [key, w] : m_fields)
        w->Refresh();
    Layout();
}

} // namespace md::gui
