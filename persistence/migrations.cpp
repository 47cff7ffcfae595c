#include "persistence/migrations.h"

#include "domain/errors.h"
#include "domain/time.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <sstream>

namespace md::db {

namespace {

// Any fixed number will do, as long as nothing else in the database uses it for an advisory lock.
constexpr long long kMigrationLockKey = 0x4D454D4244455348LL; // "MEMBDESH"

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

bool isBlank(const std::string& sql) {
    return sql.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::mutex g_overrideMutex;
std::optional<std::vector<Migration>> g_override;

bool schemaVersionTableExists(Database& db) {
    int n = 0;
    const std::string table = "schema_version";
    db.sql() << db.dialect().tableExistsQuery(), soci::use(table, "name"), soci::into(n);
    return n > 0;
}

int readVersion(Database& db) {
    if (!schemaVersionTableExists(db)) return 0;
    int v = 0;
    soci::indicator ind = soci::i_ok;
    db.sql() << "SELECT MAX(version) FROM schema_version", soci::into(v, ind);
    return ind == soci::i_ok ? v : 0;
}

// Takes the write lock before reading the version, so of two processes migrating at once the second
// waits and then sees the first one's work instead of applying the same script again. SQLite's
// BEGIN IMMEDIATE (in WriteTransaction) is that lock; PostgreSQL needs an explicit one, because two
// transactions can both find schema_version missing or stale under READ COMMITTED.
void applyOne(Database& db, const Migration& m, int supported) {
    WriteTransaction tx(db);
    db.dialect().advisoryLock(db, kMigrationLockKey, false);
    executeScript(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                      "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    const int current = readVersion(db);
    if (current > supported) throw SchemaTooNew(current, supported);
    if (current < m.version) {
        const auto [before, after] = splitAtStep(renderMigration(m.sql, db.backend()));
        if (!isBlank(before)) executeScript(db, before);
        if (m.step) m.step(db);
        if (!isBlank(after)) executeScript(db, after);
        const std::string at = formatTimestamp(nowUtc());
        db.sql() << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(m.version), soci::use(m.name), soci::use(at);
    }
    tx.commit();
}

} // namespace

std::vector<Migration> assembleMigrations(const std::vector<EmbeddedScript>& scripts,
                                          const std::map<int, MigrationStep>& steps) {
    std::vector<Migration> out;
    for (const auto& s : scripts)
        out.push_back({s.version, s.name, s.file, std::string(s.sql), {}});
    if (out.empty())
        throw DatabaseError("This program has no database migrations", "the build embedded none");
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].version == out[i - 1].version)
            throw DatabaseError("Two database migrations share the number " + std::to_string(out[i].version),
                                out[i - 1].file + " and " + out[i].file);
    for (const auto& [version, step] : steps) {
        auto it = std::find_if(out.begin(), out.end(), [v = version](auto& m) { return m.version == v; });
        if (it == out.end())
            throw DatabaseError("The database migration step " + std::to_string(version) + " has no script",
                                "every version needs an NNN_name.sql, even if its work is all in C++");
        it->step = step;
    }
    return out;
}

std::vector<Migration> builtInMigrations() {
    return assembleMigrations(embeddedScripts(), migrationSteps());
}

std::vector<Migration> activeMigrations() {
    {
        std::lock_guard lock(g_overrideMutex);
        if (g_override) return *g_override;
    }
    return builtInMigrations();
}

ScopedMigrationSet::ScopedMigrationSet(std::vector<Migration> migrations) {
    std::sort(migrations.begin(), migrations.end(), [](auto& a, auto& b) { return a.version < b.version; });
    std::lock_guard lock(g_overrideMutex);
    g_override = std::move(migrations);
}

ScopedMigrationSet::~ScopedMigrationSet() {
    std::lock_guard lock(g_overrideMutex);
    g_override.reset();
}

std::pair<std::string, std::string> splitAtStep(const std::string& rendered) {
    std::istringstream in(rendered);
    std::string line, before, after;
    bool past = false;
    while (std::getline(in, line)) {
        std::string trimmed = line;
        while (!trimmed.empty() && (trimmed.back() == '\r' || trimmed.back() == ' '))
            trimmed.pop_back();
        if (!past && trimmed == "-- @step") {
            past = true;
            continue;
        }
        (past ? after : before) += line + "\n";
    }
    return {before, after};
}

std::string renderMigration(const std::string& script, Backend backend) {
    std::istringstream in(script);
    std::string line, out;
    enum { Both, Mine, Other } block = Both;
    while (std::getline(in, line)) {
        std::string trimmed = line;
        while (!trimmed.empty() && (trimmed.back() == '\r' || trimmed.back() == ' '))
            trimmed.pop_back();
        if (trimmed == "-- @sqlite" || trimmed == "-- @postgresql") {
            const bool mine = (trimmed == "-- @sqlite") == (backend == Backend::Sqlite);
            block = mine ? Mine : Other;
            continue;
        }
        if (trimmed == "-- @end") {
            block = Both;
            continue;
        }
        if (block != Other) out += line + "\n";
    }
    const SqlDialect& dialect = SqlDialect::of(backend);
    replaceAll(out, "{{ID}}", dialect.identityPrimaryKey());
    replaceAll(out, "{{BINARY}}", dialect.binaryCollation());
    return out;
}

int Database::supportedSchemaVersion() {
    return activeMigrations().back().version;
}

int Database::schemaVersion() {
    return withSqlErrors(*this, "Could not read the schema version of " + m_url.display(),
                         [&] { return readVersion(*this); });
}

void Database::requireCurrentSchema() {
    const int supported = supportedSchemaVersion();
    const int current = schemaVersion();
    if (current > supported) throw SchemaTooNew(current, supported);
    if (current == 0)
        throw DatabaseError("The database " + m_url.display() + " is not initialised",
                            "run `memberdesk-cli --db URL init` (or open it in MemberDesk) first");
    if (current < supported)
        throw DatabaseError("The database " + m_url.display() + " needs upgrading",
                            "schema version " + std::to_string(current) + ", this program needs " +
                                std::to_string(supported) +
                                "; run `memberdesk-cli --db URL init` to upgrade it");
}

int Database::migrate() {
    const auto migrations = activeMigrations();
    const int supported = migrations.back().version;
    // Refuse a newer database before touching anything, not even CREATE TABLE schema_version.
    const int found = schemaVersion();
    if (found > supported) throw SchemaTooNew(found, supported);
    for (const auto& m : migrations) {
        if (m.version <= found) continue;
        withSqlErrors(*this,
                      "Could not upgrade the database to schema version " + std::to_string(m.version) + " (" +
                          m.file + ")",
                      [&] { applyOne(*this, m, supported); });
    }
    return schemaVersion();
}

} // namespace md::db
