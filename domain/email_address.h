#pragma once
// An email address, trimmed, with the domain lower-cased. Validation is pragmatic (local@domain.tld),
// not full RFC 5322: it must catch typos in imports, not accept every legal address.
#include "expected.h"

#include <string>
#include <string_view>

namespace md {

class EmailAddress {
public:
    static Expected<EmailAddress> parse(std::string_view text);
    const std::string& str() const { return m_text; }
    /// Fully lower-cased form used for lookup.
    std::string key() const;
    bool operator==(const EmailAddress&) const = default;

private:
    explicit EmailAddress(std::string t) : m_text(std::move(t)) {}
    std::string m_text;
};

} // namespace md
