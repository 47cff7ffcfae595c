#include "campaigns/mime_email.h"

#include "domain/utf8.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/StringPartSource.h>
#include <Poco/Timestamp.h>

#include <sstream>

namespace md::campaigns {

namespace {

using Poco::Net::MailMessage;

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

std::string base64(std::string_view bytes) {
    std::ostringstream out;
    Poco::Base64Encoder enc(out);
    enc.rdbuf()->setLineLength(0);
    enc.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    enc.close();
    return out.str();
}

// Chinese text grows threefold in quoted-printable and a third in base64; mostly-ASCII text stays
// readable in quoted-printable.
MailMessage::ContentTransferEncoding bodyEncoding(std::string_view body) {
    std::size_t high = 0;
    for (char c : body)
        high += static_cast<unsigned char>(c) >= 0x80;
    return high * 4 > body.size() ? MailMessage::ENCODING_BASE64 : MailMessage::ENCODING_QUOTED_PRINTABLE;
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
    MailMessage mail;
    // Poco would quote an encoded word in From/To (and then no reader decodes it): set them ourselves.
    mail.set("From", formatMailbox(m.from));
    mail.set("To", formatMailbox(m.to));
    mail.set(MailMessage::HEADER_SUBJECT, encodeHeaderText(oneLine(m.subject)));
    mail.setDate(Poco::Timestamp::fromEpochTime(m.date.time_since_epoch().count()));
    mail.set("Message-ID", m.messageId);
    if (!m.unsubscribeUrl.empty()) {
        std::string value = "<" + m.unsubscribeUrl + ">";
        if (!m.unsubscribeMailto.empty()) value += ",\r\n <" + m.unsubscribeMailto + ">";
        mail.set("List-Unsubscribe", value);
        mail.set("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    mail.setContentType("multipart/alternative");
    mail.addContent(new Poco::Net::StringPartSource(m.text, "text/plain; charset=UTF-8"),
                    bodyEncoding(m.text));
    mail.addContent(new Poco::Net::StringPartSource(m.html, "text/html; charset=UTF-8"),
                    bodyEncoding(m.html));
    std::ostringstream out;
    mail.write(out);
    return {m.from.address, m.to.address, m.messageId, out.str()};
}

} // namespace md::campaigns
