#pragma once
// The Settings page: the settings shared by everyone on this database (app/settings.h), one row per
// key with its description. Values are validated by the use case; the reason appears under the field.
#include "app/settings.h"
#include "gui/db_worker.h"

#include <wx/panel.h>

#include <map>
#include <string>

class wxStaticText;
class wxTextCtrl;
class wxButton;

namespace md::gui {

class SettingsPanel : public wxPanel {
public:
    SettingsPanel(wxWindow* parent, DbWorker& worker);
    /// Reads the current values (on the worker) into the fields.
    void load();
    /// As the Save button: stores every changed value.
    void save();

    bool isLoaded() const { return m_loaded; }
    bool isSaving() const { return m_saving; }

private:
    struct Row {
        wxTextCtrl* value = nullptr;
        wxStaticText* error = nullptr;
        std::string stored;
    };
    void show(const std::vector<Setting>& settings);
    void updateButtons();

    DbWorker& m_worker;
    Lifeline m_life;
    std::map<std::string, Row> m_rows;
    wxButton* m_save = nullptr;
    wxStaticText* m_message = nullptr;
    bool m_loaded = false;
    bool m_saving = false;
};

} // namespace md::gui
