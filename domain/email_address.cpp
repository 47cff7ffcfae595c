#include "domain/email_address.h"
#include "domain/text.h"

namespace md {
namespace {

using text::isSpace;
using text::lower;
using text::trim;
bool isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that are legal only inside a quoted local part; nobody types those into a CRM, and
// they usually mean two addresses were pasted into one field.
bool forbiddenInLocal(char c) {
    switch (c) {
    case '"':
    case '(':
    case ')':
    case ',':
    case ':':
    case ';':
    case '<':
    case '>':
    case '[':
    case ']':
    case '\\':
        return true;
    default:
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    }
}

std::string checkLocal(std::string_view local) {
    if (local.empty()) return "nothing before the @";
    if (local.size() > 64) return "the part before the @ is longer than 64 characters";
    for (char c : local) {
        if (isSpace(c)) return "contains a space";
        if (static_cast<unsigned char>(c) >= 0x80)
            return "non-Latin characters before the @ are not supported";
        if (forbiddenInLocal(c)) return std::string("contains '") + c + "' before the @";
    }
    if (local.front() == '.' || local.back() == '.') return "the part before the @ starts or ends with a dot";
    if (local.find("..") != std::string_view::npos) return "contains two dots in a row";
    return {};
}

std::string checkDomain(std::string_view domain) {
    if (domain.empty()) return "nothing after the @";
    if (domain.size() > 253) return "the domain is longer than 253 characters";
    if (domain.find("..") != std::string_view::npos) return "contains two dots in a row";
    if (domain.front() == '.' || domain.back() == '.') return "the domain starts or ends with a dot";
    if (domain.find('.') == std::string_view::npos) return "the domain has no dot (e.g. example.com)";
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = domain.find('.', start);
        if (end == std::string_view::npos) end = domain.size();
        std::string_view label = domain.substr(start, end - start);
        if (label.size() > 63) return "a part of the domain is longer than 63 characters";
        for (char c : label) {
            if (isSpace(c)) return "contains a space";
            if (!isAlnum(c) && c != '-')
                return "the domain may contain only letters, digits, hyphens and dots";
        }
        if (label.front() == '-' || label.back() == '-')
            return "a part of the domain starts or ends with a hyphen";
        if (end == domain.size()) {
            bool allDigits = true;
            for (char c : label)
                allDigits = allDigits && c >= '0' && c <= '9';
            if (allDigits) return "the domain ends in a number, not a name like .com or .cn";
        }
        start = end + 1;
    }
    return {};
}

} // namespace

Expected<EmailAddress> EmailAddress::parse(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return Invalid{"empty"};
    std::size_t at = s.find('@');
    if (at == std::string_view::npos) return Invalid{"has no @"};
    if (s.find('@', at + 1) != std::string_view::npos) return Invalid{"has more than one @"};
    std::string_view local = s.substr(0, at);
    std::string_view domain = s.substr(at + 1);
    if (std::string why = checkLocal(local); !why.empty()) return Invalid{std::move(why)};
    if (std::string why = checkDomain(domain); !why.empty()) return Invalid{std::move(why)};

    std::string out(s);
    for (std::size_t i = at + 1; i < out.size(); ++i)
        out[i] = lower(out[i]);
    return EmailAddress(std::move(out));
}

std::string EmailAddress::key() const {
    std::string k = m_text;
    for (char& c : k)
        c = lower(c);
    return k;
}

} // namespace md
