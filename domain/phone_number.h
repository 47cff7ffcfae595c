#pragma once
// A phone number normalised to E.164 ("+8613800138000"). Default region CN.
#include "expected.h"

#include <string>
#include <string_view>

namespace md {

class PhoneNumber {
public:
    /// Accepts "+86 138 0013 8000", "13800138000", "138-0013-8000", "0086 13800138000",
    /// "(010) 6552 9988" (CN landline with area code), "+1 415 555 0100" (any +CC with 7–15 digits).
    /// Rejects junk with a reason ("contains letters", "11-digit CN mobile numbers start with 13–19", ...).
    static Expected<PhoneNumber> parse(std::string_view text, std::string_view defaultRegion = "CN");

    const std::string& e164() const { return m_e164; }
    /// Digits only, without '+': used for the last-digits index.
    std::string digits() const { return m_e164.substr(1); }
    /// National display form for CN mobiles "138 0013 8000", else the E.164 string.
    std::string display() const;
    bool operator==(const PhoneNumber&) const = default;

private:
    explicit PhoneNumber(std::string e164) : m_e164(std::move(e164)) {}
    std::string m_e164;
};

/// True when text looks like a phone number fragment a user types (digits with spaces, dashes, +).
bool looksLikePhoneInput(std::string_view text);
/// Digits of text ("138-0013" -> "1380013").
std::string digitsOf(std::string_view text);

} // namespace md
