#include "app/transfer.h"

#include "demo/demo_generator.h"

#include "domain/member_query.h"
#include "domain/user_error.h"

namespace md::app {

namespace {

ImportOptions withActor(const RequestContext& ctx, ImportOptions opt) {
    opt.actor = ctx.actor;
    if (!opt.now) opt.now = ctx.now(); // dates "in the future" are judged by the context's clock
    opt.zone = ctx.zone;
    return opt;
}

} // namespace

ImportReport importStores(const RequestContext& ctx, DataStore& store, const std::filesystem::path& file,
                          ImportOptions opt) {
    return store.importStores(file, withActor(ctx, std::move(opt)));
}

ImportReport importMembers(const RequestContext& ctx, DataStore& store, const std::filesystem::path& file,
                           ImportOptions opt) {
    return store.importMembers(file, withActor(ctx, std::move(opt)));
}

ImportReport importTransactions(const RequestContext& ctx, DataStore& store,
                                const std::filesystem::path& file, ImportOptions opt) {
    auto report = store.importTransactions(file, withActor(ctx, std::move(opt)));
    // The import ran the totals consumer in its own transaction; events other writers appended
    // meanwhile are picked up here too.
    store.processTotals(ctx.now());
    return report;
}

std::uint64_t exportMembers(const RequestContext&, DataStore& store, std::ostream& out,
                            const ExportOptions& opt) {
    return store.exportMembers(out, opt);
}

DemoResult loadDemo(const RequestContext& ctx, DataStore& store, const DemoOptions& opt, bool ifEmpty,
                    const ProgressFn& progress) {
    DemoResult result;
    {
        auto uow = store.read();
        result.existingMembers = uow->members().count(MemberQuery{});
    }
    // Demo data mixed into a real programme would be impossible to take out again.
    if (result.existingMembers > 0) {
        if (ifEmpty) {
            result.outcome = DemoOutcome::SkippedNotEmpty;
            return result;
        }
        throw UserError("demo.not_empty",
                        {{"database", store.describe()}, {"members", std::to_string(result.existingMembers)}},
                        "the database " + store.describe() + " already has " +
                            std::to_string(result.existingMembers) + " members");
    }
    (void)ctx;
    result.report = store.loadDemo(DemoGenerator(opt), progress);
    return result;
}

} // namespace md::app
