#include "domain/card_number.h"
#include "domain/text.h"

namespace md {
namespace {

constexpr std::size_t kMinLength = 4;
constexpr std::size_t kMaxLength = 32;

using text::trim;

} // namespace

Expected<CardNumber> CardNumber::parse(std::string_view text) {
    // Leading and trailing blanks come from spreadsheets and scanners; they are never part of a card.
    std::string_view s = trim(text);
    if (s.empty()) return Invalid{"card number is empty"};
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c >= 'a' && c <= 'z') {
            out.push_back(static_cast<char>(c - 'a' + 'A'));
        } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
            out.push_back(c);
        } else if (c == ' ') {
            return Invalid{"card number contains a space"};
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            return Invalid{"card number may contain only Latin letters, digits and '-'"};
        } else {
            return Invalid{std::string("card number contains '") + c +
                           "'; only letters, digits and '-' are allowed"};
        }
    }
    if (out.size() < kMinLength)
        return Invalid{"card number is too short: " + std::to_string(out.size()) + " characters, at least " +
                       std::to_string(kMinLength) + " are needed"};
    if (out.size() > kMaxLength)
        return Invalid{"card number is too long: " + std::to_string(out.size()) + " characters, at most " +
                       std::to_string(kMaxLength) + " are allowed"};
    return CardNumber(std::move(out));
}

} // namespace md
