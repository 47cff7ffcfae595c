#pragma once
// ASCII text helpers shared by the parsers. Only ASCII is touched: Chinese (and any non-ASCII UTF-8)
// bytes pass through unchanged, which is what every caller here wants for names and codes.
#include <string>
#include <string_view>

namespace md::text {

/// Space, tab, CR, LF, form feed, vertical tab.
constexpr bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/// s without leading and trailing ASCII whitespace.
constexpr std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

constexpr char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = lower(c);
    return out;
}

} // namespace md::text
