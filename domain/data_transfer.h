#pragma once
// What bulk work (imports, exports, demo data) is asked to do and what it reports back. The use cases
// in app/ pass these to the DataStore; persistence does the loading.
#include "actor.h"
#include "member.h"
#include "progress.h"
#include "store.h"
#include "time.h"
#include "time_zone.h"
#include "transaction.h"

#include <cstdint>
#include <filesystem>
#include <functional>
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
    /// The programme's zone: naive timestamps are read in it and "today" is its date.
    TimeZone zone = TimeZone::utc();
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

struct DemoOptions {
    std::int64_t members = 20000;
    std::uint64_t seed = 42;
    Date start = Date{std::chrono::year{2021} / 1 / 1}; ///< first join date
    Date end = Date{std::chrono::year{2026} / 10 / 31}; ///< last transaction date
    int stores = 24;
};

/// A ready-made data set to bulk-load into an empty database (the demo generator in demo/). Persistence
/// loads whatever it is given; it does not know how the data was made.
class DemoSource {
public:
    virtual ~DemoSource() = default;
    virtual const DemoOptions& options() const = 0;
    virtual std::vector<Store> stores() const = 0;
    /// Calls onMember for each member in order, each followed by its transactions in time order.
    virtual void generate(const std::function<void(const Member&)>& onMember,
                          const std::function<void(const Transaction&)>& onTransaction) const = 0;
};

struct DemoReport {
    std::int64_t stores = 0, members = 0, transactions = 0;
};

} // namespace md
