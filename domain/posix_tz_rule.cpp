#include "domain/posix_tz_rule.h"

namespace md {
namespace {

using namespace std::chrono;

class Cursor {
public:
    explicit Cursor(std::string_view s) : m_s(s) {}
    bool done() const { return m_pos >= m_s.size(); }
    char peek() const { return done() ? '\0' : m_s[m_pos]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }
    bool number(int& out, int maxDigits = 3) {
        int n = 0, v = 0;
        while (n < maxDigits && peek() >= '0' && peek() <= '9') {
            v = v * 10 + (m_s[m_pos++] - '0');
            ++n;
        }
        out = v;
        return n > 0;
    }
    /// A zone abbreviation: letters, or anything in <...> ("<+08>").
    bool name() {
        if (take('<')) {
            while (!done() && peek() != '>')
                ++m_pos;
            return take('>');
        }
        const std::size_t start = m_pos;
        while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))
            ++m_pos;
        return m_pos - start >= 3;
    }
    /// [+-]hh[:mm[:ss]] as seconds.
    bool duration(seconds& out) {
        int sign = 1;
        if (take('-'))
            sign = -1;
        else
            take('+');
        int h = 0, m = 0, s = 0;
        if (!number(h)) return false;
        if (take(':') && !number(m, 2)) return false;
        if (take(':') && !number(s, 2)) return false;
        out = seconds(sign * (h * 3600 + m * 60 + s));
        return true;
    }

private:
    std::string_view m_s;
    std::size_t m_pos = 0;
};

bool parseDayRule(Cursor& c, PosixTzRule::DayRule& r) {
    using Kind = PosixTzRule::DayRule::Kind;
    if (c.take('M')) {
        r.kind = Kind::MonthWeekDay;
        if (!c.number(r.month, 2) || !c.take('.') || !c.number(r.week, 1) || !c.take('.') ||
            !c.number(r.weekday, 1))
            return false;
        if (r.month < 1 || r.month > 12 || r.week < 1 || r.week > 5 || r.weekday > 6) return false;
    } else if (c.take('J')) {
        r.kind = Kind::Julian1;
        if (!c.number(r.day) || r.day < 1 || r.day > 365) return false;
    } else {
        r.kind = Kind::Julian0;
        if (!c.number(r.day) || r.day > 365) return false;
    }
    if (c.take('/') && !c.duration(r.time)) return false;
    return true;
}

} // namespace

Date PosixTzRule::DayRule::dateIn(int y) const {
    const year_month_day jan1{year{y}, January, std::chrono::day{1}};
    switch (kind) {
    case Kind::Julian0:
        return sys_days(jan1) + days(day);
    case Kind::Julian1: {
        // Day 1..365, February 29 never counted.
        Date d = sys_days(jan1) + days(day - 1);
        if (year{y}.is_leap() && day >= 60) d += days(1);
        return d;
    }
    case Kind::MonthWeekDay:
        break;
    }
    const auto ym = year{y} / std::chrono::month{static_cast<unsigned>(month)};
    const std::chrono::weekday wd{static_cast<unsigned>(weekday)};
    if (week == 5) return sys_days(ym / wd[last]);
    return sys_days(ym / wd[static_cast<unsigned>(week)]);
}

Expected<PosixTzRule> PosixTzRule::parse(std::string_view text) {
    const Invalid bad{"unsupported TZ rule \"" + std::string(text) + "\""};
    Cursor c(text);
    PosixTzRule rule;
    seconds stdWest{};
    if (!c.name() || !c.duration(stdWest)) return bad;
    rule.m_std = -stdWest; // POSIX counts west of Greenwich as positive
    if (c.done()) return rule;
    if (!c.name()) return bad;
    rule.m_dst = rule.m_std + hours(1);
    if (c.peek() != ',' && !c.done()) {
        seconds dstWest{};
        if (!c.duration(dstWest)) return bad;
        rule.m_dst = -dstWest;
    }
    // Without a rule POSIX leaves the dates to the implementation; zic always writes one.
    if (!c.take(',') || !parseDayRule(c, rule.m_start) || !c.take(',') || !parseDayRule(c, rule.m_end) ||
        !c.done())
        return bad;
    return rule;
}

seconds PosixTzRule::offsetAt(Timestamp at) const {
    if (!m_dst) return m_std;
    const int y = static_cast<int>(year_month_day(floor<days>(at + m_std)).year());
    // The start time is given in standard time, the end time in daylight time.
    const Timestamp start = Timestamp(m_start.dateIn(y)) + m_start.time - m_std;
    const Timestamp end = Timestamp(m_end.dateIn(y)) + m_end.time - *m_dst;
    const bool inDst = start < end ? (at >= start && at < end) : !(at >= end && at < start);
    return inDst ? *m_dst : m_std;
}

} // namespace md
