#pragma once
// Use cases on paid membership (付费会员): the plans on offer, buy, renew, cancel, status, renewal
// reminders; and the tier floor an active membership gives (docs/membership.md).
#include "app/request_context.h"
#include "domain/loyalty/tiers.h"
#include "domain/membership/membership_repository.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <string>
#include <vector>

namespace md::app {

/// The plans of the programme in force today (empty without a programme).
std::vector<loyalty::Plan> membershipPlans(const RequestContext& ctx, DataStore& store);

struct MembershipChange {
    membership::Term term;
    bool duplicate = false; ///< the request id was seen before: nothing new was written or charged
};

/// Buys `plan` for the member from today. The fee is recorded as money on the term (not points).
/// `requestId` makes a retry safe: the same id returns the first purchase (default: generated).
/// Throws UserError "member.unknown_card" {card}, "programme.none", "membership.unknown_plan"
/// {plan, known}, "membership.already_active" {card, until} (renew instead).
MembershipChange buyMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                               const std::string& plan, std::string requestId = {});
/// Renews the member's plan for one more term: from the day after the paid-through end while active,
/// from today once lapsed or cancelled. Throws "membership.none" {card}, "membership.unknown_plan".
MembershipChange renewMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                                 std::string requestId = {});
/// Cancels: the grants end after `lastDay` (default today); terms paid ahead become void. The fee is
/// not refunded here. Returns the terms cut short (0: a retry, already cancelled to that day or earlier;
/// nothing written). Throws "membership.not_active" {card}, "membership.reason_required",
/// "membership.last_day_past" {day}.
int cancelMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                     const std::string& reason, std::optional<Date> lastDay = std::nullopt);

struct MembershipStatus {
    Member member;
    membership::Standing standing;
    std::optional<loyalty::Plan> plan; ///< the current term's plan in today's programme
    std::vector<membership::Term> terms;
};
MembershipStatus membershipStatus(const RequestContext& ctx, DataStore& store, const std::string& card);
/// The status inside a unit of work the caller has open (show CARD).
MembershipStatus membershipStatusOf(const RequestContext& ctx, UnitOfWork& uow, const Member& m,
                                    const std::optional<loyalty::Programme>& p);

/// What `show CARD` and the member card add: paid membership, referral code and referrer, vouchers.
struct MembershipCard {
    MembershipStatus status;
    std::optional<std::string> referralCode;   ///< none until assigned (import, demo, `referral code`)
    std::optional<std::string> referredBy;     ///< the referrer's card number
    std::vector<membership::Voucher> vouchers; ///< newest first
};
MembershipCard membershipCard(const RequestContext& ctx, DataStore& store, const Member& m,
                              int voucherLimit = 20);

/// Members whose paid membership ends from today through today + days (renewal reminders).
std::vector<membership::RenewalDue> renewalsDue(const RequestContext& ctx, DataStore& store, int days,
                                                int limit = 100000);

/// Sets the plan floor of an active membership on `day` into `state` (effectiveRank then honours it).
void applyMembershipFloor(UnitOfWork& uow, const loyalty::Programme& p, std::int64_t memberId,
                          loyalty::TierState& state, Date day);

/// A request id nobody else will send (128 bits from the OS CSPRNG, hex).
std::string randomRequestId();

} // namespace md::app
