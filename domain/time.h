#pragma once
// Calendar dates and UTC instants. Stored as UTC; shown in local time by the GUI.
#include "expected.h"

#include <chrono>
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
std::string formatTimestamp(Timestamp t); ///< "2024-03-01T10:15:00Z"

Date today();       ///< today's UTC date
Timestamp nowUtc(); ///< now, truncated to seconds

} // namespace md
