#include "demo/demo_membership.h"

#include "demo/demo_random.h"
#include "domain/membership/codes.h"

namespace md {

using namespace membership;
using std::chrono::days;

namespace {

// Shares of members, by what their paid membership looks like today.
constexpr double kActiveYearly = 0.030, kEndingSoon = 0.006, kRenewed = 0.006, kLapsed = 0.015,
                 kCancelled = 0.004, kMonthly = 0.008;
constexpr double kReferred = 0.04, kVoucher = 0.05;

Term term(std::int64_t member, const loyalty::Plan& plan, const char* kind, Date start, int n,
          Timestamp now) {
    Term t;
    t.memberId = member;
    t.planCode = plan.code;
    t.kind = kind;
    t.startsOn = start;
    t.endsOn = termEnd(plan, start);
    t.feeMinor = plan.feeMinor;
    t.requestKey = "demo-membership:" + std::to_string(member) + ":" + std::to_string(n);
    t.actor = "demo";
    t.recordedAt = now;
    return t;
}

} // namespace

DemoMembership demoMembership(const DemoOptions& opt, const loyalty::Programme& p, Date today,
                              Timestamp now) {
    DemoMembership out;
    const loyalty::Plan* yearly = loyalty::findPlan(p, "PLUS");
    const loyalty::Plan* monthly = loyalty::findPlan(p, "PLUS_MONTH");
    demo::Rng rng(demo::mixSeed(opt.seed, 0x504C5553)); // "PLUS"
    for (std::int64_t m = 1; m <= opt.members; ++m) {
        const double u = rng.uniform();
        double edge = 0;
        if (yearly && u < (edge += kActiveYearly)) {
            out.terms.push_back(term(m, *yearly, "buy", today - days(rng.between(0, 330)), 1, now));
        } else if (yearly && u < (edge += kEndingSoon)) {
            // Ends 0-29 days from today: a renewal reminder is due.
            const Date end = today + days(rng.between(0, 29));
            out.terms.push_back(term(m, *yearly, "buy", end - days(364), 1, now));
        } else if (yearly && u < (edge += kRenewed)) {
            const Date first = today - days(rng.between(370, 700));
            out.terms.push_back(term(m, *yearly, "buy", first, 1, now));
            const Date second = out.terms.back().endsOn + days(1);
            out.terms.push_back(term(m, *yearly, "renew", second, 2, now));
            if (out.terms.back().endsOn < today)
                out.terms.push_back(term(m, *yearly, "renew", out.terms.back().endsOn + days(1), 3, now));
        } else if (yearly && u < (edge += kLapsed)) {
            out.terms.push_back(term(m, *yearly, "buy", today - days(rng.between(400, 900)), 1, now));
        } else if (yearly && u < (edge += kCancelled)) {
            Term t = term(m, *yearly, "buy", today - days(rng.between(60, 300)), 1, now);
            t.cancelledOn = today - days(rng.between(1, 50));
            t.cancelReason = "demo: no longer wanted";
            out.terms.push_back(t);
        } else if (monthly && u < (edge += kMonthly)) {
            out.terms.push_back(term(m, *monthly, "buy", today - days(rng.between(0, 25)), 1, now));
        }
        // Referred by an earlier member: no two members refer each other.
        if (m > 10 && rng.chance(kReferred)) out.referrals.emplace_back(m, rng.between(1, m - 1));
        if (rng.chance(kVoucher)) {
            Voucher v;
            v.code = newVoucherCode();
            v.memberId = m;
            v.valueMinor = rng.chance(0.5) ? 2000 : 5000;
            v.source = "demo";
            v.issuedOn = today - days(rng.between(0, 120));
            v.validUntil = v.issuedOn + days(59);
            v.actor = "demo";
            const double s = rng.uniform();
            if (s < 0.35) {
                v.status = "redeemed";
                v.redeemedAt = now - std::chrono::hours(24 * rng.between(0, 30));
                v.redeemedMemberId = m;
                v.orderId = "DEMO-V" + std::to_string(m);
            } else if (v.validUntil < today) {
                v.status = "expired";
            }
            out.vouchers.push_back(std::move(v));
        }
    }
    return out;
}

} // namespace md
