#include "gui/member_detail_panel.h"

#include "app/members.h"
#include "domain/errors.h"
#include "gui/conflict_prompt.h"
#include "gui/member_edit.h"
#include "gui/member_loyalty_panel.h"
#include "gui/member_purchases_panel.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace md::gui {

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);

wxString genderText(Gender g) {
    switch (g) {
    case Gender::Female:
        return _("Female");
    case Gender::Male:
        return _("Male");
    case Gender::Other:
        return _("Other");
    default:
        return _("Not given");
    }
}

wxString statusText(MemberStatus s) {
    switch (s) {
    case MemberStatus::Suspended:
        return _("Suspended");
    case MemberStatus::Closed:
        return _("Closed");
    default:
        return _("Active");
    }
}

/// Domain reasons are lower-case sentence fragments ("contains letters"); a label wants a capital.
wxString sentence(const std::string& reason) {
    wxString s = fromUtf8(reason);
    if (!s.empty()) s[0] = wxToupper(s[0]);
    return s;
}

void setError(wxStaticText* label, const std::string& reason) {
    label->SetLabel(sentence(reason));
    // Long reasons wrap under their field instead of running off the pane.
    if (!reason.empty()) label->Wrap(std::max(160, label->GetParent()->GetClientSize().GetWidth() - 110));
    label->Show(!reason.empty());
}

/// The other person's version, one line per field the form shows.
wxString otherVersionText(const Member& theirs) {
    const MemberEdits e = editsOf(theirs);
    const auto or_dash = [](const std::string& v) { return v.empty() ? wxString(wxS("—")) : fromUtf8(v); };
    return wxString::Format(_("Saved meanwhile by someone else:\nName: %s\nPhone: %s\nEmail: %s\n"
                              "Email marketing: %s, SMS marketing: %s"),
                            or_dash(e.name), or_dash(e.phone), or_dash(e.email),
                            e.emailConsent ? _("yes") : _("no"), e.smsConsent ? _("yes") : _("no"));
}
} // namespace

MemberDetailPanel::MemberDetailPanel(wxWindow* parent, DbWorker& worker)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL | wxTAB_TRAVERSAL,
                       wxS("detail")),
      m_worker(worker) {
    SetScrollRate(0, 12);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_placeholder = new wxStaticText(this, wxID_ANY, _("Select a member in the list to see the details."),
                                     wxDefaultPosition, wxDefaultSize, 0, wxS("detail.placeholder"));
    sizer->Add(m_placeholder, 0, wxEXPAND | wxALL, 8);
    // The hint wraps to the pane's width instead of running off its edge.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        if (m_placeholder->IsShown()) m_placeholder->Wrap(std::max(120, e.GetSize().GetWidth() - 24));
        if (m_loyaltySummary && !m_loyaltySummary->GetLabel().empty())
            m_loyaltySummary->Wrap(std::max(120, e.GetSize().GetWidth() - 28));
        e.Skip();
    });
    buildProfile(sizer);
    buildConsentAndButtons(sizer);
    // The points at a glance, always; below it either the purchases or the loyalty details, each
    // taking the height the pane has left (both at once would not fit a 1080-line screen).
    m_loyaltySummary = new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0,
                                        wxS("detail.loyaltySummary"));
    m_loyaltySummary->SetFont(m_loyaltySummary->GetFont().Bold());
    sizer->Add(m_loyaltySummary, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    auto* views = new wxBoxSizer(wxHORIZONTAL);
    m_viewPurchases = new wxRadioButton(this, wxID_ANY, _("Purchases"), wxDefaultPosition, wxDefaultSize,
                                        wxRB_GROUP, wxDefaultValidator, wxS("detail.viewPurchases"));
    m_viewLoyalty = new wxRadioButton(this, wxID_ANY, _("Points && tier"), wxDefaultPosition, wxDefaultSize,
                                      0, wxDefaultValidator, wxS("detail.viewLoyalty"));
    for (wxRadioButton* b : {m_viewPurchases, m_viewLoyalty}) {
        b->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { showLowerView(); });
        views->Add(b, 0, wxRIGHT, 12);
    }
    sizer->Add(views, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    m_loyalty = new MemberLoyaltyPanel(this, m_worker);
    m_loyalty->setSummaryLabel(m_loyaltySummary);
    sizer->Add(m_loyalty, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    m_pointsSub =
        m_loyalty->pointsChanged().subscribe([this](const std::int64_t& id) { m_changed.publish(id); });
    m_purchases = new MemberPurchasesPanel(this);
    // The purchases (recent transactions) take whatever height the pane has left.
    sizer->Add(m_purchases, 1, wxEXPAND | wxALL, 6);
    SetSizer(sizer);
    showSections(false);
    enableEditing(false);
}

void MemberDetailPanel::showSections(bool show) {
    // Everything below the placeholder; showing a section shows all its children, hidden error
    // labels too, so callers re-apply the field errors afterwards (showEditable does).
    wxSizer* sizer = GetSizer();
    m_placeholder->Show(!show);
    for (std::size_t i = 1; i < sizer->GetItemCount(); ++i)
        sizer->Show(i, show);
    if (show) showLowerView();
}

void MemberDetailPanel::showLoyaltyDetails(bool on) {
    (on ? m_viewLoyalty : m_viewPurchases)->SetValue(true);
    showLowerView();
}

void MemberDetailPanel::showLowerView() {
    const bool loyalty = m_viewLoyalty->GetValue();
    if (m_member) {
        m_loyalty->Show(loyalty);
        m_purchases->Show(!loyalty);
    }
    Layout();
    FitInside();
}

void MemberDetailPanel::setMessage(const wxString& text) {
    (m_member ? m_formMessage : m_placeholder)->SetLabel(text);
}

void MemberDetailPanel::buildProfile(wxSizer* sizer) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Profile"));
    wxWindow* parent = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 4));
    grid->AddGrowableCol(1);
    auto addRow = [&](const wxString& label, wxWindow* value, wxStaticText* error = nullptr) {
        // Beside a field with an error line under it, the label stays level with the field.
        grid->Add(new wxStaticText(parent, wxID_ANY, label), 0,
                  error ? int(wxTOP) : int(wxALIGN_CENTER_VERTICAL), error ? 6 : 0);
        if (!error) {
            grid->Add(value, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
            return;
        }
        // The reason sits right under its field, in red, so the agent sees what to fix where.
        auto* cell = new wxBoxSizer(wxVERTICAL);
        cell->Add(value, 0, wxEXPAND);
        cell->Add(error, 0, wxTOP, 2);
        grid->Add(cell, 1, wxEXPAND);
    };
    auto label = [&](const char* name) {
        return new wxStaticText(parent, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, name);
    };
    auto errorLabel = [&](const char* name) {
        auto* e = label(name);
        e->SetForegroundColour(kErrorColour);
        e->Hide();
        return e;
    };
    auto edit = [&](const char* name) {
        auto* t = new wxTextCtrl(parent, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0,
                                 wxDefaultValidator, name);
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateButtons(); });
        return t;
    };

    m_card = label("detail.card");
    m_card->SetFont(m_card->GetFont().Bold());
    addRow(_("Card no."), m_card);
    m_name = edit("detail.name");
    m_nameError = errorLabel("detail.nameError");
    addRow(_("Name"), m_name, m_nameError);
    m_phone = edit("detail.phone");
    m_phoneError = errorLabel("detail.phoneError");
    addRow(_("Phone"), m_phone, m_phoneError);
    m_email = edit("detail.email");
    m_emailError = errorLabel("detail.emailError");
    addRow(_("Email"), m_email, m_emailError);
    addRow(_("Birthday"), m_birthday = label("detail.birthday"));
    addRow(_("Gender"), m_gender = label("detail.gender"));
    addRow(_("Joined"), m_joined = label("detail.joined"));
    addRow(_("Home store"), m_store = label("detail.store"));
    addRow(_("Status"), m_status = label("detail.status"));
    box->Add(grid, 0, wxEXPAND | wxALL, 4);
    sizer->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
}

void MemberDetailPanel::buildConsentAndButtons(wxSizer* sizer) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Consent"));
    wxWindow* parent = box->GetStaticBox();
    auto addChannel = [&](const wxString& text, const char* name, const char* infoName, wxStaticText*& info) {
        auto* check = new wxCheckBox(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0,
                                     wxDefaultValidator, name);
        check->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { updateButtons(); });
        info = new wxStaticText(parent, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, infoName);
        info->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        box->Add(check, 0, wxLEFT | wxRIGHT | wxTOP, 4);
        box->Add(info, 0, wxLEFT | wxBOTTOM, 24);
        return check;
    };
    m_emailConsent = addChannel(_("Email marketing"), "detail.emailConsent", "detail.emailConsentInfo",
                                m_emailConsentInfo);
    m_smsConsent =
        addChannel(_("SMS marketing"), "detail.smsConsent", "detail.smsConsentInfo", m_smsConsentInfo);
    sizer->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_save = new wxButton(this, wxID_SAVE, _("&Save"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, wxS("detail.save"));
    m_revert = new wxButton(this, wxID_REVERT_TO_SAVED, _("&Revert"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, wxS("detail.revert"));
    buttons->Add(m_save, 0, wxRIGHT, 6);
    buttons->Add(m_revert, 0);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxTOP, 6);
    m_formMessage =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("detail.message"));
    sizer->Add(m_formMessage, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    m_otherVersion =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("detail.otherVersion"));
    m_otherVersion->SetForegroundColour(kErrorColour);
    sizer->Add(m_otherVersion, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSave(); });
    m_revert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_member) showEditable(*m_member);
    });
}

std::optional<std::int64_t> MemberDetailPanel::memberId() const {
    return m_member ? std::optional(m_member->id) : std::nullopt;
}

void MemberDetailPanel::clear() {
    ++m_loadGeneration; // a load still on its way is no longer wanted
    m_member.reset();
    m_loyalty->clear();
    showSections(false);
    m_placeholder->SetLabel(_("Select a member in the list to see the details."));
    enableEditing(false);
    Layout();
}

bool MemberDetailPanel::hasUnsavedEdits() const {
    return m_member && !m_saving && !(readEdits() == editsOf(*m_member));
}

bool MemberDetailPanel::saveEdits() {
    return onSave();
}

void MemberDetailPanel::showMember(std::int64_t id) {
    const int gen = ++m_loadGeneration;
    setMessage(_("Loading…"));
    m_loyalty->clear(); // the previous member's points must not stay on screen under this one
    m_worker.run(
        m_life.guard(),
        [id](Session& s) {
            auto card = app::showMemberById(s.context, s.store, id, 20);
            if (!card) throw NotFound("member " + std::to_string(id) + " does not exist");
            return Loaded{std::move(card->member), card->totals, std::move(card->recent),
                          std::move(card->homeStore)};
        },
        [this, gen](Loaded loaded) {
            if (gen == m_loadGeneration) display(loaded); // a later selection wins
        },
        [this, gen](std::exception_ptr e) {
            if (gen != m_loadGeneration) return;
            setMessage(describeError(e, _("The member could not be loaded.")).headline);
        });
}

void MemberDetailPanel::display(const Loaded& l) {
    const Member& m = l.member;
    m_member = m;
    showSections(true);
    m_card->SetLabel(fromUtf8(m.card.str()));
    m_birthday->SetLabel(m.birthday ? formatDateText(*m.birthday) : wxString(wxS("—")));
    m_gender->SetLabel(genderText(m.gender));
    m_joined->SetLabel(formatDateText(m.joinDate));
    wxString store = fromUtf8(m.homeStore);
    if (l.store && !l.store->name.empty()) store += wxS("  ") + fromUtf8(l.store->name);
    m_store->SetLabel(store);
    m_status->SetLabel(statusText(m.status));
    showEditable(m);
    m_formMessage->SetLabel({});
    m_otherVersion->SetLabel({});
    m_otherVersion->Hide();

    m_purchases->show(l.totals, l.recent);
    if (m_loyalty->memberId() != m.id) m_loyalty->showMember(m.id, m.card.str());
    enableEditing(true);
    Layout();
    FitInside();
}

void MemberDetailPanel::showEditable(const Member& m) {
    const MemberEdits e = editsOf(m);
    m_name->ChangeValue(fromUtf8(e.name));
    m_phone->ChangeValue(fromUtf8(e.phone));
    m_email->ChangeValue(fromUtf8(e.email));
    m_emailConsent->SetValue(e.emailConsent);
    m_smsConsent->SetValue(e.smsConsent);
    showConsent(m_emailConsentInfo, m.emailConsent);
    showConsent(m_smsConsentInfo, m.smsConsent);
    clearFieldErrors();
    updateButtons();
}

void MemberDetailPanel::showConsent(wxStaticText* label, const Consent& c) {
    if (c.source.empty() && !c.at) {
        label->SetLabel(c.granted ? _("granted") : _("never asked"));
        return;
    }
    const wxString what = c.granted ? _("granted") : _("withdrawn");
    label->SetLabel(wxString::Format(_("%s via %s, %s"), what, fromUtf8(c.source), formatLocalTime(c.at)));
}

void MemberDetailPanel::clearFieldErrors() {
    for (wxStaticText* e : {m_nameError, m_phoneError, m_emailError})
        setError(e, {});
    m_formMessage->SetForegroundColour(GetForegroundColour());
    m_formMessage->SetLabel({});
    Layout();
}

MemberEdits MemberDetailPanel::readEdits() const {
    return MemberEdits{toUtf8(m_name->GetValue()), toUtf8(m_phone->GetValue()), toUtf8(m_email->GetValue()),
                       m_emailConsent->GetValue(), m_smsConsent->GetValue()};
}

void MemberDetailPanel::updateButtons() {
    const bool dirty = m_member && !(readEdits() == editsOf(*m_member));
    m_save->Enable(dirty && !m_saving);
    m_revert->Enable(dirty && !m_saving);
}

void MemberDetailPanel::enableEditing(bool on) {
    for (wxWindow* w :
         std::initializer_list<wxWindow*>{m_name, m_phone, m_email, m_emailConsent, m_smsConsent})
        w->Enable(on);
    updateButtons();
}

bool MemberDetailPanel::onSave() {
    if (!m_member || m_saving) return false;
    EditResult r = applyEdits(*m_member, readEdits(), nowUtc());
    setError(m_nameError, r.nameError);
    setError(m_phoneError, r.phoneError);
    setError(m_emailError, r.emailError);
    if (!r.ok()) {
        m_formMessage->SetForegroundColour(kErrorColour);
        m_formMessage->SetLabel(r.formError.empty() ? _("Not saved: correct the fields marked in red.")
                                                    : _("Not saved: ") + sentence(r.formError));
        Layout();
        FitInside();
        return false;
    }
    clearFieldErrors();
    if (!r.changed) return true;
    m_saving = true;
    updateButtons();
    m_formMessage->SetLabel(_("Saving…"));
    const int gen = m_loadGeneration;
    m_worker.run(
        m_life.guard(),
        [member = r.member](Session& s) mutable {
            SaveOutcome o;
            try {
                app::saveMember(s.context, s.store, member);
                o.saved = member;
            } catch (const ConflictError&) {
                o.yours = member;
                // To show both versions side by side.
                if (auto card = app::showMemberById(s.context, s.store, member.id, 0))
                    o.theirs = std::move(card->member);
            }
            return o;
        },
        [this, gen](SaveOutcome o) {
            m_saving = false;
            if (gen == m_loadGeneration) {
                onSaved(std::move(o));
                return;
            }
            // Another member is on screen by now: its form stays as it is.
            updateButtons();
            if (o.saved) {
                m_changed.publish(o.saved->id);
            } else if (o.yours) {
                // The edit was lost to someone else's save; say so, naming the member, rather than
                // dropping it silently.
                m_changed.publish(o.yours->id); // the list still shows the values from before their save
                tellConflictAfterLeaving(this, *o.yours, o.theirs);
            }
        },
        [this, gen, card = fromUtf8(r.member.card.str())](std::exception_ptr e) {
            m_saving = false;
            updateButtons();
            if (gen == m_loadGeneration) m_formMessage->SetLabel(_("Not saved."));
            // Name the member: by now another one may be on screen.
            const wxString context = wxString::Format(_("Member %s could not be saved."), card);
            ErrorText text = describeError(e, context);
            if (text.headline != context) text.headline = context + wxS(" ") + text.headline;
            showError(this, text);
        });
    return true;
}

void MemberDetailPanel::onSaved(SaveOutcome o) {
    if (o.saved) {
        m_member = *o.saved;
        showEditable(*m_member);
        m_formMessage->SetLabel(_("Saved."));
        m_otherVersion->SetLabel({});
        m_otherVersion->Hide();
        m_changed.publish(m_member->id);
        return;
    }
    m_formMessage->SetForegroundColour(kErrorColour);
    m_formMessage->SetLabel(_("Not saved: someone else changed this member."));
    updateButtons();
    if (!o.yours) return;
    m_changed.publish(o.yours->id); // the list still shows the values from before their save
    if (askReloadAfterConflict(this, *o.yours, o.theirs)) {
        showMember(o.yours->id);
    } else if (o.theirs) {
        // The agent has seen both versions and keeps their own edits in the form: base the next save
        // on the stored version, so it replaces it knowingly instead of conflicting forever.
        m_member = *o.theirs;
        m_formMessage->SetLabel(_("Your edits are kept. Save again to replace the other version."));
        m_otherVersion->SetLabel(otherVersionText(*o.theirs));
        m_otherVersion->Show();
        updateButtons();
        Layout();
        FitInside();
    }
}

} // namespace md::gui
