#include "domain/member_events.h"

namespace md {

Event memberEvent(const char* type, const Member& m, Timestamp at, const std::string& actor) {
    Event e;
    e.type = type;
    e.memberId = m.id;
    e.entityId = m.id;
    e.occurredAt = at;
    e.recordedAt = at;
    e.actor = actor;
    return e;
}

Event consentChangedEvent(const Member& m, ContactChannel channel, Timestamp recordedAt,
                          const std::string& actor) {
    const Consent& consent = channel == ContactChannel::Email ? m.emailConsent : m.smsConsent;
    Event e = memberEvent(event::kConsentChanged, m, recordedAt, actor);
    // When the member answered, if known; journeys and audits care about that, not when we typed it.
    e.occurredAt = consent.at.value_or(recordedAt);
    e.payload = std::string("{\"channel\":\"") + (channel == ContactChannel::Email ? "email" : "sms") +
                "\",\"granted\":" + (consent.granted ? "true" : "false") + "}";
    return e;
}

std::vector<Event> memberChangeEvents(const Member& before, const Member& after, Timestamp at,
                                      const std::string& actor) {
    std::vector<Event> out{memberEvent(event::kMemberChanged, after, at, actor)};
    if (before.emailConsent.granted != after.emailConsent.granted)
        out.push_back(consentChangedEvent(after, ContactChannel::Email, at, actor));
    if (before.smsConsent.granted != after.smsConsent.granted)
        out.push_back(consentChangedEvent(after, ContactChannel::Sms, at, actor));
    return out;
}

} // namespace md
