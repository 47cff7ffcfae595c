#include "domain/campaigns/delivery_settings.h"

#include "domain/email_address.h"
#include "domain/text.h"

#include <charconv>

namespace md::campaigns {

namespace {

bool parseInt(std::string_view s, int& out) {
    if (s.empty() || s.size() > 6) return false;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// "HH:MM" -> minutes since midnight, or -1.
int parseClock(std::string_view s) {
    int h = 0, m = 0;
    if (s.size() != 5 || s[2] != ':' || !parseInt(s.substr(0, 2), h) || !parseInt(s.substr(3), m)) return -1;
    return h < 24 && m < 60 ? h * 60 + m : -1;
}

bool isOff(std::string_view s) {
    return s.empty() || s == "off" || s == "none";
}

} // namespace

std::string Mailbox::domain() const {
    const auto at = address.rfind('@');
    return at == std::string::npos ? std::string() : address.substr(at + 1);
}

Expected<Mailbox> parseMailbox(std::string_view text) {
    text = text::trim(text);
    Mailbox m;
    std::string_view addr = text;
    if (const auto lt = text.rfind('<'); lt != std::string_view::npos) {
        if (text.back() != '>') return Invalid{"expected Name <address>: the address ends with '>'"};
        addr = text.substr(lt + 1, text.size() - lt - 2);
        auto name = text::trim(text.substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
            name = name.substr(1, name.size() - 2);
        for (char c : name)
            if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '<' || c == '>')
                return Invalid{
                    "the display name may not contain quotes, angle brackets or control characters"};
        m.name = std::string(name);
    }
    auto email = EmailAddress::parse(addr);
    if (!email) return Invalid{email.error()};
    m.address = email.value().str();
    return m;
}

bool QuietHours::contains(int minute) const {
    if (startMinute == endMinute) return false;
    return startMinute < endMinute ? minute >= startMinute && minute < endMinute
                                   : minute >= startMinute || minute < endMinute;
}

Expected<std::optional<QuietHours>> parseQuietHours(std::string_view text) {
    text = text::trim(text);
    if (isOff(text)) return std::optional<QuietHours>();
    const auto dash = text.find('-');
    const int start = dash == std::string_view::npos ? -1 : parseClock(text::trim(text.substr(0, dash)));
    const int end = dash == std::string_view::npos ? -1 : parseClock(text::trim(text.substr(dash + 1)));
    if (start < 0 || end < 0)
        return Invalid{"expected HH:MM-HH:MM in 24-hour time, e.g. 21:00-09:00, or off"};
    if (start == end) return Invalid{"the quiet hours start and end at the same time"};
    return std::optional<QuietHours>(QuietHours{start, end});
}

Expected<std::optional<FrequencyCap>> parseFrequencyCap(std::string_view text) {
    text = text::trim(text);
    if (isOff(text)) return std::optional<FrequencyCap>();
    const auto slash = text.find('/');
    FrequencyCap cap;
    if (slash == std::string_view::npos || text.back() != 'd' ||
        !parseInt(text.substr(0, slash), cap.messages) ||
        !parseInt(text.substr(slash + 1, text.size() - slash - 2), cap.days))
        return Invalid{"expected MESSAGES/DAYSd, e.g. 2/7d (at most 2 messages in 7 days), or off"};
    if (cap.messages < 1 || cap.days < 1 || cap.days > 366)
        return Invalid{"the cap needs at least 1 message and 1 to 366 days"};
    return std::optional<FrequencyCap>(cap);
}

} // namespace md::campaigns
