#pragma once
// An IANA time zone read from the system's compiled tz database (TZif files under /usr/share/zoneinfo).
// The programme's zone decides what "today" is, reads naive timestamps in imports and gives the join date
// default; stored instants stay UTC. GCC 12's libstdc++ has no std::chrono::tzdb, hence this reader.
#include "expected.h"
#include "time.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace md {

using LocalSeconds = std::chrono::local_seconds; ///< a wall-clock time with no zone attached

class TimeZone {
public:
    /// Loads "Asia/Shanghai" etc. Fails (code "timezone.unknown" / "timezone.unreadable") on a name that is
    /// not a zone, a path trick ("../", absolute paths) or a file that is not TZif.
    static Expected<TimeZone> load(std::string_view name,
                                   const std::filesystem::path& root = "/usr/share/zoneinfo");
    static TimeZone utc();
    /// A zone with one offset forever (a stand-in when the system has no tz database).
    static TimeZone fixed(std::string name, std::chrono::seconds offset);

    const std::string& name() const;
    /// Offset from UTC in force at the instant.
    std::chrono::seconds offsetAt(Timestamp at) const;
    LocalSeconds toLocal(Timestamp at) const { return LocalSeconds((at + offsetAt(at)).time_since_epoch()); }
    Date localDate(Timestamp at) const;
    /// The instant a wall-clock time names. A time that occurs twice (clocks go back) is the earlier one; a
    /// time that never occurs (clocks go forward) moves forward by the gap, as a person's watch would.
    Timestamp fromLocal(LocalSeconds local) const;

    struct Data;

private:
    explicit TimeZone(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}
    std::shared_ptr<const Data> m_data; // shared: zones are copied into every request context
};

/// ISO 8601 as parseTimestamp, except that a time without an offset (or a bare date, at midnight) is a
/// wall-clock time in zone, as people write times in their own spreadsheets.
Expected<Timestamp> parseTimestampIn(std::string_view text, const TimeZone& zone);

} // namespace md
