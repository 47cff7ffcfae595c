#pragma once
// Internal: reading, rendering and running the SQL migration scripts in resources/migrations.
#include "persistence/database.h"

#include <filesystem>
#include <string>
#include <vector>

namespace md::db {

struct Migration {
    int version = 0;  ///< NNN of NNN_name.sql
    std::string name; ///< "initial"
    std::filesystem::path file;
};

/// $MEMBERDESK_MIGRATIONS_DIR if set (installed builds, tests), else the source tree's folder.
std::filesystem::path migrationsDirectory();
/// All NNN_name.sql files, ordered by version. Throws DatabaseError on duplicate numbers.
std::vector<Migration> listMigrations(const std::filesystem::path& dir);
/// Expands {{ID}} / {{BINARY}} and keeps only this backend's "-- @sqlite"/"-- @postgresql" blocks.
std::string renderMigration(const std::string& script, Backend backend);

} // namespace md::db
