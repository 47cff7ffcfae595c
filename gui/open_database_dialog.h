#pragma once
// File → Open database…: a SQLite file (picked with a file dialog) or a PostgreSQL URL typed in.
// Only the text is checked here (DatabaseUrl::parse); connecting happens on a worker afterwards.
#include "persistence/database.h"

#include <wx/dialog.h>

#include <optional>

class wxRadioButton;
class wxStaticText;
class wxTextCtrl;

namespace md::gui {

class OpenDatabaseDialog : public wxDialog {
public:
    OpenDatabaseDialog(wxWindow* parent, const db::DatabaseUrl& current);
    /// The chosen database after ShowModal() returned wxID_OK.
    const db::DatabaseUrl& url() const { return *m_url; }

private:
    bool validate();
    void updateEnabled();

    wxRadioButton* m_sqlite = nullptr;
    wxRadioButton* m_postgres = nullptr;
    wxTextCtrl* m_path = nullptr;
    wxTextCtrl* m_conninfo = nullptr;
    wxStaticText* m_error = nullptr;
    std::optional<db::DatabaseUrl> m_url;
};

} // namespace md::gui
