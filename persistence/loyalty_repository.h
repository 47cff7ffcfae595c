#pragma once
// The SOCI implementation of loyalty::LoyaltyRepository on both backends. Split by subject:
// loyalty_ledger.cpp (postings, lots, balances, expiry, liability), loyalty_programme_store.cpp
// (programme versions, tiers, approvals).
#include "domain/loyalty/loyalty_repository.h"
#include "persistence/database.h"

namespace md::db {

class SociLoyaltyRepository final : public loyalty::LoyaltyRepository {
public:
    explicit SociLoyaltyRepository(Database& db) : m_db(db) {}

    std::int64_t storeProgramme(const std::string& json, Date effectiveFrom, const std::string& actor,
                                Timestamp now) override;
    std::vector<loyalty::ProgrammeVersionInfo> programmeVersions() override;
    std::optional<std::string> programmeJson(std::int64_t version) override;
    std::optional<std::int64_t> programmeVersionOn(Date day) override;
    std::optional<std::int64_t> latestProgrammeVersion() override;

    loyalty::PostResult post(const loyalty::Posting& p, const std::string& actor, Timestamp now) override;
    loyalty::Balance balance(std::int64_t memberId, Date day, int expiringSoonDays) override;
    std::vector<loyalty::LedgerEntry> entries(std::int64_t memberId, std::int64_t beforeId,
                                              int limit) override;
    std::int64_t entryCount(std::int64_t memberId) override;
    std::optional<loyalty::LedgerEntry> entryByKey(const std::string& key) override;
    std::vector<loyalty::BalanceMismatch> checkBalances() override;
    std::int64_t expire(Date asOf, int rollingDays, const std::string& actor, Timestamp now) override;
    std::vector<loyalty::ExpiringPoints> expiring(Date from, Date to, int limit) override;
    loyalty::Liability liability(Date asOf) override;

    loyalty::TierRecord tier(std::int64_t memberId, const loyalty::Programme& p) override;
    void saveTier(std::int64_t memberId, const loyalty::Programme& p, const loyalty::TierState& s,
                  const loyalty::TierChange& change, Timestamp now) override;
    void saveOverride(std::int64_t memberId, const std::optional<std::string>& code,
                      const std::optional<Date>& until, const std::string& reason, Timestamp now) override;
    void recordTierChange(const loyalty::TierChange& c, Timestamp now) override;
    std::vector<loyalty::TierChange> tierHistory(std::int64_t memberId) override;
    loyalty::QualifyingFigures figures(std::int64_t memberId, Date first, Date last) override;

    std::int64_t requestApproval(const loyalty::Approval& a) override;
    std::optional<loyalty::Approval> approval(std::int64_t id) override;
    std::vector<loyalty::Approval> pendingApprovals() override;
    void decideApproval(std::int64_t id, const std::string& status, const std::string& by,
                        std::optional<std::int64_t> entryId, Timestamp now) override;

private:
    Database& m_db;
};

/// Lots of one member with points left, nearest expiry first (no expiry last), then oldest.
std::vector<loyalty::Lot> openLots(Database& db, std::int64_t memberId);

} // namespace md::db
