#pragma once
// The events a change to a member produces, built in one place so the use cases and the bulk import write
// the same shapes: member_joined, member_changed, and consent_changed {"channel","granted"} only when
// the answer itself changed.
#include "events.h"
#include "member.h"

#include <vector>

namespace md {

Event memberEvent(const char* type, const Member& m, Timestamp at, const std::string& actor);
Event consentChangedEvent(const Member& m, ContactChannel channel, Timestamp recordedAt,
                          const std::string& actor);
/// member_changed, then consent_changed for each channel whose answer differs between before and after.
std::vector<Event> memberChangeEvents(const Member& before, const Member& after, Timestamp at,
                                      const std::string& actor);

} // namespace md
