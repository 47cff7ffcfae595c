#include "gui/open_database_dialog.h"

#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <stdexcept>

namespace md::gui {

OpenDatabaseDialog::OpenDatabaseDialog(wxWindow* parent, const db::DatabaseUrl& current)
    : wxDialog(parent, wxID_ANY, _("Open database"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               wxS("openDatabase")) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_sqlite = new wxRadioButton(this, wxID_ANY, _("A database file on this computer (SQLite)"),
                                 wxDefaultPosition, wxDefaultSize, wxRB_GROUP);
    sizer->Add(m_sqlite, 0, wxALL, 8);
    auto* fileRow = new wxBoxSizer(wxHORIZONTAL);
    m_path = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(380, -1));
    auto* browse = new wxButton(this, wxID_ANY, _("&Browse…"));
    fileRow->Add(m_path, 1, wxRIGHT, 6);
    fileRow->Add(browse, 0);
    sizer->Add(fileRow, 0, wxEXPAND | wxLEFT | wxRIGHT, 28);

    m_postgres = new wxRadioButton(this, wxID_ANY, _("A shared database server (PostgreSQL)"));
    sizer->Add(m_postgres, 0, wxALL, 8);
    m_conninfo = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(380, -1));
    m_conninfo->SetHint(wxS("postgresql://user@server:5432/memberdesk"));
    sizer->Add(m_conninfo, 0, wxEXPAND | wxLEFT | wxRIGHT, 28);

    m_error = new wxStaticText(this, wxID_ANY, {});
    m_error->SetForegroundColour(wxColour(0xC0, 0x1C, 0x28));
    sizer->Add(m_error, 0, wxEXPAND | wxALL, 8);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);

    if (current.backend == db::Backend::Postgresql) {
        m_postgres->SetValue(true);
        m_conninfo->SetValue(fromUtf8(current.conninfo));
    } else {
        m_sqlite->SetValue(true);
        m_path->SetValue(fromUtf8(current.path));
    }
    updateEnabled();

    m_sqlite->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    m_postgres->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        // No wxFD_FILE_MUST_EXIST: a new file name creates a new, empty database.
        wxFileDialog dlg(this, _("Database file"), {}, m_path->GetValue(),
                         _("MemberDesk databases (*.db)|*.db|All files|*"), wxFD_OPEN);
        if (dlg.ShowModal() == wxID_OK) m_path->SetValue(dlg.GetPath());
    });
    FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
        if (validate()) e.Skip(); // Skip lets the dialog end with wxID_OK
    });
}

void OpenDatabaseDialog::updateEnabled() {
    m_path->Enable(m_sqlite->GetValue());
    m_conninfo->Enable(m_postgres->GetValue());
}

bool OpenDatabaseDialog::validate() {
    const wxString text = m_sqlite->GetValue() ? wxS("sqlite:") + m_path->GetValue().Strip(wxString::both)
                                               : m_conninfo->GetValue().Strip(wxString::both);
    try {
        if (m_sqlite->GetValue() && m_path->GetValue().Strip(wxString::both).empty())
            throw std::invalid_argument(toUtf8(_("Choose a database file.")));
        if (m_postgres->GetValue() && !text.StartsWith(wxS("postgres")))
            throw std::invalid_argument(toUtf8(_("A server address starts with postgresql://")));
        m_url = db::DatabaseUrl::parse(toUtf8(text));
        return true;
    } catch (const std::invalid_argument& e) {
        m_error->SetLabel(fromUtf8(e.what()));
        m_error->Wrap(420);
        GetSizer()->Fit(this);
        return false;
    }
}

} // namespace md::gui
