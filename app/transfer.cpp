#include "app/transfer.h"

#include "app/membership_demo.h"
#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "app/vouchers.h"
#include "demo/demo_generator.h"
#include "demo/demo_programme.h"

#include "domain/member_query.h"
#include "domain/user_error.h"

namespace md::app {

namespace {

// The demo's four-tier programme, effective from the first join date, rated over every demo purchase
// in date order; then a few adjustments by staff, expiry up to today and a tier review, so the demo
// shows tiers, lots expiring soon and expired, and a ledger with every kind of entry.
void setUpDemoProgramme(const RequestContext& ctx, DataStore& store, const DemoOptions& opt,
                        const ProgressFn& progress) {
    const ProgrammeImport stored = saveProgramme(ctx, store, demoProgramme(opt.start));
    if (!stored.problems.empty())
        throw std::logic_error("the demo programme is invalid: " + stored.problems.front().field + " " +
                               stored.problems.front().message);
    if (const auto p = currentProgramme(ctx, store))
        seedDemoMembership(ctx, store, opt, *p); // paid, referral
    runLoyaltyEngine(ctx, store, progress);
    // Goodwill credits and a correction, as service agents make them.
    std::int64_t made = 0;
    for (std::int64_t id = 7; id <= opt.members && made < 40;
         id += std::max<std::int64_t>(1, opt.members / 40), ++made) {
        std::optional<Member> m;
        {
            auto uow = store.read();
            m = uow->members().findById(id);
        }
        if (!m) continue;
        const bool credit = made % 4 != 3;
        try {
            adjustPoints(ctx, store, m->card.str(), credit ? 200 + 50 * (made % 5) : -50,
                         credit ? "goodwill" : "correction",
                         credit ? "demo: complaint handled" : "demo: double credit",
                         "demo-adjust-" + std::to_string(id));
        } catch (const UserError&) {
            // a debit larger than what the member has left: skipped, as an agent would
        }
    }
    expirePoints(ctx, store, ctx.today());
    reviewTiers(ctx, store, ctx.today(), false);
    runBenefits(ctx, store, ctx.today()); // this month's birthday vouchers (docs/membership.md)
}

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
    auto report = store.importMembers(file, withActor(ctx, std::move(opt)));
    // New members get their referral codes at once, in bulk (docs/membership.md).
    auto uow = store.write();
    uow->membership().assignMissingReferralCodes(ctx.now());
    uow->commit();
    return report;
}

ImportReport importTransactions(const RequestContext& ctx, DataStore& store,
                                const std::filesystem::path& file, ImportOptions opt) {
    auto report = store.importTransactions(file, withActor(ctx, std::move(opt)));
    // The import ran the totals consumer in its own transaction; events other writers appended
    // meanwhile are picked up here too.
    store.processTotals(ctx.now());
    // The loyalty engine rates what was imported (a no-op before a programme is stored).
    store.processLoyalty(ctx.zone, ctx.actor, ctx.now(), {});
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
    result.report = store.loadDemo(DemoGenerator(opt), progress);
    setUpDemoProgramme(ctx, store, opt, progress);
    return result;
}

} // namespace md::app
