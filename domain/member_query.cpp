#include "domain/member_query.h"
#include "domain/text.h"

#include "domain/card_number.h"
#include "domain/phone_number.h"

#include <algorithm>

namespace md {
namespace {

using text::isSpace;
using text::trim;

// Fewer digits than this match too many phone numbers to be a useful "first digits" search (a
// mobile's first 3 are its operator, the next 4 its region); it is also where last digits stop.
constexpr std::size_t kMinPrefixDigits = 7;
constexpr std::size_t kMinDigits = 4;
constexpr std::size_t kMaxLastDigits = 10;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Digits with only spaces and dashes between them ("138-0013", "8000"): the shape of a typed tail.
bool isPlainDigitRun(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return isDigit(c) || c == ' ' || c == '-'; });
}

std::string withoutSpaces(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!isSpace(c)) out.push_back(c);
    return out;
}

/// The E.164 start of a number whose first digits were typed the national way: mobiles and Beijing
/// numbers start with 1, other landlines with the trunk 0 and their area code. "" when the digits
/// cannot start a Chinese number (a landline without its area code is never stored).
std::string nationalPrefixKey(const std::string& digits) {
    if (digits.size() < 2) return {};
    if (digits[0] == '1') return "+86" + digits;
    if (digits[0] == '0' && digits[1] != '0') return "+86" + digits.substr(1);
    return {};
}

/// "0086 153 1120": the start of a number with its country code after the international prefix 00;
/// "" otherwise. Country codes never start with 0, so "00000009" is not one.
std::string internationalPrefixKey(const std::string& digits) {
    if (digits.size() > 2 && digits[0] == '0' && digits[1] == '0' && digits[2] != '0')
        return "+" + digits.substr(2);
    return {};
}

/// Everything typed with only digits and phone separators that is not a complete phone number.
void classifyDigits(MemberQuery& q, std::string_view t) {
    const std::string digits = digitsOf(t);
    const bool plain = isPlainDigitRun(t);
    auto add = [&](QueryKind kind, std::string key) {
        if (q.kind == QueryKind::Empty) {
            q.kind = kind;
            q.key = std::move(key);
        } else {
            q.alsoAs.push_back({kind, std::move(key)});
        }
    };

    if (t.front() == '+') {
        // With a country code it is nothing else; "+86 13" is still too short to mean anyone.
        if (digits.size() >= kMinPrefixDigits) add(QueryKind::PhonePrefix, "+" + digits);
        return;
    }
    if (digits.size() >= kMinPrefixDigits) {
        std::string start = nationalPrefixKey(digits);
        if (start.empty()) start = internationalPrefixKey(digits);
        if (start.size() > kMinPrefixDigits) add(QueryKind::PhonePrefix, std::move(start));
    }
    if (!plain || digits.size() < kMinDigits) return;
    if (digits.size() <= kMaxLastDigits) {
        // phone_rev stores the E.164 digits reversed, so a typed tail becomes a prefix scan.
        add(QueryKind::LastDigits, std::string(digits.rbegin(), digits.rend()));
    } else if (digits.size() == t.size()) {
        // Long all-digit strings that are not phone numbers are card numbers printed without letters.
        if (auto card = CardNumber::parse(t)) add(QueryKind::Card, card.value().str());
    }
    // A card read out without its letters ("0000 0009" for MD00000009).
    add(QueryKind::CardDigits, digits);
}

/// Letters and digits: a card, also when read out in groups ("MD 0000 0009"). A space inside makes it
/// a card only with at least 4 digits ("Wang 2" is a name), and then the name is searched too.
bool classifyCard(MemberQuery& q, std::string_view t) {
    const bool grouped = std::any_of(t.begin(), t.end(), isSpace);
    if (grouped && digitsOf(t).size() < kMinDigits) return false;
    auto card = CardNumber::parse(grouped ? withoutSpaces(t) : std::string(t));
    if (!card) return false;
    q.kind = QueryKind::Card;
    q.key = card.value().str();
    if (grouped) q.alsoAs.push_back({QueryKind::NamePrefix, nameKey(t)});
    return true;
}

} // namespace

std::vector<QueryTerm> MemberQuery::terms() const {
    std::vector<QueryTerm> out;
    if (kind == QueryKind::Empty) return out;
    out.push_back({kind, key});
    out.insert(out.end(), alsoAs.begin(), alsoAs.end());
    return out;
}

MemberQuery classifyQuery(std::string_view typed) {
    MemberQuery q;
    const std::string folded = foldWidth(typed);
    std::string_view t = trim(folded);
    q.text = std::string(t);
    if (t.empty()) return q;

    if (t.find('@') != std::string_view::npos) {
        q.kind = QueryKind::Email;
        q.key = text::lower(t);
        return q;
    }

    if (looksLikePhoneInput(t)) {
        if (auto phone = PhoneNumber::parse(t)) {
            q.kind = QueryKind::Phone;
            q.key = phone.value().e164();
            return q;
        }
        // A fragment that is none of these ("138", "+86 13") stays Empty: no name consists of digits.
        classifyDigits(q, t);
        return q;
    }

    const bool hasDigit = std::any_of(t.begin(), t.end(), isDigit);
    const bool hasLetter = std::any_of(t.begin(), t.end(), isLetter);
    if (hasDigit && hasLetter && classifyCard(q, t)) return q;

    q.key = nameKey(t);
    if (!q.key.empty()) q.kind = QueryKind::NamePrefix;
    return q;
}

std::string foldWidth(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        if (i + 2 < s.size() && (b0 == 0xEF || b0 == 0xE3)) {
            const auto b1 = static_cast<unsigned char>(s[i + 1]);
            const auto b2 = static_cast<unsigned char>(s[i + 2]);
            if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
                const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
                if (cp >= 0xFF01 && cp <= 0xFF5E) {
                    out.push_back(static_cast<char>(cp - 0xFEE0)); // U+FF01 '！' -> U+0021 '!'
                    i += 3;
                    continue;
                }
                if (cp == 0x3000) {
                    out.push_back(' ');
                    i += 3;
                    continue;
                }
            }
        }
        out.push_back(s[i]);
        ++i;
    }
    return out;
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

std::string cardDigits(std::string_view card) {
    return digitsOf(card);
}

std::string prefixUpperBound(std::string_view prefix) {
    // U+10FFFF is the largest code point, so every UTF-8 string starting with prefix sorts below this
    // under byte-wise (binary) collation.
    std::string out(prefix);
    out += "\xF4\x8F\xBF\xBF";
    return out;
}

} // namespace md
