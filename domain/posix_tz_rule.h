#pragma once
// The POSIX TZ rule at the end of a TZif file ("CST-8", "EST5EDT,M3.2.0,M11.1.0"): it gives the offset
// for instants after the file's last listed transition.
#include "expected.h"
#include "time.h"

#include <chrono>
#include <optional>
#include <string_view>

namespace md {

class PosixTzRule {
public:
    static Expected<PosixTzRule> parse(std::string_view text);
    std::chrono::seconds offsetAt(Timestamp at) const;

    /// A day of the year on which daylight time starts or ends.
    struct DayRule {
        enum class Kind { Julian1, Julian0, MonthWeekDay } kind = Kind::MonthWeekDay;
        int day = 0, month = 0, week = 0, weekday = 0;
        std::chrono::seconds time{7200}; ///< local time of the change, default 02:00
        Date dateIn(int year) const;
    };

private:
    std::chrono::seconds m_std{0}; ///< UTC offset of standard time (east positive)
    std::optional<std::chrono::seconds> m_dst;
    DayRule m_start, m_end;
};

} // namespace md
