// Schema migrations: applied once, recorded, transactional, safe against concurrent runs, and a newer
// database is refused without being touched.
#include "domain/errors.h"
#include "persistence/database.h"
#include "persistence/migrations.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace md;
using namespace md::db;

namespace {

// The real migrations plus one more, for testing versions this tree does not have yet.
std::vector<Migration> builtInPlus(Migration extra) {
    auto all = builtInMigrations();
    all.push_back(std::move(extra));
    return all;
}

Migration extraMigration(int version, std::string sql, MigrationStep step = {}) {
    return {version, "extra", std::to_string(version) + "_extra.sql", std::move(sql), std::move(step)};
}

std::string readSource(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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
    BOOST_TEST(countRows(*d, "schema_version") == static_cast<int>(builtInMigrations().size()));
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
    ScopedMigrationSet set(builtInPlus(extraMigration(900, "CREATE TABLE half_done (id {{ID}});\n"
                                                           "INSERT INTO half_done (id) VALUES (1);\n"
                                                           "THIS IS NOT SQL;\n")));
    auto d = t.open(false);
    BOOST_CHECK_THROW(d->migrate(), DatabaseError);
    BOOST_TEST(d->schemaVersion() == base);
    BOOST_TEST(!tableExists(*d, "half_done"));
}

BOOST_AUTO_TEST_CASE(a_new_migration_is_applied_on_top_of_an_existing_schema) {
    test::TestDatabase t;
    auto d = t.open();
    ScopedMigrationSet set(
        builtInPlus(extraMigration(900, "-- @sqlite\nCREATE TABLE only_sqlite (id {{ID}});\n-- @end\n"
                                        "-- @postgresql\nCREATE TABLE only_pg (id {{ID}});\n-- @end\n"
                                        "CREATE TABLE points (id {{ID}}, code TEXT {{BINARY}});\n")));
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
    BOOST_TEST(countRows(*a, "schema_version") == static_cast<int>(builtInMigrations().size()));
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

BOOST_AUTO_TEST_CASE(the_embedded_scripts_are_the_source_trees_files_byte_for_byte) {
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(MEMBERDESK_SOURCE_DIR "/resources/migrations"))
        files += entry.path().extension() == ".sql";
    BOOST_TEST(embeddedScripts().size() == files);
    for (const auto& s : embeddedScripts())
        BOOST_TEST((s.sql == readSource(std::filesystem::path(MEMBERDESK_SOURCE_DIR "/resources/migrations") /
                                        s.file)),
                   s.file);
    BOOST_TEST(builtInMigrations().front().name == "initial");
}

BOOST_AUTO_TEST_CASE(a_cpp_step_runs_at_its_marker_inside_the_migrations_transaction) {
    test::TestDatabase t;
    auto d = t.open();
    std::vector<int> seenByStep;
    ScopedMigrationSet set(builtInPlus(extraMigration(
        900, "CREATE TABLE steps (n INTEGER);\n-- @step\nINSERT INTO steps (n) SELECT n + 1 FROM steps;\n",
        [&](Database& db) {
            BOOST_TEST(db.transactionDepth() == 1);
            seenByStep.push_back(countRows(db, "steps"));
            db.sql() << "INSERT INTO steps (n) VALUES (41)";
        })));
    BOOST_TEST(d->migrate() == 900);
    BOOST_TEST(seenByStep == std::vector<int>{0}); // the table existed, the part after the marker had not run
    int max = 0;
    d->sql() << "SELECT MAX(n) FROM steps", soci::into(max);
    BOOST_TEST(max == 42);
}

BOOST_AUTO_TEST_CASE(a_failing_cpp_step_rolls_back_its_migrations_sql_too) {
    test::TestDatabase t;
    auto d = t.open();
    const int base = d->schemaVersion();
    ScopedMigrationSet set(
        builtInPlus(extraMigration(900, "CREATE TABLE before_step (id {{ID}});\n",
                                   [](Database&) { throw std::runtime_error("backfill failed"); })));
    BOOST_CHECK_THROW(d->migrate(), std::exception);
    BOOST_TEST(d->schemaVersion() == base);
    BOOST_TEST(!tableExists(*d, "before_step"));
}

BOOST_AUTO_TEST_CASE(a_step_without_a_script_is_refused) {
    std::vector<EmbeddedScript> scripts{{1, "initial", "001_initial.sql", "SELECT 1;"}};
    std::map<int, MigrationStep> steps{{2, [](Database&) {}}};
    BOOST_CHECK_THROW(assembleMigrations(scripts, steps), DatabaseError);
    scripts.push_back({1, "again", "001_again.sql", "SELECT 1;"});
    BOOST_CHECK_THROW(assembleMigrations(scripts, {}), DatabaseError);
}

BOOST_AUTO_TEST_CASE(split_at_step_cuts_at_the_marker_line_only) {
    const auto [before, after] = splitAtStep("A;\n-- @step\nB;\n-- @step\n");
    BOOST_TEST(before == "A;\n");
    BOOST_TEST(after == "B;\n-- @step\n");
    BOOST_TEST(splitAtStep("A;\n").second.empty());
}

BOOST_AUTO_TEST_SUITE_END()
