#include "domain/time.h"
#include "domain/text.h"

#include <cstdio>

namespace md {
namespace {

using namespace std::chrono;

using text::trim;

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads minLen..maxLen digits at pos into out, advancing pos.
bool readNumber(std::string_view s, std::size_t& pos, std::size_t minLen, std::size_t maxLen, int& out) {
    std::size_t start = pos;
    int v = 0;
    while (pos < s.size() && pos - start < maxLen && isDigit(s[pos]))
        v = v * 10 + (s[pos++] - '0');
    if (pos - start < minLen) return false;
    out = v;
    return true;
}

/// Parses the date at the start of s and advances pos past it. Spreadsheets exported in China often
/// write "2024/3/1", so single-digit months and days are accepted with a separator.
Expected<Date> readDate(std::string_view s, std::size_t& pos) {
    int y = 0, m = 0, d = 0;
    std::size_t p = pos;
    if (!readNumber(s, p, 4, 4, y)) return Invalid{"expected a date like 2024-03-01"};
    if (p < s.size() && (s[p] == '-' || s[p] == '/')) {
        char sep = s[p++];
        if (!readNumber(s, p, 1, 2, m) || p >= s.size() || s[p] != sep)
            return Invalid{"expected a date like 2024-03-01"};
        ++p;
        if (!readNumber(s, p, 1, 2, d)) return Invalid{"expected a date like 2024-03-01"};
    } else {
        if (!readNumber(s, p, 2, 2, m) || !readNumber(s, p, 2, 2, d))
            return Invalid{"expected a date like 2024-03-01"};
    }
    if (p < s.size() && isDigit(s[p])) return Invalid{"expected a date like 2024-03-01"};
    year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return Invalid{"no such date: " + std::string(s.substr(pos, p - pos))};
    pos = p;
    return Date{ymd};
}

} // namespace

Expected<Date> parseDate(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return Invalid{"date is empty"};
    std::size_t pos = 0;
    auto d = readDate(s, pos);
    if (!d) return d;
    if (pos != s.size())
        return Invalid{"unexpected text after the date: \"" + std::string(s.substr(pos)) + "\""};
    return d;
}

std::string formatDate(Date d) {
    year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

Expected<WallTime> parseWallTime(std::string_view text) {
    std::string_view s = trim(text);
    if (s.empty()) return Invalid{"timestamp is empty"};
    std::size_t pos = 0;
    auto d = readDate(s, pos);
    if (!d) return Invalid{d.error()};
    Timestamp t{d.value()};
    if (pos == s.size()) return WallTime{t, std::nullopt};

    const Invalid bad{"expected a time like 2024-03-01T10:15:00Z, got \"" + std::string(s) + "\""};
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return bad;
    ++pos;
    int hh = 0, mm = 0, ss = 0;
    if (!readNumber(s, pos, 2, 2, hh) || pos >= s.size() || s[pos++] != ':' || !readNumber(s, pos, 2, 2, mm))
        return bad;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!readNumber(s, pos, 2, 2, ss)) return bad;
        // Fractions of a second are dropped: timestamps are stored to the second.
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            std::size_t start = pos;
            while (pos < s.size() && isDigit(s[pos]))
                ++pos;
            if (pos == start) return bad;
        }
    }
    if (hh > 23 || mm > 59 || ss > 59) return Invalid{"no such time of day: " + std::string(s)};
    t += hours{hh} + minutes{mm} + seconds{ss};

    if (pos == s.size()) return WallTime{t, std::nullopt};
    if (s[pos] == 'Z' || s[pos] == 'z')
        return pos + 1 == s.size() ? Expected<WallTime>(WallTime{t, seconds{0}}) : bad;
    if (s[pos] != '+' && s[pos] != '-') return bad;
    int sign = s[pos++] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!readNumber(s, pos, 2, 2, oh)) return bad;
    if (pos < s.size()) {
        if (s[pos] == ':') ++pos;
        if (!readNumber(s, pos, 2, 2, om)) return bad;
    }
    if (pos != s.size() || oh > 14 || om > 59) return bad;
    return WallTime{t, sign * (hours{oh} + minutes{om})};
}

Expected<Timestamp> parseTimestamp(std::string_view text) {
    auto w = parseWallTime(text);
    if (!w) return Invalid{w.error()};
    // Local time = UTC + offset, so UTC = local - offset; no offset means UTC.
    return w.value().wall - w.value().offset.value_or(seconds{0});
}

std::string formatTimestamp(Timestamp t) {
    Date d = floor<days>(t);
    hh_mm_ss hms{t - d};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", formatDate(d).c_str(),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

Date today() {
    return floor<days>(system_clock::now());
}

Timestamp nowUtc() {
    return floor<seconds>(system_clock::now());
}

} // namespace md
