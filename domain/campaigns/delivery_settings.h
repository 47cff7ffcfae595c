#pragma once
// The text forms of the delivery settings, parsed in one place so the settings validator, the
// dispatcher and the app read them the same way: a mailbox "Name <address>", quiet hours "21:00-09:00",
// a frequency cap "2/7d".
#include "domain/expected.h"

#include <optional>
#include <string>
#include <string_view>

namespace md::campaigns {

struct Mailbox {
    std::string name;    ///< display name, may be Chinese; empty when only an address was given
    std::string address; ///< local@domain
    /// The domain part of the address ("example.com").
    std::string domain() const;
};

/// "Name <a@b.cn>", "\"Name\" <a@b.cn>" or "a@b.cn".
Expected<Mailbox> parseMailbox(std::string_view text);

/// A daily window in local minutes since midnight; start > end wraps past midnight (21:00-09:00).
struct QuietHours {
    int startMinute = 0, endMinute = 0;
    /// True when the local minute of day falls inside the window (start inclusive, end exclusive).
    bool contains(int minuteOfDay) const;
};

/// "HH:MM-HH:MM", or "off" / "" for none.
Expected<std::optional<QuietHours>> parseQuietHours(std::string_view text);

/// At most `messages` messages to one member across channels within `days` days.
struct FrequencyCap {
    int messages = 0, days = 0;
};

/// "2/7d", or "off" / "" for none.
Expected<std::optional<FrequencyCap>> parseFrequencyCap(std::string_view text);

} // namespace md::campaigns
