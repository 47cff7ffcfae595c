#pragma once
// The ports the use cases in app/ work through. persistence/ implements them (SOCI, both backends);
// only each executable's main() names that implementation.
//
//   DataStore   one database: opens units of work, runs bulk transfers and event consumers.
//   UnitOfWork  one transaction that several repositories join. Write units hold the write lock from
//               the start (BEGIN IMMEDIATE on SQLite) and roll back unless commit() is called; the audit
//               entry and the events of a change are written in it. Read units take no write lock.
#include "data_transfer.h"
#include "events.h"
#include "loyalty/loyalty_repository.h"
#include "loyalty/whatif.h"
#include "member_browsing.h"
#include "membership/membership_repository.h"
#include "repositories.h"
#include "segments/segment_repository.h"
#include "settings.h"
#include "time_zone.h"

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

namespace md {

class DemoSource;

class UnitOfWork {
public:
    virtual ~UnitOfWork() = default; ///< rolls back unless committed
    virtual MemberRepository& members() = 0;
    virtual StoreRepository& stores() = 0;
    virtual SettingsRepository& settings() = 0;
    virtual EventLog& events() = 0;
    virtual loyalty::LoyaltyRepository& loyalty() = 0;
    /// Paid membership, referral and vouchers (docs/membership.md).
    virtual membership::MembershipRepository& membership() = 0;
    /// Named segments, and counting or listing the members a rule selects (docs/segments.md).
    virtual segments::SegmentRepository& segments() = 0;
    /// Appends an audit entry (entity "member", "store", "setting", ...) in this unit of work.
    virtual void audit(const Actor& who, const std::string& action, const std::string& entity,
                       const std::string& key, const std::optional<std::string>& beforeJson,
                       const std::optional<std::string>& afterJson) = 0;
    /// Makes every change of this unit durable. Throws on failure (then nothing was changed).
    virtual void commit() = 0;
};

struct ExportOptions {
    ProgressFn progress;
    /// Cells starting with = + - @ get a leading ' so a spreadsheet shows them instead of running
    /// them as formulas. Off by default: the export is the import format and must round-trip exactly.
    bool spreadsheetSafe = false;
};

/// Schema state, so a front end can ask before upgrading a shared database.
struct SchemaStatus {
    int current = 0;     ///< 0 = empty database
    int supported = 0;   ///< what this program writes
    bool shared = false; ///< a server database other people use (PostgreSQL)
    bool needsUpgrade() const { return current < supported; }
    bool tooNew() const { return current > supported; }
};

class DataStore {
public:
    virtual ~DataStore() = default;
    /// For messages: the database's address with any password masked.
    virtual std::string describe() const = 0;
    /// Who this connection writes as when no other actor is given (OS user / database user).
    virtual Actor connectionUser() const = 0;
    virtual SchemaStatus schemaStatus() = 0;
    /// Applies pending migrations; returns the new version. Throws SchemaTooNew.
    virtual int migrate() = 0;

    virtual std::unique_ptr<UnitOfWork> read() = 0;
    virtual std::unique_ptr<UnitOfWork> write() = 0;
    /// Pages over all members in one order (the member list); reads committed data, no transaction.
    virtual std::unique_ptr<MemberBrowsing> browseMembers(SortColumn column, bool ascending) = 0;

    virtual ImportReport importMembers(const std::filesystem::path& file, const ImportOptions& opt) = 0;
    virtual ImportReport importTransactions(const std::filesystem::path& file, const ImportOptions& opt) = 0;
    virtual ImportReport importStores(const std::filesystem::path& file, const ImportOptions& opt) = 0;
    virtual std::uint64_t exportMembers(std::ostream& out, const ExportOptions& opt) = 0;
    virtual DemoReport loadDemo(const DemoSource& source, const ProgressFn& progress) = 0;

    /// Runs the member totals consumer over the events after its position (exactly once, in chunks
    /// each committed with the new position). Returns the number of events processed.
    virtual std::int64_t processTotals(Timestamp now) = 0;
    /// Recomputes every member's totals from the current transactions and moves the consumer to the
    /// newest event, in one transaction.
    virtual void rebuildTotals(const Actor& who, Timestamp now) = 0;
    /// Runs the loyalty engine over the purchase, refund and correction events after its position
    /// (exactly once, in chunks each committed with the new position). Days are read in `zone`.
    virtual loyalty::EngineReport processLoyalty(const TimeZone& zone, const Actor& who, Timestamp now,
                                                 const ProgressFn& progress) = 0;
    /// Reviews every placed member's tier on asOf under programme p (downgrades happen only here).
    /// Idempotent: a second review on the same day with the same figures changes nothing.
    virtual loyalty::ReviewReport reviewTiers(const loyalty::Programme& p, Date asOf, bool dryRun,
                                              const Actor& who, Timestamp now) = 0;
    /// Re-rates the live purchases whose local day (in zone) is in [from, to] under programme p: a
    /// reverse and a new earn where the points differ, nothing where they do not (idempotent).
    virtual loyalty::RerateReport rerate(const loyalty::Programme& p, std::int64_t version, Date from,
                                         Date to, const TimeZone& zone, const Actor& who, Timestamp now,
                                         const ProgressFn& progress) = 0;
    /// What `proposed` would have issued over [from, to] and where it would put every member on asOf,
    /// against the ledger and tiers as they are under `inForce`. Reads only.
    virtual loyalty::WhatIfReport whatIf(const loyalty::Programme& proposed,
                                         const loyalty::Programme& inForce, Date from, Date to, Date asOf,
                                         const TimeZone& zone, const ProgressFn& progress) = 0;
};

} // namespace md
