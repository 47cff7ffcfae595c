#pragma once
// The demo's paid memberships, referral links and vouchers, drawn from the demo seed against `today`
// so the demo always shows every state: active memberships, some ending within 30 days (renewal
// reminders), some renewed, lapsed and cancelled ones; members referred by earlier members; vouchers
// issued, redeemed and expired. Voucher codes come from the OS CSPRNG (codes.h), not the seed.
#include "domain/data_transfer.h"
#include "domain/loyalty/programme.h"
#include "domain/membership/membership_repository.h"

#include <utility>
#include <vector>

namespace md {

struct DemoMembership {
    std::vector<membership::Term> terms;
    std::vector<std::pair<std::int64_t, std::int64_t>> referrals; ///< (referee, referrer); referrer < referee
    std::vector<membership::Voucher> vouchers;
};

/// For members 1..opt.members. Needs the programme's plans "PLUS" and "PLUS_MONTH" (demoProgramme).
DemoMembership demoMembership(const DemoOptions& opt, const loyalty::Programme& p, Date today, Timestamp now);

} // namespace md
