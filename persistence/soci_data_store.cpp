#include "persistence/soci_data_store.h"

#include "persistence/audit.h"
#include "persistence/csv_import.h"
#include "persistence/demo_loader.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_engine.h"
#include "persistence/loyalty_repository.h"
#include "persistence/member_browser.h"
#include "persistence/member_repository.h"
#include "persistence/member_totals.h"
#include "persistence/membership_repository.h"
#include "persistence/native_sql.h"
#include "persistence/segment_repository.h"
#include "persistence/settings_repository.h"
#include "persistence/sql_errors.h"

#include <optional>

namespace md::db {

namespace {

// One transaction that the repositories join (their own WriteTransactions nest into it). A read unit
// opens none: each statement reads committed data, and no write lock is held while a person looks.
class SociUnitOfWork final : public UnitOfWork {
public:
    SociUnitOfWork(Database& db, bool write)
        : m_db(db), m_members(db), m_stores(db), m_settings(db), m_events(db), m_loyalty(db),
          m_membership(db), m_segments(db) {
        if (write) {
            withSqlErrors(m_db, "Could not start a change on " + m_db.url().display(),
                          [&] { m_tx.emplace(m_db); });
        }
    }
    MemberRepository& members() override { return m_members; }
    StoreRepository& stores() override { return m_stores; }
    SettingsRepository& settings() override { return m_settings; }
    EventLog& events() override { return m_events; }
    loyalty::LoyaltyRepository& loyalty() override { return m_loyalty; }
    membership::MembershipRepository& membership() override { return m_membership; }
    segments::SegmentRepository& segments() override { return m_segments; }
    void audit(const Actor& who, const std::string& action, const std::string& entity, const std::string& key,
               const std::optional<std::string>& beforeJson,
               const std::optional<std::string>& afterJson) override {
        withSqlErrors(m_db, "Could not write the audit trail",
                      [&] { appendAudit(m_db, who, action, entity, key, beforeJson, afterJson); });
    }
    void commit() override {
        if (!m_tx) throw std::logic_error("commit() on a read-only unit of work");
        withSqlErrors(m_db, "Could not save the change", [&] { m_tx->commit(); });
    }

private:
    Database& m_db;
    std::optional<WriteTransaction> m_tx;
    SociMemberRepository m_members;
    SociStoreRepository m_stores;
    SociSettingsRepository m_settings;
    SociEventLog m_events;
    SociLoyaltyRepository m_loyalty;
    SociMembershipRepository m_membership;
    SociSegmentRepository m_segments;
};

} // namespace

SociDataStore::SociDataStore(const DatabaseUrl& url) : m_db(std::make_unique<Database>(url)) {}
SociDataStore::SociDataStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
SociDataStore::~SociDataStore() = default;

std::string SociDataStore::describe() const {
    return m_db->url().display();
}

Actor SociDataStore::connectionUser() const {
    return m_db->actor();
}

SchemaStatus SociDataStore::schemaStatus() {
    SchemaStatus s;
    s.current = m_db->schemaVersion();
    s.supported = Database::supportedSchemaVersion();
    s.shared = m_db->dialect().shared();
    return s;
}

int SociDataStore::migrate() {
    return m_db->migrate();
}

std::unique_ptr<UnitOfWork> SociDataStore::read() {
    return std::make_unique<SociUnitOfWork>(*m_db, false);
}

std::unique_ptr<UnitOfWork> SociDataStore::write() {
    return std::make_unique<SociUnitOfWork>(*m_db, true);
}

std::unique_ptr<MemberBrowsing> SociDataStore::browseMembers(SortColumn column, bool ascending) {
    return std::make_unique<MemberBrowser>(*m_db, column, ascending);
}

ImportReport SociDataStore::importMembers(const std::filesystem::path& file, const ImportOptions& opt) {
    return db::importMembers(*m_db, file, opt);
}

ImportReport SociDataStore::importTransactions(const std::filesystem::path& file, const ImportOptions& opt) {
    return db::importTransactions(*m_db, file, opt);
}

ImportReport SociDataStore::importStores(const std::filesystem::path& file, const ImportOptions& opt) {
    return db::importStores(*m_db, file, opt);
}

std::uint64_t SociDataStore::exportMembers(std::ostream& out, const ExportOptions& opt) {
    return db::exportMembers(*m_db, out, opt.progress, opt.spreadsheetSafe);
}

DemoReport SociDataStore::loadDemo(const DemoSource& source, const ProgressFn& progress) {
    return db::loadDemo(*m_db, source, progress);
}

std::int64_t SociDataStore::processTotals(Timestamp now) {
    return withSqlErrors(*m_db, "Could not update the member totals",
                         [&] { return processMemberTotals(*m_db, formatTimestamp(now)); });
}

void SociDataStore::rebuildTotals(const Actor& who, Timestamp now) {
    withSqlErrors(*m_db, "Could not rebuild the member totals", [&] {
        WriteTransaction tx(*m_db);
        rebuildMemberTotals(*m_db, formatTimestamp(now));
        appendAudit(*m_db, who, "rebuild", "consumer", kMemberTotalsConsumer, std::nullopt, "{}");
        tx.commit();
    });
}

loyalty::EngineReport SociDataStore::processLoyalty(const TimeZone& zone, const Actor& who, Timestamp now,
                                                    const ProgressFn& progress) {
    LoyaltyRun run{zone, now, who.name, 200000, progress};
    return db::processLoyalty(*m_db, run);
}

loyalty::ReviewReport SociDataStore::reviewTiers(const loyalty::Programme& p, Date asOf, bool dryRun,
                                                 const Actor& who, Timestamp now) {
    return reviewAllTiers(*m_db, p, asOf, dryRun, who.name, now);
}

loyalty::RerateReport SociDataStore::rerate(const loyalty::Programme& p, std::int64_t version, Date from,
                                            Date to, const TimeZone& zone, const Actor& who, Timestamp now,
                                            const ProgressFn& progress) {
    LoyaltyRun run{zone, now, who.name, 200000, progress};
    return rerateOrders(*m_db, p, version, from, to, run);
}

loyalty::WhatIfReport SociDataStore::whatIf(const loyalty::Programme& proposed,
                                            const loyalty::Programme& inForce, Date from, Date to, Date asOf,
                                            const TimeZone& zone, const ProgressFn& progress) {
    LoyaltyRun run{zone, Timestamp{}, "", 0, progress};
    return whatIfProgramme(*m_db, proposed, inForce, from, to, asOf, run);
}

std::unique_ptr<DataStore> openDataStore(const std::string& address) {
    return std::make_unique<SociDataStore>(DatabaseUrl::parse(address));
}

} // namespace md::db
