#include "campaigns/mime_encoding.h"

#include <chrono>
#include <cstdio>

namespace md::campaigns {

namespace {

constexpr const char* kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr const char* kHex = "0123456789ABCDEF";

void appendQuantum(std::string& out, const unsigned char* p, std::size_t n) {
    const std::uint32_t v =
        (std::uint32_t(p[0]) << 16) | (n > 1 ? std::uint32_t(p[1]) << 8 : 0u) | (n > 2 ? p[2] : 0u);
    out += kBase64[(v >> 18) & 0x3F];
    out += kBase64[(v >> 12) & 0x3F];
    out += n > 1 ? kBase64[(v >> 6) & 0x3F] : '=';
    out += n > 2 ? kBase64[v & 0x3F] : '=';
}

} // namespace

std::string base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size(); i += 3)
        appendQuantum(out, p + i, std::min<std::size_t>(3, bytes.size() - i));
    return out;
}

void appendBase64Lines(std::string& out, std::string_view bytes) {
    out.reserve(out.size() + bytes.size() * 4 / 3 + bytes.size() / 38 + 8);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        appendQuantum(out, p + i, std::min<std::size_t>(3, bytes.size() - i));
        if ((i / 3 + 1) % 19 == 0 || i + 3 >= bytes.size()) out += "\r\n"; // 19 quanta = 76 characters
    }
}

void appendQuotedPrintable(std::string& out, std::string_view text) {
    std::size_t column = 0;
    auto put = [&](std::string_view piece) {
        if (column + piece.size() > 75) { // leave room for the '=' of a soft break
            out += "=\r\n";
            column = 0;
        }
        out += piece;
        column += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool lineEnd = c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n');
        if (lineEnd) {
            if (c == '\r') ++i;
            out += "\r\n";
            column = 0;
            continue;
        }
        const bool beforeBreak = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !beforeBreak);
        if (literal) {
            put(std::string_view(text.data() + i, 1));
        } else {
            const char enc[3] = {'=', kHex[c >> 4], kHex[c & 0xF]};
            put(std::string_view(enc, 3));
        }
    }
    out += "\r\n";
}

std::string rfc5322Date(Timestamp t) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd(day);
    const std::chrono::hh_mm_ss hms(t - day);
    const std::chrono::weekday wd(day);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %u %s %d %02d:%02d:%02d +0000", days[wd.c_encoding()],
                  static_cast<unsigned>(ymd.day()), months[static_cast<unsigned>(ymd.month()) - 1],
                  static_cast<int>(ymd.year()), static_cast<int>(hms.hours().count()),
                  static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
    return buf;
}

} // namespace md::campaigns
