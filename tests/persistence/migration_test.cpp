// Schema migrations: applied once, recorded, transactional, safe against concurrent runs, and a newer
// database is refused without being touched.
#include "domain/errors.h"
#include "persistence/database.h"
#include "persistence/migrations.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <thread>

using namespace md;
using namespace md::db;

namespace {

class ScopedMigrationsDir {
public:
    explicit ScopedMigrationsDir(const std::filesystem::path& dir) {
        if (const char* old = std::getenv("MEMBERDESK_MIGRATIONS_DIR")) m_old = old;
        setenv("MEMBERDESK_MIGRATIONS_DIR", dir.c_str(), 1);
    }
    ~ScopedMigrationsDir() {
        if (m_old)
            setenv("MEMBERDESK_MIGRATIONS_DIR", m_old->c_str(), 1);
        else
            unsetenv("MEMBERDESK_MIGRATIONS_DIR");
    }

private:
    std::optional<std::string> m_old;
};

// A copy of the real migrations plus extra scripts, for testing versions this tree does not have yet.
std::filesystem::path migrationsWith(const test::TestDatabase& t, const std::string& file,
                                     const std::string& sql) {
    const auto dir = t.dir() / "migrations";
    std::filesystem::create_directories(dir);
    for (const auto& m : listMigrations(MEMBERDESK_SOURCE_DIR "/resources/migrations"))
        std::filesystem::copy_file(m.file, dir / m.file.filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    std::ofstream(dir / file) << sql;
    return dir;
}

bool tableExists(Database& d, const std::string& name) {
    int n = 0;
    if (d.backend() == Backend::Sqlite)
        d.sql() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :n", soci::use(name),
            soci::into(n);
    else
        d.sql() << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                   "AND table_name = :n",
            soci::use(name), soci::into(n);
    return n > 0;
}

int countRows(Database& d, const std::string& table) {
    int n = 0;
    d.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(migrations)

BOOST_AUTO_TEST_CASE(migrate_creates_the_schema_and_records_each_version) {
    test::TestDatabase t;
    auto d = t.open(false);
    BOOST_TEST(d->schemaVersion() == 0);
    BOOST_TEST(d->migrate() == Database::supportedSchemaVersion());
    BOOST_TEST(d->schemaVersion() == Database::supportedSchemaVersion());
    for (auto table : {"stores", "members", "transactions", "audit_log"})
        BOOST_TEST(tableExists(*d, table));
    std::string name, at;
    d->sql() << "SELECT name, applied_at FROM schema_version WHERE version = 1", soci::into(name),
        soci::into(at);
    BOOST_TEST(name == "initial");
    BOOST_TEST(at.size() == 20u); // 2024-03-01T10:15:00Z
}

BOOST_AUTO_TEST_CASE(migrate_twice_applies_nothing_the_second_time) {
    test::TestDatabase t;
    auto d = t.open(false);
    const int v = d->migrate();
    BOOST_TEST(d->migrate() == v);
    auto again = t.open(false);
    BOOST_TEST(again->migrate() == v);
    BOOST_TEST(countRows(*d, "schema_version") ==
               static_cast<int>(listMigrations(migrationsDirectory()).size()));
}

BOOST_AUTO_TEST_CASE(a_newer_database_is_refused_with_schema_too_new_and_left_untouched) {
    test::TestDatabase t;
    auto d = t.open(false);
    d->sql() << "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                "applied_at TEXT NOT NULL)";
    d->sql() << "INSERT INTO schema_version VALUES (999, 'from_the_future', '2030-01-01T00:00:00Z')";
    try {
        d->migrate();
        BOOST_FAIL("a newer schema was migrated");
    } catch (const SchemaTooNew& e) {
        BOOST_TEST(e.found() == 999);
        BOOST_TEST(e.supported() == Database::supportedSchemaVersion());
    }
    BOOST_CHECK_THROW(d->requireCurrentSchema(), SchemaTooNew);
    BOOST_TEST(!tableExists(*d, "members"));
    BOOST_TEST(countRows(*d, "schema_version") == 1);
}

BOOST_AUTO_TEST_CASE(require_current_schema_refuses_an_uninitialised_database) {
    test::TestDatabase t;
    auto d = t.open(false);
    BOOST_CHECK_THROW(d->requireCurrentSchema(), DatabaseError);
    d->migrate();
    BOOST_CHECK_NO_THROW(d->requireCurrentSchema());
}

BOOST_AUTO_TEST_CASE(a_failing_migration_rolls_back_entirely_and_keeps_the_old_version) {
    test::TestDatabase t;
    const int base = Database::supportedSchemaVersion();
    ScopedMigrationsDir env(migrationsWith(t, "900_broken.sql",
                                           "CREATE TABLE half_done (id {{ID}});\n"
                                           "INSERT INTO half_done (id) VALUES (1);\n"
                                           "THIS IS NOT SQL;\n"));
    auto d = t.open(false);
    BOOST_CHECK_THROW(d->migrate(), DatabaseError);
    BOOST_TEST(d->schemaVersion() == base);
    BOOST_TEST(!tableExists(*d, "half_done"));
}

BOOST_AUTO_TEST_CASE(a_new_migration_file_is_applied_on_top_of_an_existing_schema) {
    test::TestDatabase t;
    auto d = t.open();
    ScopedMigrationsDir env(migrationsWith(t, "900_loyalty_points.sql",
                                           "-- @sqlite\nCREATE TABLE only_sqlite (id {{ID}});\n-- @end\n"
                                           "-- @postgresql\nCREATE TABLE only_pg (id {{ID}});\n-- @end\n"
                                           "CREATE TABLE points (id {{ID}}, code TEXT {{BINARY}});\n"));
    BOOST_TEST(Database::supportedSchemaVersion() == 900);
    BOOST_TEST(d->migrate() == 900);
    BOOST_TEST(tableExists(*d, "points"));
    BOOST_TEST(tableExists(*d, "only_sqlite") == !t.isPostgres());
    BOOST_TEST(tableExists(*d, "only_pg") == t.isPostgres());
}

BOOST_AUTO_TEST_CASE(two_connections_migrating_at_once_apply_each_version_once) {
    test::TestDatabase t;
    auto a = t.open(false);
    auto b = t.open(false);
    std::exception_ptr failure;
    std::thread other([&] {
        try {
            b->migrate();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    a->migrate();
    other.join();
    if (failure) std::rethrow_exception(failure);
    BOOST_TEST(countRows(*a, "schema_version") ==
               static_cast<int>(listMigrations(migrationsDirectory()).size()));
    BOOST_TEST(a->schemaVersion() == Database::supportedSchemaVersion());
}

BOOST_AUTO_TEST_CASE(render_keeps_only_this_backends_blocks_and_expands_placeholders) {
    const std::string script = "CREATE TABLE t (id {{ID}}, k TEXT {{BINARY}});\n-- @sqlite\nLITE;\n-- @end\n"
                               "-- @postgresql\nPG;\n-- @end\nBOTH;\n";
    const auto lite = renderMigration(script, Backend::Sqlite);
    const auto pg = renderMigration(script, Backend::Postgresql);
    BOOST_TEST(lite.find("INTEGER PRIMARY KEY") != std::string::npos);
    BOOST_TEST(lite.find("COLLATE BINARY") != std::string::npos);
    BOOST_TEST(lite.find("LITE;") != std::string::npos);
    BOOST_TEST(lite.find("PG;") == std::string::npos);
    BOOST_TEST(pg.find("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY") != std::string::npos);
    BOOST_TEST(pg.find("COLLATE \"C\"") != std::string::npos);
    BOOST_TEST(pg.find("LITE;") == std::string::npos);
    BOOST_TEST(pg.find("PG;") != std::string::npos);
    BOOST_TEST(pg.find("BOTH;") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
