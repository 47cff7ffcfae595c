#include "gui/app.h"

#include "gui/main_frame.h"
#include "gui/startup_probe.h"
#include "gui/ui_helpers.h"

#include <wx/cmdline.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <stdexcept>

namespace md::gui {

void App::initLocale() {
    {
        wxLogNull quiet; // a machine without the user's locale installed falls back to English silently
        wxUILocale::UseDefault();
    }
    ensureUtf8Ctype();
    // SOCI and our parsers read and write numbers with '.', whatever the user's locale says.
    std::setlocale(LC_NUMERIC, "C");
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    // Installed: <prefix>/share/memberdesk/translations; in a build tree: <source>/resources/translations.
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxStandardPaths::Get().GetResourcesDir() +
                                                         wxS("/translations"));
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    exe.RemoveLastDir();
    exe.RemoveLastDir();
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath() + wxS("/resources/translations"));
    translations->AddStdCatalog();
    translations->AddCatalog(wxS("memberdesk"));
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddOption({}, wxS("db"),
                     _("the database: sqlite:PATH, a file path, or postgresql://user@host/dbname"),
                     wxCMD_LINE_VAL_STRING);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    wxString text;
    try {
        m_address = parser.Found(wxS("db"), &text) ? toUtf8(text) : m_access.defaultAddress();
        m_access.display(*m_address); // throws for an address that cannot be read
    } catch (const std::exception& e) {
        showError(nullptr, {_("The database given on the command line or in MEMBERDESK_DB is not valid."),
                            fromUtf8(e.what())});
        return false;
    }
    return true;
}

bool App::OnInit() {
    SetAppName(wxS("memberdesk"));
    SetAppDisplayName(wxS("MemberDesk"));
    initLocale();
    if (!wxApp::OnInit()) return false; // parses the command line
    auto* frame = new MainFrame(m_access, *m_address);
    frame->Show();
    startup_probe::windowShown();
    SetTopWindow(frame);
    return true;
}

} // namespace md::gui
