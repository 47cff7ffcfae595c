#pragma once
// Who asks, and the time they ask in. Every use case takes one; the front end builds it once per
// session (the GUI) or per command (the CLI).
#include "domain/actor.h"
#include "domain/clock.h"

#include <string>

namespace md::app {

inline constexpr const char* kDefaultTimeZone = "Asia/Shanghai";

struct RequestContext {
    Actor actor;                             ///< the person acting: audit entries and events carry this name
    const Clock* clock;                      ///< never null; SystemClock in production
    std::string timeZone = kDefaultTimeZone; ///< the programme's IANA zone (setting "timezone")

    Timestamp now() const { return clock->now(); }
};

/// A context for the OS user with the system clock (the CLI's and the desktop app's default).
RequestContext systemContext(const Actor& actor);

} // namespace md::app
