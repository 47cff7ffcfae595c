#include "app/request_context.h"

namespace md::app {

RequestContext systemContext(const Actor& actor) {
    static const SystemClock clock;
    return RequestContext{actor, &clock, kDefaultTimeZone};
}

} // namespace md::app
