#pragma once
// Internal: the schema migrations built into this program, and how they are rendered and run.
// The SQL scripts of resources/migrations are compiled in (cmake/EmbedMigrations.cmake generates
// embeddedScripts()); a version may add a C++ step for what SQL cannot do (ICU sort keys), registered
// in migrations_steps.cpp. Nothing here reads the filesystem: an installed program needs no source tree.
#include "persistence/database.h"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace md::db {

/// One NNN_name.sql as compiled in.
struct EmbeddedScript {
    int version = 0;
    const char* name = "";
    const char* file = "";
    std::string_view sql;
};
/// Every embedded script, ordered by version (generated at build time).
const std::vector<EmbeddedScript>& embeddedScripts();

/// The C++ part of a migration. It runs inside the migration's transaction, where the script has a line
/// "-- @step" (what follows runs after it, e.g. indexes built once a backfill is done), or after the
/// script. If it throws, the whole version rolls back with the SQL.
using MigrationStep = std::function<void(Database&)>;
/// version -> step, for the versions that have one.
const std::map<int, MigrationStep>& migrationSteps();

struct Migration {
    int version = 0;
    std::string name; ///< "initial"
    std::string file; ///< "001_initial.sql", for messages
    std::string sql;  ///< as written; renderMigration() before running
    MigrationStep step;
};

/// Scripts joined with their steps by version, ordered. Throws DatabaseError on two scripts with one
/// number, a step without a script, or no scripts at all.
std::vector<Migration> assembleMigrations(const std::vector<EmbeddedScript>& scripts,
                                          const std::map<int, MigrationStep>& steps);
/// assembleMigrations(embeddedScripts(), migrationSteps()).
std::vector<Migration> builtInMigrations();
/// What migrate() applies and supportedSchemaVersion() reports: builtInMigrations() unless a
/// ScopedMigrationSet is alive.
std::vector<Migration> activeMigrations();

/// Tests only: replaces the built-in migrations process-wide while it lives (e.g. the real ones plus a
/// version 900 this tree does not have yet).
class ScopedMigrationSet {
public:
    explicit ScopedMigrationSet(std::vector<Migration> migrations);
    ~ScopedMigrationSet();
    ScopedMigrationSet(const ScopedMigrationSet&) = delete;
    ScopedMigrationSet& operator=(const ScopedMigrationSet&) = delete;
};

/// Expands {{ID}} / {{BINARY}} and keeps only this backend's "-- @sqlite"/"-- @postgresql" blocks.
std::string renderMigration(const std::string& script, Backend backend);
/// A rendered script cut at its "-- @step" line: {before the C++ step, after it}; after is empty when
/// there is no such line.
std::pair<std::string, std::string> splitAtStep(const std::string& rendered);

} // namespace md::db
