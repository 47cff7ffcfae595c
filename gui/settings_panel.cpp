#include "gui/settings_panel.h"

#include "domain/user_error.h"
#include "gui/messages.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::gui {

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);

/// What one save did: the keys stored, or the key that was refused and why.
struct SaveOutcome {
    std::vector<Setting> settings; ///< everything as stored afterwards
    std::string failedKey;
    wxString reason;
};
} // namespace

SettingsPanel::SettingsPanel(wxWindow* parent, DbWorker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("settings")),
      m_worker(worker) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Settings for everyone who uses this database"));
    title->SetFont(title->GetFont().Bold());
    sizer->Add(title, 0, wxALL, 10);
    auto* grid = new wxFlexGridSizer(2, wxSize(12, 4));
    grid->AddGrowableCol(1, 1);
    for (const auto& spec : app::settingSpecs()) {
        grid->Add(new wxStaticText(this, wxID_ANY, fromUtf8(spec.key)), 0, wxTOP, 6);
        auto* cell = new wxBoxSizer(wxVERTICAL);
        Row row;
        row.value = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(320, -1),
                                   spec.secret ? wxTE_PASSWORD : 0, wxDefaultValidator,
                                   wxString::FromUTF8("settings." + spec.key));
        row.value->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { updateButtons(); });
        row.error = new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0,
                                     wxString::FromUTF8("settings." + spec.key + ".error"));
        row.error->SetForegroundColour(kErrorColour);
        auto* help = new wxStaticText(this, wxID_ANY, fromUtf8(spec.description));
        help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        cell->Add(row.value, 0);
        cell->Add(row.error, 0, wxTOP | wxEXPAND, 2);
        cell->Add(help, 0, wxTOP | wxEXPAND, 2);
        grid->Add(cell, 1, wxEXPAND);
        m_rows.emplace(spec.key, row);
    }
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    m_save = new wxButton(this, wxID_SAVE, _("&Save settings"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, wxS("settings.save"));
    sizer->Add(m_save, 0, wxALL, 10);
    m_message =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("settings.message"));
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    SetSizer(sizer);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    updateButtons();
}

void SettingsPanel::load() {
    m_message->SetLabel(_("Loading…"));
    m_worker.run(
        m_life.guard(), [](Session& s) { return app::listSettings(s.context, s.store); },
        [this](std::vector<Setting> settings) {
            show(settings);
            m_message->SetLabel({});
            m_loaded = true;
        },
        [this](std::exception_ptr e) {
            m_message->SetLabel(describeError(e, _("The settings could not be read.")).headline);
        });
}

void SettingsPanel::show(const std::vector<Setting>& settings) {
    for (const auto& s : settings) {
        auto it = m_rows.find(s.key);
        if (it == m_rows.end()) continue;
        it->second.stored = s.value;
        it->second.value->ChangeValue(fromUtf8(s.value));
        it->second.error->SetLabel({});
    }
    updateButtons();
    Layout();
}

void SettingsPanel::updateButtons() {
    bool dirty = false;
    for (const auto& [key, row] : m_rows)
        dirty = dirty || toUtf8(row.value->GetValue()) != row.stored;
    m_save->Enable(dirty && !m_saving);
}

void SettingsPanel::save() {
    if (m_saving) return;
    std::vector<std::pair<std::string, std::string>> changes;
    for (auto& [key, row] : m_rows) {
        row.error->SetLabel({});
        const std::string value = toUtf8(row.value->GetValue().Strip(wxString::both));
        if (value != row.stored) changes.emplace_back(key, value);
    }
    if (changes.empty()) return;
    m_saving = true;
    updateButtons();
    m_message->SetLabel(_("Saving…"));
    m_worker.run(
        m_life.guard(),
        [changes](Session& s) {
            SaveOutcome o;
            for (const auto& [key, value] : changes) {
                try {
                    app::setSetting(s.context, s.store, key, value);
                } catch (const UserError& e) {
                    o.failedKey = key;
                    o.reason = describeUserError(e).headline;
                    break;
                }
            }
            // This window's requests read "today" in the zone just chosen.
            s.context = app::withProgrammeTimeZone(s.context, s.store);
            o.settings = app::listSettings(s.context, s.store);
            return o;
        },
        [this](SaveOutcome o) {
            m_saving = false;
            // Keep what the person typed in a refused field, so they can correct it.
            std::map<std::string, wxString> typed;
            for (const auto& [key, row] : m_rows)
                typed[key] = row.value->GetValue();
            show(o.settings);
            if (o.failedKey.empty()) {
                m_message->SetForegroundColour(GetForegroundColour());
                m_message->SetLabel(_("Saved."));
            } else {
                // Nothing typed is lost: the refused value and any not yet tried stay in their fields.
                for (auto& [key, row] : m_rows)
                    row.value->ChangeValue(typed[key]);
                Row& row = m_rows.at(o.failedKey);
                row.error->SetLabel(o.reason);
                row.error->Wrap(std::max(320, row.value->GetSize().GetWidth()));
                m_message->SetForegroundColour(kErrorColour);
                m_message->SetLabel(_("Not saved: correct the value marked in red."));
            }
            updateButtons();
            Layout();
        },
        [this](std::exception_ptr e) {
            m_saving = false;
            updateButtons();
            m_message->SetLabel(describeError(e, _("The settings could not be saved.")).headline);
        });
}

} // namespace md::gui
