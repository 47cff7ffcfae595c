#include "tests/support/test_database.h"

#include <soci/soci.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <unistd.h>

namespace md::test {

std::string testBackendName() {
    const char* b = std::getenv("MEMBERDESK_TEST_BACKEND");
    return (b && *b) ? b : "sqlite";
}

namespace {
std::filesystem::path makeTempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    auto p = std::filesystem::temp_directory_path() /
             ("memberdesk-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
              std::to_string(rd() % 100000));
    std::filesystem::create_directories(p);
    return p;
}

// Replaces the database name (the last path segment) of a postgresql:// URL.
std::string withDatabase(const std::string& url, const std::string& name) {
    auto q = url.find('?');
    std::string base = url.substr(0, q), query = q == std::string::npos ? "" : url.substr(q);
    auto slash = base.find('/', base.find("//") + 2);
    if (slash != std::string::npos) base.resize(slash);
    return base + "/" + name + query;
}
} // namespace

TestDatabase::TestDatabase() : m_dir(makeTempDir()) {
    const std::string backend = testBackendName();
    if (backend == "sqlite") {
        m_url = db::DatabaseUrl::parse("sqlite:" + (m_dir / "test.db").string());
        return;
    }
    if (backend != "postgresql")
        throw std::runtime_error("MEMBERDESK_TEST_BACKEND must be sqlite or postgresql");
    const char* adminUrl = std::getenv("MEMBERDESK_TEST_PG");
    if (!adminUrl || !*adminUrl)
        throw std::runtime_error(
            "MEMBERDESK_TEST_PG is not set: run the tests through ./test.sh, which starts "
            "a throwaway PostgreSQL server");
    m_pgAdmin = adminUrl;
    m_pgName = "md_test_" + std::to_string(getpid()) + "_" + m_dir.filename().string().substr(16);
    for (char& c : m_pgName)
        if (c == '-') c = '_';
    // Through Database, not a bare soci::session: SOCI mis-parses a bare postgresql:// URL.
    db::Database admin(db::DatabaseUrl::parse(m_pgAdmin));
    admin.sql() << "CREATE DATABASE " + m_pgName;
    m_url = db::DatabaseUrl::parse(withDatabase(m_pgAdmin, m_pgName));
}

TestDatabase::~TestDatabase() {
    try {
        if (!m_pgName.empty()) {
            db::Database admin(db::DatabaseUrl::parse(m_pgAdmin));
            admin.sql() << "DROP DATABASE IF EXISTS " + m_pgName + " WITH (FORCE)";
        }
    } catch (...) {
        // A leftover database in a throwaway cluster is harmless; never throw from a destructor.
    }
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
}

std::string TestDatabase::urlText() const {
    return m_url.backend == db::Backend::Sqlite ? "sqlite:" + m_url.path : m_url.conninfo;
}

std::unique_ptr<db::Database> TestDatabase::open(bool migrate) const {
    auto d = std::make_unique<db::Database>(m_url);
    if (migrate) d->migrate();
    return d;
}

} // namespace md::test
