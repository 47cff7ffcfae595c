#pragma once
// How `show` presents one member: a readable profile for people, a stable JSON document for scripts.
#include "domain/loyalty/ledger.h"
#include "domain/member.h"
#include "domain/membership/membership_repository.h"
#include "domain/transaction.h"

#include <ostream>
#include <string>
#include <vector>

namespace md::cli {

struct MemberView {
    Member member;
    std::string homeStoreName; ///< empty when the store is unknown
    MemberTotals totals;
    std::vector<Transaction> recent; ///< newest first
    /// Points and tier, when a programme is stored.
    struct Loyalty {
        std::string tier;
        loyalty::Balance balance;
        std::vector<loyalty::LedgerEntry> ledger; ///< newest first, with each earn's breakdown
    };
    std::optional<Loyalty> loyalty;
    /// Paid membership, referral and vouchers (docs/membership.md).
    struct Membership {
        membership::Standing standing;
        std::optional<std::string> referralCode, referredBy;
        std::vector<membership::Voucher> vouchers; ///< newest first
        Date today{};                              ///< for the vouchers' status by date
    };
    std::optional<Membership> membership;
};

/// JSON object: profile fields, "consent" {"email", "sms"}, "totals", "recent_transactions", and
/// "loyalty" {tier, balances, "ledger": [{..., "breakdown": {...}}]} when a programme is stored,
/// "membership" {status, plan, paid_through}, "referral" {code, referred_by} and "vouchers" [...].
/// Times are UTC ISO 8601 ("...Z"); money as decimal strings plus integer minor units.
void printMemberJson(std::ostream& out, const MemberView& v);
void printMemberText(std::ostream& out, const MemberView& v);

class JsonWriter;
/// The "membership", "referral" and "vouchers" members of the JSON object, and the text section
/// (member_view_membership.cpp).
void printMembershipJson(JsonWriter& j, const MemberView::Membership& m);
void printMembershipText(std::ostream& out, const MemberView::Membership& m);

/// "+8613800138000" -> "138 0013 8000"; other numbers as stored; "" stays "".
std::string displayPhone(const std::string& e164);

} // namespace md::cli
