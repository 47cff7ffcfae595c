#include "gui/database_access.h"

namespace md::gui {

bool isServerAddress(const std::string& address) {
    // URLs (postgresql://, postgres://) and libpq keyword strings ("host=... dbname=...").
    return address.rfind("postgres", 0) == 0 || address.find('=') != std::string::npos;
}

std::string sqliteFileOf(const std::string& address) {
    if (isServerAddress(address)) return {};
    return address.rfind("sqlite:", 0) == 0 ? address.substr(7) : address;
}

} // namespace md::gui
