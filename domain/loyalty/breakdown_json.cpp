// breakdownJson and periodKey from earning.h: the text forms of an earning, kept apart from the arithmetic.
#include "domain/loyalty/earning.h"

#include <cstdio>

namespace md::loyalty {

namespace {

void appendEscapedCodePoint(std::string& out, unsigned cp) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    out += buf;
}

/// Length of the well-formed UTF-8 sequence at s[i] (1..4), or 0 when the bytes there are not one
/// (stray continuation, truncated, overlong, surrogate, beyond U+10FFFF). Sets cp to the code point.
std::size_t utf8Sequence(std::string_view s, std::size_t i, unsigned& cp) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned lead = b(0);
    std::size_t len = 0;
    unsigned min = 0;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF)
        len = 2, cp = lead & 0x1F, min = 0x80;
    else if (lead >= 0xE0 && lead <= 0xEF)
        len = 3, cp = lead & 0x0F, min = 0x800;
    else if (lead >= 0xF0 && lead <= 0xF4)
        len = 4, cp = lead & 0x07, min = 0x10000;
    else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/// A JSON string literal. Control characters (C0, DEL and C1, which a terminal showing the JSON could act
/// on) are escaped; bytes that are not UTF-8 (an order's category read from a GBK file) become U+FFFD, so
/// the stored breakdown always parses.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        unsigned cp = 0;
        const std::size_t len = utf8Sequence(s, i, cp);
        if (len == 0) {
            appendEscapedCodePoint(out, 0xFFFD);
            ++i;
            continue;
        }
        if (cp == '"')
            out += "\\\"";
        else if (cp == '\\')
            out += "\\\\";
        else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
            appendEscapedCodePoint(out, cp);
        else
            out.append(s.substr(i, len));
        i += len;
    }
    out += '"';
    return out;
}

std::string padded(long long value, int width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lld", width, value);
    return buf;
}

} // namespace

std::string breakdownJson(const Earning& e) {
    std::string out = "{\"points\":" + std::to_string(e.points) +
                      ",\"qualifying\":" + std::to_string(e.qualifyingPoints) +
                      ",\"tier\":" + quoted(e.tier) + ",\"steps\":[";
    bool first = true;
    for (const BreakdownStep& s : e.steps) {
        if (!first) out += ',';
        first = false;
        out += "{\"rule\":" + quoted(s.rule) + ",\"kind\":" + quoted(s.kind) +
               ",\"points\":" + std::to_string(s.points) + ",\"applied\":" + (s.applied ? "true" : "false") +
               ",\"note\":" + quoted(s.note) + '}';
    }
    out += "]}";
    return out;
}

std::string periodKey(Period period, Date day) {
    using namespace std::chrono;
    const year_month_day ymd{day};
    const std::string y = padded(static_cast<int>(ymd.year()), 4);
    const std::string m = padded(static_cast<unsigned>(ymd.month()), 2);
    switch (period) {
    case Period::Order:
        return "";
    case Period::Day:
        return y + '-' + m + '-' + padded(static_cast<unsigned>(ymd.day()), 2);
    case Period::Month:
        return y + '-' + m;
    case Period::Year:
        return y;
    case Period::Programme:
        return "all";
    }
    return "";
}

} // namespace md::loyalty
