#pragma once
// Who asks, and the time they ask in. Every use case takes one; the front end builds it once per
// session (the GUI) or per command (the CLI).
#include "domain/actor.h"
#include "domain/clock.h"
#include "domain/time_zone.h"

#include <string>

namespace md::app {

inline constexpr const char* kDefaultTimeZone = "Asia/Shanghai";

struct RequestContext {
    Actor actor;        ///< the person acting: audit entries and events carry this name
    const Clock* clock; ///< never null; SystemClock in production
    TimeZone zone;      ///< the programme's zone (setting "timezone")

    Timestamp now() const { return clock->now(); }
    /// Today's date where the programme runs (not at UTC midnight, not on the PC's own zone).
    Date today() const { return zone.localDate(now()); }
};

/// The programme's default zone; a fixed UTC+8 stand-in (China has kept it since 1991) when the system
/// has no tz database.
TimeZone defaultTimeZone();
/// Loads a zone from the system's tz database ($TZDIR or /usr/share/zoneinfo).
Expected<TimeZone> loadTimeZone(const std::string& name);

/// A context for the OS user with the system clock (the CLI's and the desktop app's default).
RequestContext systemContext(const Actor& actor);

} // namespace md::app
