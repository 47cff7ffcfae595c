#pragma once
// The SOCI implementation of membership::MembershipRepository (paid terms, referral, vouchers) on both
// backends; schema in resources/migrations/005_membership.sql.
#include "domain/membership/membership_repository.h"
#include "persistence/database.h"

namespace md::db {

class SociMembershipRepository final : public membership::MembershipRepository {
public:
    explicit SociMembershipRepository(Database& db) : m_db(db) {}

    std::vector<membership::Term> terms(std::int64_t memberId) override;
    std::optional<membership::Term> termByKey(const std::string& requestKey) override;
    std::int64_t addTerm(const membership::Term& t, Timestamp now) override;
    int cancelTerms(std::int64_t memberId, Date lastDay, const std::string& reason) override;
    std::vector<membership::RenewalDue> endingBetween(Date from, Date to, int limit) override;

    void insertTerms(const std::vector<membership::Term>& terms) override;
    void insertReferrals(const std::vector<std::pair<std::int64_t, std::int64_t>>& refereeReferrer,
                         const std::string& actor, Timestamp now) override;
    std::int64_t assignMissingReferralCodes(Timestamp now) override;
    std::optional<std::string> referralCode(std::int64_t memberId) override;
    bool insertReferralCode(std::int64_t memberId, const std::string& code, Timestamp now) override;
    std::optional<std::int64_t> memberByReferralCode(const std::string& code) override;
    std::optional<std::int64_t> referrerOf(std::int64_t refereeId) override;
    void link(std::int64_t refereeId, std::int64_t referrerId, const std::string& actor,
              Timestamp now) override;
    bool hasPurchases(std::int64_t memberId) override;

    bool insertVoucher(membership::Voucher& v, Timestamp now) override;
    std::int64_t insertVouchers(const std::vector<membership::Voucher>& vs, Timestamp now) override;
    std::vector<membership::BirthdayCandidate> birthdayCandidates(unsigned month, Date day) override;
    std::vector<std::string> storedCodes(const std::string& batch) override;
    std::optional<membership::Voucher> voucher(const std::string& code) override;
    std::optional<membership::Voucher> voucherByKey(const std::string& issueKey) override;
    membership::RedeemOutcome redeem(const std::string& code, std::optional<std::int64_t> memberId,
                                     const std::optional<std::string>& orderId, Date day,
                                     Timestamp now) override;
    std::int64_t expireVouchers(Date asOf) override;
    std::vector<membership::Voucher> vouchersOf(std::int64_t memberId, int limit) override;

private:
    Database& m_db;
};

inline constexpr const char* kTermColumns = "id, member_id, plan_code, kind, starts_on, ends_on, fee_minor, "
                                            "currency, request_key, programme_version, "
                                            "cancelled_on, cancel_reason, actor, recorded_at";
inline constexpr const char* kVoucherColumns = "id, code, member_id, value_minor, points_cost, source, "
                                               "batch, issue_key, issued_on, valid_until, status, "
                                               "redeemed_at, redeemed_member_id, order_id, actor";

} // namespace md::db

namespace soci {
class row;
}
namespace md::db {
membership::Term termFromRow(const soci::row& r);
membership::Voucher voucherFromRow(const soci::row& r);
} // namespace md::db
