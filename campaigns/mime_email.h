#pragma once
// A campaign email as real MIME: multipart/alternative (plain text first, HTML last, as RFC 2046 asks
// for the preferred part), UTF-8 subject and display names as RFC 2047 encoded words, Message-ID, Date,
// List-Unsubscribe (https and mailto) with List-Unsubscribe-Post for RFC 8058 one-click. Bodies are
// quoted-printable or base64, so no line is longer than 76 characters (SMTP's limit is 998). Written
// directly rather than through Poco's MailMessage (see mime_encoding.h for why).
#include "domain/campaigns/delivery_settings.h"
#include "domain/time.h"

#include <string>
#include <string_view>

namespace md::campaigns {

struct EmailMessage {
    Mailbox from, to;
    std::string subject, html, text; ///< rendered, UTF-8
    std::string messageId;           ///< "<...@domain>", from campaigns::messageId
    Timestamp date{};
    std::string unsubscribeUrl;    ///< https URL carrying the token; empty: no one-click header
    std::string unsubscribeMailto; ///< "mailto:..." carrying the token, or empty
};

/// What an SMTP transport sends: the envelope and the message as it goes on the wire (CRLF lines,
/// before dot-stuffing).
struct OutgoingEmail {
    std::string envelopeFrom, recipient, messageId;
    std::string data;
};

/// Formats the message. Line breaks in the subject or names (from merge values) become spaces, so a
/// member's name can never add a header.
OutgoingEmail composeEmail(const EmailMessage& m);

/// The text unchanged when it is printable ASCII, else RFC 2047 "=?UTF-8?B?...?=" words of at most 75
/// characters, split between characters and folded onto continuation lines.
std::string encodeHeaderText(std::string_view text);

/// "=?UTF-8?B?...?= <a@b.cn>", "\"Name\" <a@b.cn>" or "<a@b.cn>".
std::string formatMailbox(const Mailbox& m);

/// The https link (base + "?token=" or "&token=") and the mailto (to + "?subject=unsubscribe%20TOKEN").
std::string unsubscribeLink(std::string_view baseUrl, std::string_view token);
std::string unsubscribeMailto(std::string_view address, std::string_view token);

} // namespace md::campaigns
