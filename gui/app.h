#pragma once
// The wxApp: command line (--db URL), locale and translations, and the first main window. The
// database itself is opened and migrated by the window, on a worker thread.
#include "persistence/database.h"

#include <wx/app.h>

#include <optional>

namespace md::gui {

class App : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    void initLocale();
    std::optional<db::DatabaseUrl> m_url;
};

} // namespace md::gui

wxDECLARE_APP(md::gui::App);
