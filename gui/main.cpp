// The memberdesk executable and the one place the desktop app names persistence: it hands the app a
// way to open the concrete store. Everything else lives in the memberdesk_gui library, so GUI tests can
// create the same windows in-process with their own wxApp.
#include "gui/app.h"
#include "persistence/soci_data_store.h"

#include <cstdlib>

namespace {

md::gui::DatabaseAccess desktopAccess() {
    md::gui::DatabaseAccess access;
    access.open = [](const std::string& address) -> std::unique_ptr<md::DataStore> {
        auto db = std::make_unique<md::db::Database>(md::db::DatabaseUrl::parse(address));
        // The window keeps two connections open for its lifetime; 16 MB of page cache each keeps a
        // million-member browser within its memory budget while index pages stay hot.
        db->setCacheBudget(16);
        return std::make_unique<md::db::SociDataStore>(std::move(db));
    };
    access.display = [](const std::string& address) { return md::db::DatabaseUrl::parse(address).display(); };
    access.defaultAddress = []() -> std::string {
        // The environment's address as given (a masked display form would lose its password).
        if (const char* env = std::getenv("MEMBERDESK_DB"); env && *env) return env;
        return md::db::DatabaseUrl::fromEnvironmentOrDefault().display();
    };
    return access;
}

class DesktopApp : public md::gui::App {
public:
    DesktopApp() : App(desktopAccess()) {}
};

} // namespace

wxIMPLEMENT_APP(DesktopApp);
