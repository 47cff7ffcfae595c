#pragma once
// Use cases on members' points: balance, manual adjustment (with maker-checker above the programme's
// limit), redemption, expiry, reminders, the consistency check and the liability.
#include "app/request_context.h"
#include "domain/loyalty/ledger.h"
#include "domain/loyalty/loyalty_repository.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <string>
#include <vector>

namespace md::app {

struct MemberPoints {
    Member member;
    std::string tier; ///< the tier code in force today ("" without a programme)
    loyalty::Balance balance;
};

/// Throws UserError "member.unknown_card" {card}.
MemberPoints pointsBalance(const RequestContext& ctx, DataStore& store, const std::string& card);
/// The member's ledger, newest first (see LoyaltyRepository::entries).
std::vector<loyalty::LedgerEntry> pointsLedger(const RequestContext& ctx, DataStore& store,
                                               std::int64_t memberId, std::int64_t beforeId, int limit);

enum class AdjustOutcome { Posted, Duplicate, AwaitingApproval };
struct AdjustResult {
    AdjustOutcome outcome = AdjustOutcome::Posted;
    std::int64_t entryId = 0;    ///< Posted / Duplicate
    std::int64_t approvalId = 0; ///< AwaitingApproval
    std::int64_t spendable = 0;  ///< after the posting
};

/// A manual credit (+) or debit (-) with a reason code. Above the programme's approval threshold it
/// waits for a second person (approveAdjustment). requestId makes a retry safe (default: generated).
/// Throws UserError "points.zero", "points.reason_required", "points.short" {spendable, requested},
/// "programme.none" when no programme is stored (expiry of the credit comes from it).
AdjustResult adjustPoints(const RequestContext& ctx, DataStore& store, const std::string& card,
                          std::int64_t points, const std::string& reason, const std::string& note,
                          std::string requestId = {});
/// Posts a waiting adjustment. Throws UserError "approval.unknown" {id}, "approval.decided" {id, status},
/// "approval.own_request" {id} when the approver asked for it.
AdjustResult approveAdjustment(const RequestContext& ctx, DataStore& store, std::int64_t approvalId);
std::vector<loyalty::Approval> pendingApprovals(const RequestContext& ctx, DataStore& store);

/// Spends points. Throws UserError "points.short" {spendable, requested} (nothing written),
/// "points.not_positive".
AdjustResult redeemPoints(const RequestContext& ctx, DataStore& store, const std::string& card,
                          std::int64_t points, const std::string& forWhat, std::string requestId = {});

/// Writes expire entries for every lot past its last day on asOf (idempotent). Returns how many.
std::int64_t expirePoints(const RequestContext& ctx, DataStore& store, Date asOf);
/// Members with points expiring from today through today + days.
std::vector<loyalty::ExpiringPoints> expiringPoints(const RequestContext& ctx, DataStore& store, int days,
                                                    int limit = 100000);
std::vector<loyalty::BalanceMismatch> checkPoints(const RequestContext& ctx, DataStore& store);

struct LiabilityFigures {
    loyalty::Liability liability;
    std::int64_t valueMinor = 0; ///< points × the point value of the programme in force on asOf
};
LiabilityFigures pointsLiability(const RequestContext& ctx, DataStore& store, Date asOf);

} // namespace md::app
