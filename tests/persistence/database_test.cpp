// Connecting: URL forms, masked passwords, the default location, connection failures and the session
// settings each backend needs.
#include "domain/errors.h"
#include "persistence/database.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <cstdlib>
#include <fstream>
#include <optional>

using namespace md;
using namespace md::db;

namespace {

// Sets or unsets an environment variable for one test and restores it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

BOOST_AUTO_TEST_SUITE(database)

BOOST_AUTO_TEST_CASE(url_parse_accepts_sqlite_prefix_plain_path_and_postgres_urls) {
    auto a = DatabaseUrl::parse("sqlite:/tmp/x/members.db");
    BOOST_TEST((a.backend == Backend::Sqlite));
    BOOST_TEST(a.path == "/tmp/x/members.db");
    auto b = DatabaseUrl::parse("  ./data/members.db ");
    BOOST_TEST((b.backend == Backend::Sqlite));
    BOOST_TEST(b.path == "./data/members.db");
    auto c = DatabaseUrl::parse("postgresql://crm@db.example.cn:5432/memberdesk?sslmode=require");
    BOOST_TEST((c.backend == Backend::Postgresql));
    BOOST_TEST(c.conninfo == "postgresql://crm@db.example.cn:5432/memberdesk?sslmode=require");
    BOOST_TEST((DatabaseUrl::parse("postgres://h/d").backend == Backend::Postgresql));
}

BOOST_AUTO_TEST_CASE(url_parse_rejects_empty_and_unknown_schemes_naming_the_accepted_forms) {
    BOOST_CHECK_THROW(DatabaseUrl::parse(""), std::invalid_argument);
    BOOST_CHECK_THROW(DatabaseUrl::parse("sqlite:"), std::invalid_argument);
    try {
        DatabaseUrl::parse("mysql://root@localhost/crm");
        BOOST_FAIL("mysql:// was accepted");
    } catch (const std::invalid_argument& e) {
        BOOST_TEST(std::string(e.what()).find("postgresql://") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(display_masks_the_password_in_userinfo_and_parameters) {
    auto u = DatabaseUrl::parse("postgresql://crm:s3cr3t@db:5432/md?password=other&sslmode=require");
    const std::string shown = u.display();
    BOOST_TEST(shown.find("s3cr3t") == std::string::npos);
    BOOST_TEST(shown.find("other") == std::string::npos);
    BOOST_TEST(shown == "postgresql://crm:***@db:5432/md?password=***&sslmode=require");
    BOOST_TEST(DatabaseUrl::parse("postgresql://crm@db/md").display() == "postgresql://crm@db/md");
    BOOST_TEST(DatabaseUrl::parse("/tmp/a.db").display() == "sqlite:/tmp/a.db");
}

BOOST_AUTO_TEST_CASE(default_location_follows_memberdesk_db_then_xdg_data_home) {
    {
        ScopedEnv db("MEMBERDESK_DB", "postgresql://u@h/d");
        BOOST_TEST((DatabaseUrl::fromEnvironmentOrDefault().backend == Backend::Postgresql));
    }
    ScopedEnv db("MEMBERDESK_DB", nullptr);
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/srv/data");
        BOOST_TEST(DatabaseUrl::fromEnvironmentOrDefault().path == "/srv/data/memberdesk/memberdesk.db");
    }
    ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    ScopedEnv home("HOME", "/home/li");
    BOOST_TEST(DatabaseUrl::fromEnvironmentOrDefault().path ==
               "/home/li/.local/share/memberdesk/memberdesk.db");
}

BOOST_AUTO_TEST_CASE(opening_a_sqlite_file_creates_its_folder) {
    test::TestDatabase t;
    const auto file = t.dir() / "nested" / "deeper" / "m.db";
    Database d(DatabaseUrl::parse("sqlite:" + file.string()));
    BOOST_TEST(std::filesystem::exists(file.parent_path()));
}

BOOST_AUTO_TEST_CASE(an_unreachable_database_throws_unavailable_naming_it_without_password) {
    test::TestDatabase t;
    // SQLite: the "folder" is a regular file, so nothing can be created under it.
    const auto blocker = t.dir() / "not-a-folder";
    { std::ofstream(blocker) << "x"; }
    const std::string text = t.isPostgres() ? "postgresql://u:pw@127.0.0.1:1/none?connect_timeout=2"
                                            : "sqlite:" + (blocker / "m.db").string();
    try {
        Database d(DatabaseUrl::parse(text));
        BOOST_FAIL("opened an unreachable database");
    } catch (const DatabaseUnavailable& e) {
        const std::string headline = e.what();
        BOOST_TEST(headline.find("Could not open the database") == 0);
        BOOST_TEST(headline.find(":pw@") == std::string::npos);
        BOOST_TEST(!e.detail().empty());
    }
}

BOOST_AUTO_TEST_CASE(actor_is_os_user_on_sqlite_and_database_user_on_postgres) {
    test::TestDatabase t;
    auto d = t.open(false);
    if (t.isPostgres())
        BOOST_TEST(d->actor().name == "postgres");
    else
        BOOST_TEST(d->actor().name == currentOsUser().name);
}

BOOST_AUTO_TEST_CASE(sqlite_sessions_use_wal_and_enforce_foreign_keys) {
    test::TestDatabase t;
    auto d = t.open();
    if (t.isPostgres()) {
        // Foreign keys are always on in PostgreSQL; nothing to configure, but check it holds.
        BOOST_CHECK_THROW(
            d->sql() << "INSERT INTO members (card_no, name, name_key, join_date, home_store, "
                        "created_at, updated_at) VALUES ('A1', 'x', 'x', '2024-01-01', 'NOPE', '', '')",
            soci::soci_error);
        return;
    }
    std::string mode;
    int fk = 0;
    d->sql() << "PRAGMA journal_mode", soci::into(mode);
    d->sql() << "PRAGMA foreign_keys", soci::into(fk);
    BOOST_TEST(mode == "wal");
    BOOST_TEST(fk == 1);
    BOOST_CHECK_THROW(
        d->sql() << "INSERT INTO members (card_no, name, name_key, join_date, home_store, "
                    "created_at, updated_at) VALUES ('A1', 'x', 'x', '2024-01-01', 'NOPE', '', '')",
        soci::soci_error);
}

BOOST_AUTO_TEST_CASE(a_connection_lost_mid_session_is_reported_as_unavailable) {
    test::TestDatabase t;
    auto d = t.open();
    SociMemberRepository repo(*d);
    if (t.isPostgres()) {
        long long pid = 0;
        d->sql() << "SELECT pg_backend_pid()", soci::into(pid);
        auto other = t.open(false);
        other->sql() << "SELECT pg_terminate_backend(:pid)", soci::use(pid);
        BOOST_CHECK_THROW(repo.findById(1), DatabaseUnavailable);
    } else {
        // An embedded database cannot go away; a failing statement stays an ordinary DatabaseError.
        BOOST_CHECK_THROW(repo.totals(12345), NotFound);
    }
}

BOOST_AUTO_TEST_CASE(a_full_disk_on_sqlite_is_reported_with_its_own_headline) {
    test::TestDatabase t;
    if (t.isPostgres()) return; // the server reports its own disk; nothing client-side to classify
    auto d = t.open();
    test::addStores(*d);
    long long pages = 0;
    d->sql() << "PRAGMA page_count", soci::into(pages);
    // The same SQLITE_FULL a full disk gives, without filling one.
    d->sql() << "PRAGMA max_page_count = " + std::to_string(pages + 2);
    SociMemberRepository repo(*d);
    try {
        for (int i = 0; i < 100; ++i) {
            Member m = test::sampleMember("FULL" + std::to_string(1000 + i), std::string(20000, 'x'));
            repo.insert(m, d->actor());
        }
        BOOST_FAIL("the database never filled up");
    } catch (const DatabaseError& e) {
        BOOST_TEST(std::string(e.what()).find("The disk is full") == 0);
        BOOST_TEST(e.detail().find("full") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
