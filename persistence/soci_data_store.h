#pragma once
// The SOCI implementation of the ports in domain/unit_of_work.h: one Database connection per
// DataStore (a DataStore is used by one thread at a time; workers open their own). Only executables'
// main() and tests name this type.
#include "domain/unit_of_work.h"
#include "persistence/database.h"

#include <memory>

namespace md::db {

class SociDataStore final : public DataStore {
public:
    /// Connects; does not migrate. Throws DatabaseUnavailable.
    explicit SociDataStore(const DatabaseUrl& url);
    /// Wraps an open connection (tests, the bench).
    explicit SociDataStore(std::unique_ptr<Database> db);
    ~SociDataStore() override;

    std::string describe() const override;
    Actor connectionUser() const override;
    SchemaStatus schemaStatus() override;
    int migrate() override;
    std::unique_ptr<UnitOfWork> read() override;
    std::unique_ptr<UnitOfWork> write() override;
    std::unique_ptr<MemberBrowsing> browseMembers(SortColumn column, bool ascending) override;
    ImportReport importMembers(const std::filesystem::path& file, const ImportOptions& opt) override;
    ImportReport importTransactions(const std::filesystem::path& file, const ImportOptions& opt) override;
    ImportReport importStores(const std::filesystem::path& file, const ImportOptions& opt) override;
    std::uint64_t exportMembers(std::ostream& out, const ExportOptions& opt) override;
    DemoReport loadDemo(const DemoSource& source, const ProgressFn& progress) override;
    std::int64_t processTotals(Timestamp now) override;
    void rebuildTotals(const Actor& who, Timestamp now) override;
    loyalty::EngineReport processLoyalty(const TimeZone& zone, const Actor& who, Timestamp now,
                                         const ProgressFn& progress) override;
    loyalty::ReviewReport reviewTiers(const loyalty::Programme& p, Date asOf, bool dryRun, const Actor& who,
                                      Timestamp now) override;
    loyalty::RerateReport rerate(const loyalty::Programme& p, std::int64_t version, Date from, Date to,
                                 const TimeZone& zone, const Actor& who, Timestamp now,
                                 const ProgressFn& progress) override;
    loyalty::WhatIfReport whatIf(const loyalty::Programme& proposed, const loyalty::Programme& inForce,
                                 Date from, Date to, Date asOf, const TimeZone& zone,
                                 const ProgressFn& progress) override;

    Database& database() { return *m_db; }

private:
    std::unique_ptr<Database> m_db;
};

/// The factory the front ends are handed by their main(): opens a DataStore for a database address
/// ("sqlite:PATH", a path, "postgresql://...", a libpq keyword string). Throws std::invalid_argument
/// for an address it cannot read, DatabaseUnavailable when the database cannot be reached.
std::unique_ptr<DataStore> openDataStore(const std::string& address);

} // namespace md::db
