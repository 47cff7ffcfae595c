#include "campaigns/mime_email.h"

#include "campaigns/mime_encoding.h"
#include "domain/utf8.h"

#include <cstdio>
#include <utility>

namespace md::campaigns {

namespace {

std::string oneLine(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    return out;
}

bool plainAscii(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
    // "=?" would be read as the start of an encoded word; encode such text too.
    return s.find("=?") == std::string_view::npos;
}

// Chinese text grows threefold in quoted-printable and by a third in base64; mostly-ASCII text stays
// readable in quoted-printable.
bool mostlyNonAscii(std::string_view body) {
    std::size_t high = 0;
    for (char c : body)
        high += static_cast<unsigned char>(c) >= 0x80;
    return high * 4 > body.size();
}

} // namespace

std::string encodeHeaderText(std::string_view text) {
    if (plainAscii(text)) return std::string(text);
    // 45 bytes -> 60 base64 characters + 12 for "=?UTF-8?B?" and "?=" = 72 <= 75 (RFC 2047 section 2).
    constexpr std::size_t kChunk = 45;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = i;
        while (end < text.size()) {
            const auto len = std::max<std::size_t>(1, utf8::sequenceLength(text, end));
            if (end + len - i > kChunk) break;
            end += len;
        }
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + base64(text.substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string formatMailbox(const Mailbox& m) {
    const std::string name = oneLine(m.name);
    if (name.empty()) return "<" + m.address + ">";
    if (plainAscii(name)) {
        std::string quoted;
        for (char c : name) {
            if (c == '"' || c == '\\') quoted += '\\';
            quoted += c;
        }
        return "\"" + quoted + "\" <" + m.address + ">";
    }
    return encodeHeaderText(name) + " <" + m.address + ">";
}

std::string unsubscribeLink(std::string_view baseUrl, std::string_view token) {
    const char sep = baseUrl.find('?') == std::string_view::npos ? '?' : '&';
    return std::string(baseUrl) + sep + "token=" + std::string(token);
}

std::string unsubscribeMailto(std::string_view address, std::string_view token) {
    return "mailto:" + std::string(address) + "?subject=unsubscribe%20" + std::string(token);
}

OutgoingEmail composeEmail(const EmailMessage& m) {
    // The boundary starts with "=_", which neither base64 nor quoted-printable output can contain; it
    // is derived from the Message-ID so a resend is byte for byte the same message.
    std::uint64_t h = 1469598103934665603ull;
    for (char c : m.messageId)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    const std::string boundary = std::string("=_md_") + hex;

    std::string out;
    out.reserve(m.html.size() * 4 / 3 + m.text.size() * 4 / 3 + 2048);
    out += "Date: " + rfc5322Date(m.date) + "\r\n";
    out += "From: " + formatMailbox(m.from) + "\r\n";
    out += "To: " + formatMailbox(m.to) + "\r\n";
    out += "Subject: " + encodeHeaderText(oneLine(m.subject)) + "\r\n";
    out += "Message-ID: " + m.messageId + "\r\n";
    if (!m.unsubscribeUrl.empty() || !m.unsubscribeMailto.empty()) {
        std::string links;
        for (const auto* link : {&m.unsubscribeUrl, &m.unsubscribeMailto})
            if (!link->empty()) links += (links.empty() ? "<" : ",\r\n <") + *link + ">";
        out += "List-Unsubscribe: " + links + "\r\n";
        // One-click (RFC 8058) needs the https link; a mailto alone is the older manual kind.
        if (!m.unsubscribeUrl.empty()) out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
    // Plain text first: RFC 2046 puts the part the sender prefers (HTML) last.
    for (const auto& [type, body] : {std::pair<const char*, const std::string*>{"text/plain", &m.text},
                                     std::pair<const char*, const std::string*>{"text/html", &m.html}}) {
        const bool b64 = mostlyNonAscii(*body);
        out +=
            "--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\nContent-Transfer-Encoding: ";
        out += b64 ? "base64\r\n\r\n" : "quoted-printable\r\n\r\n";
        if (b64)
            appendBase64Lines(out, *body);
        else
            appendQuotedPrintable(out, *body);
    }
    out += "--" + boundary + "--\r\n";
    return {m.from.address, m.to.address, m.messageId, std::move(out)};
}

} // namespace md::campaigns
