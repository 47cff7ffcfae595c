#pragma once
// Body and header encodings for MIME, written directly into strings. Poco's MailMessage writes through
// per-character stream encoders: measured ~300 us for a 12 KB message, more than sending it takes.
#include "domain/time.h"

#include <string>
#include <string_view>

namespace md::campaigns {

/// Base64 without line breaks (for encoded words and AUTH).
std::string base64(std::string_view bytes);

/// Base64 in CRLF-terminated lines of 76 characters (RFC 2045 6.8).
void appendBase64Lines(std::string& out, std::string_view bytes);

/// Quoted-printable (RFC 2045 6.7): line breaks (LF or CRLF) become CRLF, lines are at most 76
/// characters with soft breaks, '=' and bytes outside printable ASCII are =XX, and a space or tab before
/// a line break is encoded so no transport can strip it. Ends with CRLF.
void appendQuotedPrintable(std::string& out, std::string_view text);

/// "Mon, 21 Sep 2026 14:13:20 +0000" (RFC 5322 date-time, in UTC).
std::string rfc5322Date(Timestamp t);

} // namespace md::campaigns
