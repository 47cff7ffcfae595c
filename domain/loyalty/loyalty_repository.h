#pragma once
// The loyalty engine's storage port, joined to a unit of work (UnitOfWork::loyalty()). persistence/
// implements it on both backends. Dates are programme-local days; the caller (app/) decides them.
#include "domain/loyalty/ledger.h"
#include "domain/loyalty/programme.h"
#include "domain/loyalty/tiers.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md::loyalty {

struct ProgrammeVersionInfo {
    std::int64_t version = 0;
    Date effectiveFrom{};
    Timestamp createdAt{};
    std::string createdBy;
};

/// A member whose cached balance is not what the ledger says.
struct BalanceMismatch {
    std::int64_t memberId = 0;
    std::string cardNo;
    std::int64_t cached = 0, ledger = 0;
};

struct ExpiringPoints {
    std::int64_t memberId = 0;
    std::string cardNo, name;
    std::int64_t points = 0;
    Date firstExpiry{};
};

struct Liability {
    Date asOf{};
    std::int64_t points = 0; ///< outstanding, unexpired points on that day (owed points subtracted)
    std::int64_t members = 0;
};

/// A member's stored tier (the base tier when the engine has not placed them yet).
struct TierRecord {
    std::string code;
    TierState state;
    std::optional<std::string> overrideCode, overrideReason;
    std::optional<Date> since, lastReview;
};

struct TierChange {
    std::int64_t id = 0;
    std::int64_t memberId = 0;
    std::string fromTier, toTier, reason, rule, note, actor;
    Date changedOn{};
    std::optional<std::int64_t> programmeVersion;
    Timestamp recordedAt{};
};

struct Approval {
    std::int64_t id = 0;
    std::int64_t memberId = 0;
    std::int64_t points = 0;
    std::string reason, note, requestKey, requestedBy, status;
    Timestamp requestedAt{};
    std::optional<std::string> decidedBy;
    std::optional<std::int64_t> entryId;
};

/// What one run of the loyalty engine did.
struct EngineReport {
    std::int64_t events = 0;   ///< purchase, refund and correction events rated
    std::int64_t earned = 0;   ///< earn entries written
    std::int64_t reversed = 0; ///< reverse entries written
    std::int64_t upgrades = 0; ///< tier upgrades
    std::int64_t points = 0;   ///< net points posted
};

/// What a tier review decided (or would decide, dry run), per outcome.
struct ReviewReport {
    Date asOf{};
    std::int64_t members = 0, upgrades = 0, downgrades = 0, graceStarted = 0, graceRunning = 0, retained = 0;
    bool dryRun = false;
};

class LoyaltyRepository {
public:
    virtual ~LoyaltyRepository() = default;

    // ---- programme versions (never changed once stored) ----
    /// Stores p as the next version; returns it. `json` is the definition as stored and exported.
    virtual std::int64_t storeProgramme(const std::string& json, Date effectiveFrom, const std::string& actor,
                                        Timestamp now) = 0;
    virtual std::vector<ProgrammeVersionInfo> programmeVersions() = 0;
    /// The stored JSON of a version; none when there is no such version.
    virtual std::optional<std::string> programmeJson(std::int64_t version) = 0;
    /// The version in force on `day` (the newest whose effective date is on or before it).
    virtual std::optional<std::int64_t> programmeVersionOn(Date day) = 0;
    /// The newest stored version, whatever its effective date.
    virtual std::optional<std::int64_t> latestProgrammeVersion() = 0;

    // ---- the ledger ----
    /// Idempotent by posting.key. Locks the member's points first, so concurrent postings to one
    /// member are serialised and a redemption can never drive the spendable balance below zero.
    virtual PostResult post(const Posting& p, const std::string& actor, Timestamp now) = 0;
    virtual Balance balance(std::int64_t memberId, Date day, int expiringSoonDays) = 0;
    /// Newest first: entries with id < beforeId (0: from the newest), at most limit.
    virtual std::vector<LedgerEntry> entries(std::int64_t memberId, std::int64_t beforeId, int limit) = 0;
    virtual std::int64_t entryCount(std::int64_t memberId) = 0;
    virtual std::optional<LedgerEntry> entryByKey(const std::string& key) = 0;
    /// Recomputes every member's balance from the ledger and compares it with the cache.
    virtual std::vector<BalanceMismatch> checkBalances() = 0;
    /// Expires every lot whose last day is before asOf (and, with a rolling policy of `rollingDays` > 0,
    /// every lot of members inactive since asOf - rollingDays): one expire entry per lot, keyed by the
    /// lot, so running it again writes nothing. Returns the number of entries written.
    virtual std::int64_t expire(Date asOf, int rollingDays, const std::string& actor, Timestamp now) = 0;
    /// Members with spendable points in lots expiring on [from, to], most points first.
    virtual std::vector<ExpiringPoints> expiring(Date from, Date to, int limit) = 0;
    virtual Liability liability(Date asOf) = 0;

    // ---- tiers ----
    virtual TierRecord tier(std::int64_t memberId, const Programme& p) = 0;
    /// Stores the member's tier state and, when the code changes, a tier_changes row.
    virtual void saveTier(std::int64_t memberId, const Programme& p, const TierState& s,
                          const TierChange& change, Timestamp now) = 0;
    /// Records an override (or clears it: code none).
    virtual void saveOverride(std::int64_t memberId, const std::optional<std::string>& code,
                              const std::optional<Date>& until, const std::string& reason, Timestamp now) = 0;
    /// Appends a tier_changes row and its tier_changed event (saveTier does this for code changes).
    virtual void recordTierChange(const TierChange& c, Timestamp now) = 0;
    virtual std::vector<TierChange> tierHistory(std::int64_t memberId) = 0;
    /// Qualifying spend and points of a member's ledger entries dated [first, last].
    virtual QualifyingFigures figures(std::int64_t memberId, Date first, Date last) = 0;

    // ---- maker-checker ----
    virtual std::int64_t requestApproval(const Approval& a) = 0;
    virtual std::optional<Approval> approval(std::int64_t id) = 0;
    virtual std::vector<Approval> pendingApprovals() = 0;
    virtual void decideApproval(std::int64_t id, const std::string& status, const std::string& by,
                                std::optional<std::int64_t> entryId, Timestamp now) = 0;
};

} // namespace md::loyalty
