#include "domain/actor.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace md {

Actor currentOsUser() {
    // getpwuid is authoritative; $USER can be unset under cron, CI or sudo.
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) return {pw->pw_name};
    if (const char* u = std::getenv("USER"); u && *u) return {u};
    return {"unknown"};
}

} // namespace md
