#pragma once
// How the desktop app reaches a database without naming persistence/: main() hands the app a
// DatabaseAccess built on the concrete store (persistence/soci_data_store.h), tests hand it the same.
// Every window, worker and job opens its own DataStore through `open`, on the thread that uses it.
#include "domain/unit_of_work.h"

#include <functional>
#include <memory>
#include <string>

namespace md::gui {

struct DatabaseAccess {
    /// Opens a store for an address ("sqlite:PATH", a path, "postgresql://..."). Throws
    /// std::invalid_argument for an address it cannot read, DatabaseUnavailable when unreachable.
    std::function<std::unique_ptr<DataStore>(const std::string& address)> open;
    /// The address for titles and messages, password masked. Throws std::invalid_argument like open.
    std::function<std::string(const std::string& address)> display;
    /// The database used when none is given: MEMBERDESK_DB or the default file.
    std::function<std::string()> defaultAddress;
};

/// True when an address names a shared server database rather than a file on this PC.
bool isServerAddress(const std::string& address);
/// The file of a SQLite address ("sqlite:PATH" or a plain path); "" for a server address.
std::string sqliteFileOf(const std::string& address);

} // namespace md::gui
