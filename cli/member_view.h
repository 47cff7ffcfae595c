#pragma once
// How `show` presents one member: a readable profile for people, a stable JSON document for scripts.
#include "domain/loyalty/ledger.h"
#include "domain/member.h"
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
};

/// JSON object: profile fields, "consent" {"email", "sms"}, "totals", "recent_transactions", and
/// "loyalty" {tier, balances, "ledger": [{..., "breakdown": {...}}]} when a programme is stored.
/// Times are UTC ISO 8601 ("...Z"); money as decimal strings plus integer minor units.
void printMemberJson(std::ostream& out, const MemberView& v);
void printMemberText(std::ostream& out, const MemberView& v);

/// "+8613800138000" -> "138 0013 8000"; other numbers as stored; "" stays "".
std::string displayPhone(const std::string& e164);

} // namespace md::cli
