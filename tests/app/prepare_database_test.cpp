// The upgrade policy in isolation: a fake DataStore reports a schema state, the use case decides. (The
// CLI test cli_admin/a_shared_database_is_upgraded_only_by_init_or_migrate checks it on real servers.)
#include "app/database.h"
#include "domain/user_error.h"

#include <boost/test/unit_test.hpp>

using namespace md;

namespace {

class SchemaOnlyStore final : public DataStore {
public:
    SchemaStatus status;
    int migrations = 0;
    std::string describe() const override { return "fake"; }
    Actor connectionUser() const override { return {"fake"}; }
    SchemaStatus schemaStatus() override { return status; }
    int migrate() override {
        ++migrations;
        return status.current = status.supported;
    }
    std::unique_ptr<UnitOfWork> read() override { throw std::logic_error("unused"); }
    std::unique_ptr<UnitOfWork> write() override { throw std::logic_error("unused"); }
    std::unique_ptr<MemberBrowsing> browseMembers(SortColumn, bool) override {
        throw std::logic_error("unused");
    }
    ImportReport importMembers(const std::filesystem::path&, const ImportOptions&) override { return {}; }
    ImportReport importTransactions(const std::filesystem::path&, const ImportOptions&) override {
        return {};
    }
    ImportReport importStores(const std::filesystem::path&, const ImportOptions&) override { return {}; }
    std::uint64_t exportMembers(std::ostream&, const ExportOptions&) override { return 0; }
    DemoReport loadDemo(const DemoSource&, const ProgressFn&) override { return {}; }
    std::int64_t processTotals(Timestamp) override { return 0; }
    void rebuildTotals(const Actor&, Timestamp) override {}
    loyalty::EngineReport processLoyalty(const TimeZone&, const Actor&, Timestamp,
                                         const ProgressFn&) override {
        return {};
    }
    loyalty::ReviewReport reviewTiers(const loyalty::Programme&, Date, bool, const Actor&,
                                      Timestamp) override {
        return {};
    }
    loyalty::RerateReport rerate(const loyalty::Programme&, std::int64_t, Date, Date, const TimeZone&,
                                 const Actor&, Timestamp, const ProgressFn&) override {
        return {};
    }
    loyalty::WhatIfReport whatIf(const loyalty::Programme&, const loyalty::Programme&, Date, Date, Date,
                                 const TimeZone&, const ProgressFn&) override {
        return {};
    }
};

const FixedClock kClock{Timestamp{}};
const app::RequestContext kCtx{Actor{"t"}, &kClock, TimeZone::utc()};

} // namespace

BOOST_AUTO_TEST_SUITE(prepare_database)

BOOST_AUTO_TEST_CASE(an_embedded_database_is_upgraded_as_it_opens) {
    SchemaOnlyStore s;
    s.status = {2, 3, false};
    BOOST_TEST(app::prepareDatabase(kCtx, s, app::UpgradePolicy::IfPrivate) == 3);
    BOOST_TEST(s.migrations == 1);
}

BOOST_AUTO_TEST_CASE(a_shared_database_is_not_upgraded_without_confirmation) {
    SchemaOnlyStore s;
    s.status = {2, 3, true};
    try {
        app::prepareDatabase(kCtx, s, app::UpgradePolicy::IfPrivate);
        BOOST_FAIL("a shared database was upgraded silently");
    } catch (const UserError& e) {
        BOOST_TEST(e.code() == "database.needs_upgrade");
        BOOST_TEST(e.param("current") == "2");
    }
    BOOST_TEST(s.migrations == 0);
    BOOST_TEST(app::prepareDatabase(kCtx, s, app::UpgradePolicy::Confirmed) == 3);
    BOOST_TEST(s.migrations == 1);
}

BOOST_AUTO_TEST_CASE(a_newer_database_is_refused_whatever_the_policy) {
    SchemaOnlyStore s;
    s.status = {4, 3, false};
    BOOST_CHECK_THROW(app::prepareDatabase(kCtx, s, app::UpgradePolicy::Confirmed), SchemaTooNew);
    BOOST_TEST(s.migrations == 0);
}

BOOST_AUTO_TEST_CASE(read_only_use_never_upgrades) {
    SchemaOnlyStore s;
    s.status = {0, 3, false};
    BOOST_CHECK_THROW(app::prepareDatabase(kCtx, s, app::UpgradePolicy::Never), UserError);
    BOOST_TEST(s.migrations == 0);
}

BOOST_AUTO_TEST_SUITE_END()
