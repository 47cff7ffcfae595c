#include "gui/member_edit.h"

namespace md::gui {

namespace {
std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void applyConsent(Consent& consent, bool granted, Timestamp now) {
    if (consent.granted == granted) return; // untouched: keep where and when it was recorded
    consent = Consent{granted, "agent", now};
}
} // namespace

MemberEdits editsOf(const Member& m) {
    return MemberEdits{m.name, m.phone ? m.phone->display() : std::string(),
                       m.email ? m.email->str() : std::string(), m.emailConsent.granted,
                       m.smsConsent.granted};
}

EditResult applyEdits(const Member& original, const MemberEdits& edits, Timestamp now) {
    EditResult r;
    r.member = original;
    Member& m = r.member;

    m.name = trimmed(edits.name);
    if (m.name.empty()) r.nameError = "a name is required";

    if (const std::string phone = trimmed(edits.phone); phone.empty()) {
        m.phone.reset();
    } else if (auto parsed = PhoneNumber::parse(phone)) {
        m.phone = parsed.value();
    } else {
        r.phoneError = parsed.error();
    }

    if (const std::string email = trimmed(edits.email); email.empty()) {
        m.email.reset();
    } else if (auto parsed = EmailAddress::parse(email)) {
        m.email = parsed.value();
    } else {
        r.emailError = parsed.error();
    }

    applyConsent(m.emailConsent, edits.emailConsent, now);
    applyConsent(m.smsConsent, edits.smsConsent, now);

    // Rules across fields only make sense once every field parses.
    if (r.nameError.empty() && r.phoneError.empty() && r.emailError.empty()) r.formError = validateMember(m);
    r.changed = !(m == original);
    return r;
}

} // namespace md::gui
