#pragma once
// Use cases on vouchers (优惠券): issue to a member (a value, or in exchange for points), issue a batch
// of unassigned codes, redeem once, expire, list; and the benefits run that issues the tiers' birthday
// vouchers (docs/membership.md).
#include "app/request_context.h"
#include "domain/membership/membership_repository.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <string>
#include <vector>

namespace md::app {

struct VoucherRequest {
    std::int64_t valueMinor = 0; ///< a voucher of this value ...
    std::int64_t points = 0;     ///< ... or one bought with this many points (value: points × point value)
    int validDays = 30;          ///< valid from today through today + validDays - 1
};

struct VoucherIssue {
    membership::Voucher voucher;
    bool duplicate = false; ///< the request id was seen: the earlier voucher, nothing new written
};

/// Issues one voucher to the member. With points, the points are redeemed in the same unit of work
/// (refused, nothing written, when the spendable balance is short). requestId makes a retry safe.
/// Throws UserError "voucher.value_or_points", "voucher.valid_days" {days}, "points.short"
/// {spendable, requested}, "programme.none" (points), "member.unknown_card" {card}.
VoucherIssue issueVoucher(const RequestContext& ctx, DataStore& store, const std::string& card,
                          const VoucherRequest& req, std::string requestId = {});

/// Issues `count` unassigned vouchers of `valueMinor` as batch `batch` (default: generated) and returns
/// them. A batch name is issued once: the same name again returns the stored codes and writes nothing
/// (a retry never doubles a batch). Throws "voucher.count" {count} (1..100000),
/// "voucher.value_or_points", "voucher.valid_days".
std::vector<membership::Voucher> issueVoucherBatch(const RequestContext& ctx, DataStore& store, int count,
                                                   std::int64_t valueMinor, int validDays,
                                                   std::string batch = {});

/// Redeems a code once. `card`: who redeems (an assigned voucher only by its holder); `orderId`: the
/// order it was used on. Throws "voucher.unknown" {code}, "voucher.redeemed" {code},
/// "voucher.expired" {code, until}, "voucher.other_member" {code}.
membership::Voucher redeemVoucher(const RequestContext& ctx, DataStore& store, const std::string& code,
                                  const std::optional<std::string>& card,
                                  const std::optional<std::string>& orderId);

/// Marks every issued voucher past its last day before asOf as expired (idempotent). Returns how many.
std::int64_t expireVouchers(const RequestContext& ctx, DataStore& store, Date asOf);

/// The member's vouchers, newest first.
std::vector<membership::Voucher> memberVouchers(const RequestContext& ctx, DataStore& store,
                                                const std::string& card, int limit = 100);

struct BenefitsRun {
    Date asOf{};
    std::int64_t birthdayCandidates = 0; ///< members born in asOf's month
    std::int64_t birthdayVouchers = 0;   ///< issued now (a member has at most one a year)
};
/// Issues the birthday vouchers of the programme in force on asOf: to every active member born in
/// asOf's month whose tier that day (paid plan floors and overrides included) has a BirthdayVoucher
/// benefit in effect, or whose active plan grants one. Key "birthday:<member>:<year>": running again in
/// the same year issues nothing twice. Throws "programme.none".
BenefitsRun runBenefits(const RequestContext& ctx, DataStore& store, Date asOf);

} // namespace md::app
