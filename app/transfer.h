#pragma once
// Use cases that move data in bulk: CSV imports of stores, members and transactions, the member
// export, and the demo data set. Each import is all-or-nothing; after it, the event consumers run.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <filesystem>
#include <ostream>

namespace md {
struct DemoOptions;
}

namespace md::app {

ImportReport importStores(const RequestContext& ctx, DataStore& store, const std::filesystem::path& file,
                          ImportOptions opt);
ImportReport importMembers(const RequestContext& ctx, DataStore& store, const std::filesystem::path& file,
                           ImportOptions opt);
/// Members must exist first. Member totals are brought up to date before this returns.
ImportReport importTransactions(const RequestContext& ctx, DataStore& store,
                                const std::filesystem::path& file, ImportOptions opt);
std::uint64_t exportMembers(const RequestContext& ctx, DataStore& store, std::ostream& out,
                            const ExportOptions& opt);

enum class DemoOutcome { Loaded, SkippedNotEmpty };
struct DemoResult {
    DemoOutcome outcome = DemoOutcome::Loaded;
    DemoReport report;
    std::int64_t existingMembers = 0; ///< when skipped or refused
};
/// Loads the demo data set into an empty database. With ifEmpty, a database that already has members
/// is left alone (outcome SkippedNotEmpty); without, it is refused with UserError "demo.not_empty".
DemoResult loadDemo(const RequestContext& ctx, DataStore& store, const DemoOptions& opt, bool ifEmpty,
                    const ProgressFn& progress = {});

} // namespace md::app
