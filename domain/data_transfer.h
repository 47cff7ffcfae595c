#pragma once
// What bulk work (imports, exports, demo data) is asked to do and what it reports back. The use cases
// in app/ pass these to the DataStore; persistence does the loading.
#include "actor.h"
#include "progress.h"
#include "time.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace md {

enum class ImportMode { Insert, Upsert };

struct ImportOptions {
    ImportMode mode = ImportMode::Insert;
    ProgressFn progress; ///< may be empty; return false to cancel (then md::Cancelled is thrown)
    /// Who imports (audit and events); the connection's own user when empty.
    std::optional<Actor> actor;
    /// The time of the import (the RequestContext's clock): consent times, the default join date and
    /// the "not in the future" checks. The system clock when empty.
    std::optional<Timestamp> now;
    /// Header columns the import does not know but the person said to skip ("--ignore-columns"); any
    /// other unknown column refuses the file, so a misspelled header never loses data silently.
    std::vector<std::string> ignoreColumns;
};

/// Upsert: a cell holding exactly this clears the stored value; an empty cell keeps it.
inline constexpr const char* kClearMarker = "<clear>";

struct ImportReport {
    std::uint64_t records = 0;  ///< data records read (header excluded)
    std::uint64_t imported = 0; ///< inserted or updated
    std::uint64_t rejected = 0;
    std::uint64_t corrected = 0;       ///< transactions: stored orders replaced by a correction row
    std::uint64_t unchanged = 0;       ///< upsert: lines identical to what is stored (nothing written)
    std::filesystem::path rejectsFile; ///< FILE.rejects.csv, written only when rejected > 0
};

struct DemoReport {
    std::int64_t stores = 0, members = 0, transactions = 0;
};

} // namespace md
