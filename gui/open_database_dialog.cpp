#include "gui/open_database_dialog.h"

#include "gui/database_access.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <stdexcept>

namespace md::gui {

OpenDatabaseDialog::OpenDatabaseDialog(wxWindow* parent, const std::string& currentAddress)
    : wxDialog(parent, wxID_ANY, _("Open database"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE,
               wxS("openDatabase")) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_sqlite =
        new wxRadioButton(this, wxID_ANY, _("A database file on this computer (SQLite)"), wxDefaultPosition,
                          wxDefaultSize, wxRB_GROUP, wxDefaultValidator, wxS("openDatabase.sqlite"));
    sizer->Add(m_sqlite, 0, wxALL, 8);
    auto* fileRow = new wxBoxSizer(wxHORIZONTAL);
    m_path = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(380, -1), 0, wxDefaultValidator,
                            wxS("openDatabase.path"));
    auto* browse = new wxButton(this, wxID_ANY, _("&Browse…"));
    fileRow->Add(m_path, 1, wxRIGHT, 6);
    fileRow->Add(browse, 0);
    sizer->Add(fileRow, 0, wxEXPAND | wxLEFT | wxRIGHT, 28);

    m_postgres =
        new wxRadioButton(this, wxID_ANY, _("A shared database server (PostgreSQL)"), wxDefaultPosition,
                          wxDefaultSize, 0, wxDefaultValidator, wxS("openDatabase.postgresql"));
    sizer->Add(m_postgres, 0, wxALL, 8);
    m_conninfo = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(380, -1), 0, wxDefaultValidator,
                                wxS("openDatabase.server"));
    m_conninfo->SetHint(wxS("postgresql://user@server:5432/memberdesk"));
    sizer->Add(m_conninfo, 0, wxEXPAND | wxLEFT | wxRIGHT, 28);

    m_error =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("openDatabase.error"));
    m_error->SetForegroundColour(wxColour(0xC0, 0x1C, 0x28));
    sizer->Add(m_error, 0, wxEXPAND | wxALL, 8);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);

    if (isServerAddress(currentAddress)) {
        m_postgres->SetValue(true);
        m_conninfo->SetValue(fromUtf8(currentAddress));
    } else {
        m_sqlite->SetValue(true);
        m_path->SetValue(fromUtf8(sqliteFileOf(currentAddress)));
    }
    updateEnabled();

    m_sqlite->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    m_postgres->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { updateEnabled(); });
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        // No wxFD_FILE_MUST_EXIST: a new file name creates a new, empty database (after asking).
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
    const wxString path = m_path->GetValue().Strip(wxString::both);
    const wxString server = m_conninfo->GetValue().Strip(wxString::both);
    try {
        if (m_sqlite->GetValue()) {
            if (path.empty()) throw std::invalid_argument(toUtf8(_("Choose a database file.")));
            const std::filesystem::path file(toUtf8(path));
            std::error_code ec;
            if (std::filesystem::is_directory(file, ec))
                throw std::invalid_argument(toUtf8(_("That is a folder; choose a database file in it.")));
            if (!std::filesystem::exists(file, ec)) {
                // A typing mistake would otherwise become a new, empty database without a word.
                wxMessageDialog ask(this,
                                    wxString::Format(_("There is no database file at %s. Create a new, "
                                                       "empty database there?"),
                                                     path),
                                    _("Create a new database?"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
                ask.SetYesNoLabels(_("&Create"), _("&Back"));
                if (ask.ShowModal() != wxID_YES) return false;
            }
            m_address = "sqlite:" + toUtf8(path);
        } else {
            if (!isServerAddress(toUtf8(server)))
                throw std::invalid_argument(toUtf8(_("A server address starts with postgresql://")));
            m_address = toUtf8(server);
        }
        return true;
    } catch (const std::invalid_argument& e) {
        m_error->SetLabel(fromUtf8(e.what()));
        m_error->Wrap(420);
        GetSizer()->Fit(this);
        return false;
    }
}

} // namespace md::gui
