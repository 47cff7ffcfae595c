#pragma once
// The wxApp: command line (--db URL), locale and translations, and the first main window. The
// database itself is opened and migrated by the window, on a worker thread, through the
// DatabaseAccess main() hands in.
#include "gui/database_access.h"

#include <wx/app.h>

#include <optional>
#include <string>

namespace md::gui {

class App : public wxApp {
public:
    explicit App(DatabaseAccess access) : m_access(std::move(access)) {}
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    void initLocale();
    DatabaseAccess m_access;
    std::optional<std::string> m_address;
};

} // namespace md::gui
