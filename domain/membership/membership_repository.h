#pragma once
// Storage port for paid membership, referral and vouchers, joined to a unit of work
// (UnitOfWork::membership()). persistence/membership_repository.cpp implements it on both backends.
#include "domain/membership/membership.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md::membership {

/// A member whose paid membership ends in a window (renewal reminders).
struct RenewalDue {
    std::int64_t memberId = 0;
    std::string cardNo, name, planCode;
    Date endsOn{};
};

struct Voucher {
    std::int64_t id = 0;
    std::string code; ///< as stored (no separators)
    std::optional<std::int64_t> memberId;
    std::int64_t valueMinor = 0;
    std::int64_t pointsCost = 0; ///< points the member exchanged for it (source "points")
    std::string source;          ///< "manual", "batch", "birthday", "points", "demo"
    std::optional<std::string> batch;
    std::optional<std::string> issueKey; ///< "birthday:<member>:<year>", "voucher:<request id>" ...
    Date issuedOn{}, validUntil{};       ///< valid through validUntil (inclusive)
    std::string status = "issued";       ///< stored: "issued", "redeemed", "expired"
    std::optional<Timestamp> redeemedAt;
    std::optional<std::int64_t> redeemedMemberId;
    std::optional<std::string> orderId;
    std::string actor;
    /// The status a person sees on `day`: an issued voucher past its last day is expired even before
    /// `voucher expire` has marked it.
    std::string statusOn(Date day) const {
        return status == "issued" && validUntil < day ? "expired" : status;
    }
};

/// A member with a birthday in the month of a benefits run, with what decides their tier that day.
struct BirthdayCandidate {
    std::int64_t memberId = 0;
    std::string tierCode; ///< "" when never placed (the base tier)
    std::optional<std::string> overrideTier;
    std::optional<Date> overrideUntil;
    std::optional<std::string> planCode; ///< the paid plan of a term covering the day
};

enum class RedeemOutcome { Redeemed, Unknown, AlreadyRedeemed, Expired, OtherMember };

class MembershipRepository {
public:
    virtual ~MembershipRepository() = default;

    // ---- paid membership ----
    virtual std::vector<Term> terms(std::int64_t memberId) = 0;
    virtual std::optional<Term> termByKey(const std::string& requestKey) = 0;
    /// Inserts a term; returns its id.
    virtual std::int64_t addTerm(const Term& t, Timestamp now) = 0;
    /// Cuts every term of the member still granting on or after `lastDay` + 1 short: their last day
    /// becomes `lastDay` (terms starting later become void). Returns the terms changed.
    virtual int cancelTerms(std::int64_t memberId, Date lastDay, const std::string& reason) = 0;
    /// Members whose paid-through end (the last non-cancelled term, no later term) is in [from, to].
    virtual std::vector<RenewalDue> endingBetween(Date from, Date to, int limit) = 0;

    /// Bulk: terms and referral links in one write per batch (the demo). Nothing is checked here.
    virtual void insertTerms(const std::vector<Term>& terms) = 0;
    virtual void insertReferrals(const std::vector<std::pair<std::int64_t, std::int64_t>>& refereeReferrer,
                                 const std::string& actor, Timestamp now) = 0;
    /// A code for every member without one, in bulk (member import, the demo). Returns how many.
    virtual std::int64_t assignMissingReferralCodes(Timestamp now) = 0;

    // ---- referral ----
    virtual std::optional<std::string> referralCode(std::int64_t memberId) = 0;
    /// Stores the member's code; false when the code is taken (draw another) — or the member already
    /// has one (read it again).
    virtual bool insertReferralCode(std::int64_t memberId, const std::string& code, Timestamp now) = 0;
    virtual std::optional<std::int64_t> memberByReferralCode(const std::string& code) = 0;
    virtual std::optional<std::int64_t> referrerOf(std::int64_t refereeId) = 0;
    virtual void link(std::int64_t refereeId, std::int64_t referrerId, const std::string& actor,
                      Timestamp now) = 0;
    /// Whether the member has any purchase stored (a referral link is refused then).
    virtual bool hasPurchases(std::int64_t memberId) = 0;

    // ---- vouchers ----
    /// Inserts; false when the code or the issue key is taken (nothing written).
    virtual bool insertVoucher(Voucher& v, Timestamp now) = 0;
    /// Inserts many in one statement per batch (COPY on PostgreSQL into a staging table); a voucher whose
    /// code or issue key is taken is skipped. Status, redemption and order are written as given (the
    /// demo's history). Returns how many were stored.
    virtual std::int64_t insertVouchers(const std::vector<Voucher>& vs, Timestamp now) = 0;
    /// Active members born in `month` (1-12), with their tier record and paid plan on `day`.
    virtual std::vector<BirthdayCandidate> birthdayCandidates(unsigned month, Date day) = 0;
    /// The codes stored for a batch.
    virtual std::vector<std::string> storedCodes(const std::string& batch) = 0;
    virtual std::optional<Voucher> voucher(const std::string& code) = 0;
    virtual std::optional<Voucher> voucherByKey(const std::string& issueKey) = 0;
    /// Marks the voucher redeemed if it is still issued and valid on `day` (one conditional UPDATE, so
    /// of two concurrent redemptions exactly one wins on either backend). `memberId`: the redeeming
    /// member, who must be the holder of an assigned voucher.
    virtual RedeemOutcome redeem(const std::string& code, std::optional<std::int64_t> memberId,
                                 const std::optional<std::string>& orderId, Date day, Timestamp now) = 0;
    /// Marks every issued voucher whose last day is before asOf expired; returns how many.
    virtual std::int64_t expireVouchers(Date asOf) = 0;
    virtual std::vector<Voucher> vouchersOf(std::int64_t memberId, int limit) = 0;
};

} // namespace md::membership
