#pragma once
// A membership card number: 4–32 characters of ASCII letters, digits and '-', stored upper-cased.
#include "expected.h"

#include <string>
#include <string_view>

namespace md {

class CardNumber {
public:
    static Expected<CardNumber> parse(std::string_view text);
    const std::string& str() const { return m_text; }
    bool operator==(const CardNumber&) const = default;
    auto operator<=>(const CardNumber&) const = default;

private:
    explicit CardNumber(std::string t) : m_text(std::move(t)) {}
    std::string m_text;
};

} // namespace md
