#include "domain/phone_number.h"

#include <cstring>

namespace md {
namespace {

// Runs once per row of a million-row import: the digits are gathered into a fixed buffer and the
// only allocation on success is the result string.
constexpr std::size_t kMaxDigits = 20;

struct Digits {
    char d[kMaxDigits];
    std::size_t n = 0;
    std::string_view view() const { return {d, n}; }
};

bool isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '\t';
}
bool isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string countText(std::size_t n) {
    return std::to_string(n);
}

std::string makeE164(std::string_view cc, std::string_view national) {
    std::string out;
    out.reserve(1 + cc.size() + national.size());
    out.push_back('+');
    out.append(cc);
    out.append(national);
    return out;
}

Expected<std::string> chineseNumber(std::string_view nsn, bool hadTrunkZero, bool international) {
    if (nsn.empty()) return Invalid{"no digits after the country code"};
    // Beijing landlines (area code 10) start with 1 like mobiles; they are told apart by length.
    bool beijingLandline = nsn.size() == 10 && nsn.starts_with("10") && (hadTrunkZero || international);
    if (nsn[0] == '1' && !beijingLandline) {
        if (nsn.size() < 11)
            return Invalid{"too few digits: " + countText(nsn.size()) + ", a Chinese mobile number has 11"};
        if (nsn.size() > 11)
            return Invalid{"too many digits: " + countText(nsn.size()) + ", a Chinese mobile number has 11"};
        if (nsn[1] < '3')
            return Invalid{"11-digit Chinese mobile numbers start with 13 to 19, not " +
                           std::string(nsn.substr(0, 2))};
        return makeE164("86", nsn);
    }
    if (nsn[0] == '0') return Invalid{"too many leading zeros"};
    if (!hadTrunkZero && !international)
        return Invalid{"a landline number needs its area code with the leading 0, e.g. (010) 6552 9988"};
    if (nsn.size() < 10)
        return Invalid{"too few digits: " + countText(nsn.size()) +
                       ", a Chinese landline number with its area code has 10 or 11 (without the leading 0)"};
    if (nsn.size() > 11)
        return Invalid{"too many digits: " + countText(nsn.size()) +
                       ", a Chinese landline number with its area code has 10 or 11 (without the leading 0)"};
    return makeE164("86", nsn);
}

} // namespace

Expected<PhoneNumber> PhoneNumber::parse(std::string_view text, std::string_view defaultRegion) {
    Digits dg;
    bool plus = false;
    bool sawDigit = false;
    bool nonBlank = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            if (dg.n == kMaxDigits) return Invalid{"too many digits for a phone number"};
            dg.d[dg.n++] = c;
            sawDigit = nonBlank = true;
        } else if (c == '+') {
            // Brackets may precede it: "(+86) 138 0013 8000" is a common way to write the country code.
            if (sawDigit || plus) return Invalid{"'+' may only appear at the start"};
            plus = nonBlank = true;
        } else if (isSeparator(c)) {
            if (c != ' ' && c != '\t') nonBlank = true;
        } else if (isAsciiLetter(c)) {
            return Invalid{"contains letters"};
        } else if (static_cast<unsigned char>(c) >= 0x80) {
            return Invalid{"contains characters other than digits, spaces, dashes and brackets"};
        } else {
            return Invalid{std::string("contains '") + c + "'"};
        }
    }
    if (dg.n == 0) return nonBlank ? Invalid{"contains no digits"} : Invalid{"empty"};

    std::string_view all = dg.view();
    bool international = plus;
    if (!plus && all.starts_with("00")) {
        international = true;
        all.remove_prefix(2);
    } else if (!plus && all.size() == 13 && all.starts_with("861") && all[3] >= '3') {
        // "8613800138000": a mobile exported with its country code but without the '+'.
        international = true;
    }

    if (international) {
        if (all.empty() || all[0] == '0') return Invalid{"country codes never start with 0"};
        if (all.starts_with("86")) {
            std::string_view nsn = all.substr(2);
            // "+86 (0)10 6552 9988": the trunk 0 is sometimes written after the country code.
            bool trunk = nsn.starts_with("0");
            if (trunk) nsn.remove_prefix(1);
            auto r = chineseNumber(nsn, trunk, true);
            if (!r) return Invalid{r.error()};
            return PhoneNumber(std::move(r).value());
        }
        if (all.size() < 8)
            return Invalid{"too few digits: " + countText(all.size()) +
                           ", an international number has 8 to 15"};
        if (all.size() > 15)
            return Invalid{"too many digits: " + countText(all.size()) +
                           ", an international number has 8 to 15"};
        return PhoneNumber(makeE164({}, all));
    }

    if (defaultRegion != "CN")
        return Invalid{"only Chinese numbers can be written without a country code; start with +"};
    bool trunk = all.starts_with("0");
    if (trunk) all.remove_prefix(1);
    auto r = chineseNumber(all, trunk, false);
    if (!r) return Invalid{r.error()};
    return PhoneNumber(std::move(r).value());
}

std::string PhoneNumber::display() const {
    if (m_e164.size() == 14 && m_e164.starts_with("+861")) {
        std::string out;
        out.reserve(13);
        out.append(m_e164, 3, 3).push_back(' ');
        out.append(m_e164, 6, 4).push_back(' ');
        out.append(m_e164, 10, 4);
        return out;
    }
    return m_e164;
}

bool looksLikePhoneInput(std::string_view text) {
    bool digit = false;
    bool content = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digit = content = true;
        } else if (c == '+') {
            if (content) return false;
            content = true;
        } else if (!isSeparator(c)) {
            return false;
        }
    }
    return digit;
}

std::string digitsOf(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

} // namespace md
