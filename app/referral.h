#pragma once
// Use cases on referral (推荐): every member's referral code, and the link a referee records with
// their referrer's code (once, never changed). The reward is the loyalty engine's: the referrer earns the
// programme's Referral rule points when the referee's first purchase is rated (docs/membership.md).
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <string>

namespace md::app {

/// The member's referral code, assigned on first request (8 symbols from the OS CSPRNG, unique).
/// Throws UserError "member.unknown_card" {card}.
std::string referralCode(const RequestContext& ctx, DataStore& store, const std::string& card);
/// The same inside a write unit of work the caller commits (import, demo, show).
std::string ensureReferralCode(UnitOfWork& uow, std::int64_t memberId, Timestamp now);

struct ReferralInfo {
    std::optional<std::string> code;     ///< none until first asked for
    std::optional<std::string> referrer; ///< the referrer's card number
};
ReferralInfo referralInfo(UnitOfWork& uow, std::int64_t memberId);

/// Records that `card` was referred by the member whose code is `code`. Throws UserError
/// "referral.unknown_code" {code}, "referral.self", "referral.cycle" {referrer} (the referrer was
/// referred by this member), "referral.already_linked" {referrer} (a link is never changed),
/// "referral.has_purchases" {card} (only a member who has not bought yet can be referred).
/// Returns the referrer's card number.
std::string linkReferral(const RequestContext& ctx, DataStore& store, const std::string& card,
                         const std::string& code);
/// The same inside the caller's unit of work (member import).
std::string linkReferral(const RequestContext& ctx, UnitOfWork& uow, const Member& referee,
                         const std::string& code);

} // namespace md::app
