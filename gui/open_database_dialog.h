#pragma once
// File → Open database…: a SQLite file (picked with a file dialog) or a PostgreSQL URL typed in.
// Only the text is checked here; a file that does not exist is created only after the person agrees
// (a mistyped path must not silently become an empty database). Connecting happens afterwards, in a
// trial window (MainFrame::switchTo).
#include <string>

#include <wx/dialog.h>

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace md::gui {

class OpenDatabaseDialog : public wxDialog {
public:
    OpenDatabaseDialog(wxWindow* parent, const std::string& currentAddress);
    /// The chosen database's address after ShowModal() returned wxID_OK.
    const std::string& address() const { return m_address; }
    /// As the OK button: checks the input (and asks before creating a file); true when it is fine.
    bool validate();

private:
    void updateEnabled();

    wxRadioButton* m_sqlite = nullptr;
    wxRadioButton* m_postgres = nullptr;
    wxTextCtrl* m_path = nullptr;
    wxTextCtrl* m_conninfo = nullptr;
    wxStaticText* m_error = nullptr;
    std::string m_address;
};

} // namespace md::gui
