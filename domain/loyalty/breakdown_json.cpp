// breakdownJson and periodKey from earning.h: the text forms of an earning, kept apart from the arithmetic.
#include "domain/loyalty/earning.h"

#include "domain/json.h"

#include <cstdio>

namespace md::loyalty {

namespace {

std::string quoted(std::string_view s) {
    return json::quote(s);
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
