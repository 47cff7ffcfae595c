#include "app/request_context.h"

#include <cstdlib>

namespace md::app {

Expected<TimeZone> loadTimeZone(const std::string& name) {
    const char* dir = std::getenv("TZDIR");
    return TimeZone::load(name, dir && *dir ? dir : "/usr/share/zoneinfo");
}

TimeZone defaultTimeZone() {
    auto zone = loadTimeZone(kDefaultTimeZone);
    return zone.ok() ? zone.value() : TimeZone::fixed(kDefaultTimeZone, std::chrono::hours(8));
}

RequestContext systemContext(const Actor& actor) {
    static const SystemClock clock;
    return RequestContext{actor, &clock, defaultTimeZone()};
}

} // namespace md::app
