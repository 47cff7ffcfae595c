#pragma once
// Event types of paid membership, referral and vouchers (docs/membership.md); the others are in
// domain/events.h.
namespace md::event {
inline constexpr const char* kMembershipBought = "membership_bought";   ///< entity = the term
inline constexpr const char* kMembershipRenewed = "membership_renewed"; ///< entity = the new term
inline constexpr const char* kMembershipCancelled = "membership_cancelled";
inline constexpr const char* kReferralLinked = "referral_linked"; ///< member = referee, entity = referrer
inline constexpr const char* kVoucherIssued = "voucher_issued";   ///< entity = the voucher
inline constexpr const char* kVoucherRedeemed = "voucher_redeemed";
inline constexpr const char* kVouchersExpired = "vouchers_expired"; ///< payload: as_of, count
} // namespace md::event
