#pragma once
// Who is acting. Every service call that writes takes one, so roles can be checked later.
#include <string>

namespace md {

struct Actor {
    std::string name; ///< OS user for the desktop/CLI on SQLite, database user on PostgreSQL
};

/// The OS user running this process ("unknown" if none can be found).
Actor currentOsUser();

} // namespace md
