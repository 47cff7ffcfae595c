#include "app/membership_demo.h"

#include "demo/demo_membership.h"
#include "domain/json.h"

namespace md::app {

DemoMembershipReport seedDemoMembership(const RequestContext& ctx, DataStore& store, const DemoOptions& opt,
                                        const loyalty::Programme& p) {
    DemoMembership data = demoMembership(opt, p, ctx.today(), ctx.now());
    for (auto& t : data.terms)
        t.programmeVersion = p.version;
    DemoMembershipReport out;
    auto uow = store.write();
    auto& repo = uow->membership();
    out.codes = repo.assignMissingReferralCodes(ctx.now());
    repo.insertTerms(data.terms);
    repo.insertReferrals(data.referrals, "demo", ctx.now());
    out.vouchers = repo.insertVouchers(data.vouchers, ctx.now());
    out.terms = static_cast<std::int64_t>(data.terms.size());
    out.referrals = static_cast<std::int64_t>(data.referrals.size());
    json::Object o;
    o.set("terms", out.terms);
    o.set("referrals", out.referrals);
    o.set("vouchers", out.vouchers);
    o.set("referral_codes", out.codes);
    uow->audit(ctx.actor, "import", "demo_membership", "seed " + std::to_string(opt.seed), std::nullopt,
               json::write(o, false));
    uow->commit();
    return out;
}

} // namespace md::app
