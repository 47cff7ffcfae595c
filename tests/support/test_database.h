#pragma once
// A fresh database per test on the backend chosen by MEMBERDESK_TEST_BACKEND (sqlite | postgresql).
// SQLite: a file in a new temporary folder. PostgreSQL: a new database on the server named by
// MEMBERDESK_TEST_PG (./test.sh starts one); a missing server is a test failure, never a skip.
#include "persistence/database.h"

#include <filesystem>
#include <memory>
#include <string>

namespace md::test {

class TestDatabase {
public:
    TestDatabase();  ///< creates the empty database (not migrated)
    ~TestDatabase(); ///< drops it
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const db::DatabaseUrl& url() const { return m_url; }
    /// The --db argument for memberdesk-cli: "sqlite:/tmp/.../test.db" or "postgresql://...".
    std::string urlText() const;
    /// A new connection; migrated unless migrate == false.
    std::unique_ptr<db::Database> open(bool migrate = true) const;
    /// A scratch folder that lives as long as this object (for CSV files, rejects, exports).
    const std::filesystem::path& dir() const { return m_dir; }
    bool isPostgres() const { return m_url.backend == db::Backend::Postgresql; }

private:
    db::DatabaseUrl m_url;
    std::filesystem::path m_dir;
    std::string m_pgName;
    std::string m_pgAdmin;
};

/// "sqlite" or "postgresql" (default sqlite), for test names and messages.
std::string testBackendName();

} // namespace md::test
