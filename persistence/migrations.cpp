#include "persistence/migrations.h"

#include "domain/errors.h"
#include "domain/time.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace md::db {

namespace {

// Any fixed number will do, as long as nothing else in the database uses it for an advisory lock.
constexpr long long kMigrationLockKey = 0x4D454D4244455348LL; // "MEMBDESH"

void replaceAll(std::string& s, const std::string& from, const std::string& to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw DatabaseError("Could not read the migration " + file.string(), "the file cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

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
        executeScript(db, renderMigration(readFile(m.file), db.backend()));
        const std::string at = formatTimestamp(nowUtc());
        db.sql() << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)",
            soci::use(m.version), soci::use(m.name), soci::use(at);
    }
    tx.commit();
}

} // namespace

std::filesystem::path migrationsDirectory() {
    if (const char* env = std::getenv("MEMBERDESK_MIGRATIONS_DIR"); env && *env) return env;
    return MEMBERDESK_MIGRATIONS_DIR;
}

std::vector<Migration> listMigrations(const std::filesystem::path& dir) {
    static const std::regex pattern(R"(([0-9]+)_([A-Za-z0-9_\-]+)\.sql)");
    std::vector<Migration> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::smatch match;
        const std::string fileName = entry.path().filename().string();
        if (!entry.is_regular_file() || !std::regex_match(fileName, match, pattern)) continue;
        out.push_back({std::stoi(match[1].str()), match[2].str(), entry.path()});
    }
    if (ec || out.empty())
        throw DatabaseError("The database migrations were not found in " + dir.string(),
                            ec ? ec.message() : "no NNN_name.sql files; set MEMBERDESK_MIGRATIONS_DIR");
    std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].version == out[i - 1].version)
            throw DatabaseError("Two database migrations share the number " + std::to_string(out[i].version),
                                out[i - 1].file.string() + " and " + out[i].file.string());
    return out;
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
    return listMigrations(migrationsDirectory()).back().version;
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
    const auto migrations = listMigrations(migrationsDirectory());
    const int supported = migrations.back().version;
    // Refuse a newer database before touching anything, not even CREATE TABLE schema_version.
    const int found = schemaVersion();
    if (found > supported) throw SchemaTooNew(found, supported);
    for (const auto& m : migrations) {
        if (m.version <= found) continue;
        withSqlErrors(*this,
                      "Could not upgrade the database to schema version " + std::to_string(m.version) + " (" +
                          m.file.filename().string() + ")",
                      [&] { applyOne(*this, m, supported); });
    }
    return schemaVersion();
}

} // namespace md::db
