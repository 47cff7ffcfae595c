#pragma once
// Money in integer minor units (fen for CNY) with an ISO 4217 currency code. Never floating point.
#include "expected.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace md {

class Money {
public:
    Money() = default;
    Money(std::int64_t minor, std::string currency = "CNY");

    /// Parses "128.50", "-3", "1,234.5", "¥128.50" (at most 2 decimals). Currency defaults to CNY.
    static Expected<Money> parse(std::string_view text, std::string_view currency = "CNY");

    std::int64_t minor() const { return m_minor; }
    const std::string& currency() const { return m_currency; }

    /// "128.50" — plain decimal, the CSV/export form; round-trips through parse().
    std::string toDecimalString() const;
    /// For display: "¥1,234.50" for CNY, "$1,234.50" for USD, "1,234.50 EUR" otherwise.
    /// locale "zh_CN"/"en_US" decide grouping; both group by thousands.
    std::string format(std::string_view locale = "zh_CN") const;

    Money operator+(const Money& o) const; ///< throws std::invalid_argument on currency mismatch
    Money operator-(const Money& o) const;
    bool operator==(const Money&) const = default;

private:
    std::int64_t m_minor = 0;
    std::string m_currency = "CNY";
};

} // namespace md
