#pragma once
// Calendar dates and UTC instants. Stored as UTC; shown in local time by the GUI.
#include "expected.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace md {

using Date = std::chrono::sys_days;         ///< a civil date (no time zone)
using Timestamp = std::chrono::sys_seconds; ///< an instant, UTC

/// "2024-03-01" (also "2024/03/01", "20240301"). Rejects impossible dates ("2023-02-29").
Expected<Date> parseDate(std::string_view text);
std::string formatDate(Date d); ///< "2024-03-01"

/// ISO 8601: "2024-03-01T10:15:00Z", "2024-03-01T18:15:00+08:00", "2024-03-01 10:15:00" (no offset = UTC),
/// "2024-03-01" (midnight UTC).
Expected<Timestamp> parseTimestamp(std::string_view text);
std::string formatTimestamp(Timestamp t);

/// A timestamp as written: the wall-clock reading (held in a Timestamp as if it were UTC) and the offset
/// it carried, if any. Lets a caller read naive times in a zone of its choice (see TimeZone).
struct WallTime {
    Timestamp wall;
    std::optional<std::chrono::seconds> offset;
};
Expected<WallTime> parseWallTime(std::string_view text); ///< "2024-03-01T10:15:00Z"

Date today();       ///< today's UTC date
Timestamp nowUtc(); ///< now, truncated to seconds

} // namespace md
