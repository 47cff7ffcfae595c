#pragma once
// The demo's paid memberships, referral links, referral codes and vouchers (demo/demo_membership.h),
// written set-based in one unit of work before the loyalty engine rates the demo purchases (so plans'
// multipliers and referral rewards show in the history).
#include "app/request_context.h"
#include "domain/data_transfer.h"
#include "domain/loyalty/programme.h"
#include "domain/unit_of_work.h"

namespace md::app {

struct DemoMembershipReport {
    std::int64_t terms = 0, referrals = 0, vouchers = 0, codes = 0;
};
DemoMembershipReport seedDemoMembership(const RequestContext& ctx, DataStore& store, const DemoOptions& opt,
                                        const loyalty::Programme& p);

} // namespace md::app
