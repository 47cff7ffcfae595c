#include "domain/member_query.h"
#include "domain/text.h"

#include "domain/card_number.h"
#include "domain/phone_number.h"

#include <algorithm>

namespace md {
namespace {

using text::isSpace;
using text::trim;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string asciiLower(std::string_view s) {
    return text::lower(s);
}

/// Digits with only spaces and dashes between them ("138-0013", "8000"): the shape of a typed tail.
bool isPlainDigitRun(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return isDigit(c) || c == ' ' || c == '-'; });
}

} // namespace

MemberQuery classifyQuery(std::string_view text) {
    MemberQuery q;
    std::string_view t = trim(text);
    q.text = std::string(t);
    if (t.empty()) return q;

    if (t.find('@') != std::string_view::npos) {
        q.kind = QueryKind::Email;
        q.key = asciiLower(t);
        return q;
    }

    if (looksLikePhoneInput(t)) {
        if (auto phone = PhoneNumber::parse(t)) {
            q.kind = QueryKind::Phone;
            q.key = phone.value().e164();
            return q;
        }
        std::string digits = digitsOf(t);
        if (isPlainDigitRun(t) && digits.size() >= 4 && digits.size() <= 10) {
            // phone_rev stores the E.164 digits reversed, so a typed tail becomes a prefix scan.
            q.kind = QueryKind::LastDigits;
            q.key.assign(digits.rbegin(), digits.rend());
            return q;
        }
        // Long all-digit strings that are not phone numbers are card numbers printed without letters.
        if (isPlainDigitRun(t) && digits.size() > 10 && digits.size() == t.size()) {
            if (auto card = CardNumber::parse(t)) {
                q.kind = QueryKind::Card;
                q.key = card.value().str();
                return q;
            }
        }
        // A fragment that is neither ("138", "+86 13"): no name consists of digits, so nothing to search.
        return q;
    }

    bool hasDigit = std::any_of(t.begin(), t.end(), isDigit);
    bool hasLetter = std::any_of(t.begin(), t.end(), isLetter);
    if (hasDigit && hasLetter) {
        if (auto card = CardNumber::parse(t)) {
            q.kind = QueryKind::Card;
            q.key = card.value().str();
            return q;
        }
    }

    q.key = nameKey(t);
    if (!q.key.empty()) q.kind = QueryKind::NamePrefix;
    return q;
}

std::string nameKey(std::string_view name) {
    std::string_view s = trim(name);
    std::string out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (char c : s) {
        if (isSpace(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string prefixUpperBound(std::string_view prefix) {
    // U+10FFFF is the largest code point, so every UTF-8 string starting with prefix sorts below this
    // under byte-wise (binary) collation.
    std::string out(prefix);
    out += "\xF4\x8F\xBF\xBF";
    return out;
}

} // namespace md
