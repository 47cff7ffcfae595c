#include "domain/money.h"
#include "domain/text.h"

#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace md {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

using text::trim;

// Symbols people paste from receipts and spreadsheets: ¥ (U+00A5), full-width ￥ (U+FFE5), $.
bool stripSymbol(std::string_view& s) {
    for (std::string_view sym :
         {std::string_view("\xC2\xA5"), std::string_view("\xEF\xBF\xA5"), std::string_view("$")}) {
        if (s.starts_with(sym)) {
            s.remove_prefix(sym.size());
            return true;
        }
    }
    return false;
}

bool stripSign(std::string_view& s) {
    if (!s.empty() && s.front() == '-') {
        s.remove_prefix(1);
        return true;
    }
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    return false;
}

// Digit groups with ',' must be "1,234,567": 1–3 digits first, then exactly 3 per group, so a typo
// like "12,34" is caught instead of silently becoming 1234.
bool validGrouping(std::string_view intPart) {
    std::size_t comma = intPart.find(',');
    if (comma == std::string_view::npos) return true;
    if (comma == 0 || comma > 3) return false;
    std::size_t pos = comma;
    while (pos < intPart.size()) {
        if (intPart[pos] != ',' || pos + 4 > intPart.size()) return false;
        for (std::size_t k = pos + 1; k < pos + 4; ++k)
            if (intPart[k] == ',') return false;
        pos += 4;
    }
    return true;
}

std::string groupThousands(std::uint64_t units) {
    std::string digits = std::to_string(units);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    std::size_t lead = digits.size() % 3;
    if (lead == 0) lead = 3;
    out.append(digits, 0, lead);
    for (std::size_t i = lead; i < digits.size(); i += 3) {
        out.push_back(',');
        out.append(digits, i, 3);
    }
    return out;
}

std::string twoDigits(std::uint64_t cents) {
    return {static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10)};
}

// |minor| without overflow for INT64_MIN.
std::uint64_t magnitude(std::int64_t v) {
    return v < 0 ? std::uint64_t(0) - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

} // namespace

Money::Money(std::int64_t minor, std::string currency) : m_minor(minor), m_currency(std::move(currency)) {}

Expected<Money> Money::parse(std::string_view text, std::string_view currency) {
    std::string_view s = trim(text);
    if (s.empty()) return Invalid{"amount is empty"};
    // Accept the sign on either side of the symbol: "-¥3.20" and "¥-3.20" both occur in exports.
    bool negative = stripSign(s);
    if (stripSymbol(s)) {
        s = trim(s);
        if (!negative) negative = stripSign(s);
    }
    if (s.empty()) return Invalid{"amount has no digits"};

    std::size_t dot = s.find('.');
    std::string_view intPart = s.substr(0, dot);
    std::string_view fracPart = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (intPart.empty())
        return Invalid{"amount \"" + std::string(text) + "\" has no digits before the decimal point"};
    if (dot != std::string_view::npos && fracPart.empty())
        return Invalid{"amount \"" + std::string(text) + "\" has no digits after the decimal point"};
    if (fracPart.size() > 2)
        return Invalid{"amount \"" + std::string(text) + "\" has more than 2 decimal places"};
    for (char c : intPart)
        if ((c < '0' || c > '9') && c != ',')
            return Invalid{"amount \"" + std::string(text) + "\" is not a number"};
    for (char c : fracPart)
        if (c < '0' || c > '9') return Invalid{"amount \"" + std::string(text) + "\" is not a number"};
    if (!validGrouping(intPart))
        return Invalid{"amount \"" + std::string(text) + "\" has misplaced thousands separators"};

    std::int64_t units = 0;
    for (char c : intPart) {
        if (c == ',') continue;
        int d = c - '0';
        if (units > (kMax - d) / 10) return Invalid{"amount \"" + std::string(text) + "\" is too large"};
        units = units * 10 + d;
    }
    std::int64_t cents = 0;
    if (!fracPart.empty()) cents = (fracPart[0] - '0') * 10 + (fracPart.size() == 2 ? fracPart[1] - '0' : 0);
    if (units > (kMax - cents) / 100) return Invalid{"amount \"" + std::string(text) + "\" is too large"};
    std::int64_t minor = units * 100 + cents;
    return Money(negative ? -minor : minor, std::string(currency));
}

std::string Money::toDecimalString() const {
    std::uint64_t mag = magnitude(m_minor);
    std::string out = m_minor < 0 ? "-" : "";
    out += std::to_string(mag / 100);
    out.push_back('.');
    out += twoDigits(mag % 100);
    return out;
}

std::string Money::format(std::string_view locale) const {
    // Both supported locales group by thousands with ',' and use '.' for decimals; the parameter is
    // here so a locale that differs (de_DE) can be added without changing callers.
    (void)locale;
    std::uint64_t mag = magnitude(m_minor);
    std::string number = groupThousands(mag / 100) + "." + twoDigits(mag % 100);
    std::string sign = m_minor < 0 ? "-" : "";
    if (m_currency == "CNY") return sign + "\xC2\xA5" + number;
    if (m_currency == "USD") return sign + "$" + number;
    return sign + number + " " + m_currency;
}

Money Money::operator+(const Money& o) const {
    if (m_currency != o.m_currency)
        throw std::invalid_argument("cannot add " + o.m_currency + " to " + m_currency);
    std::int64_t r = 0;
    if (__builtin_add_overflow(m_minor, o.m_minor, &r)) throw std::overflow_error("money sum overflows");
    return Money(r, m_currency);
}

Money Money::operator-(const Money& o) const {
    if (m_currency != o.m_currency)
        throw std::invalid_argument("cannot subtract " + o.m_currency + " from " + m_currency);
    std::int64_t r = 0;
    if (__builtin_sub_overflow(m_minor, o.m_minor, &r))
        throw std::overflow_error("money difference overflows");
    return Money(r, m_currency);
}

} // namespace md
