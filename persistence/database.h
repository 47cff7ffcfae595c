#pragma once
// One connection to the MemberDesk database, SQLite (embedded, default) or PostgreSQL (shared), through
// one SOCI code path. A Database is used by one thread at a time: background workers open their own.
#include "domain/actor.h"
#include "persistence/sql_dialect.h"

#include <memory>
#include <string>
#include <string_view>

namespace soci {
class session;
}

namespace md::db {

enum class Backend { Sqlite, Postgresql };

struct DatabaseUrl {
    Backend backend = Backend::Sqlite;
    std::string path;     ///< SQLite file path (Backend::Sqlite)
    std::string conninfo; ///< libpq URL/conninfo (Backend::Postgresql)
    /// SQLite: open the file read-only (find, show, export), so a database in a read-only folder can
    /// still be read and nothing (not even a WAL file) is created. No effect on PostgreSQL.
    bool readOnly = false;

    /// "sqlite:PATH", a plain path, "postgresql://..." or "postgres://...", or a libpq keyword string
    /// ("host=... dbname=... user=..."). Throws std::invalid_argument with a message naming the
    /// accepted forms (never repeating a password).
    static DatabaseUrl parse(std::string_view text);
    /// $MEMBERDESK_DB if set, else sqlite:$XDG_DATA_HOME/memberdesk/memberdesk.db
    /// (XDG_DATA_HOME defaults to ~/.local/share).
    static DatabaseUrl fromEnvironmentOrDefault();
    /// For display and logs: the password is masked.
    std::string display() const;
};

class Database {
public:
    /// Connects (creating the SQLite file and its folder if needed). Throws DatabaseUnavailable with
    /// the driver's message as detail. Does not migrate: call migrate().
    explicit Database(const DatabaseUrl& url);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Applies the pending built-in migrations (SQL and C++ steps) in one transaction each; idempotent.
    /// Returns the schema version. Throws SchemaTooNew if the database is newer than this program.
    int migrate();
    /// Version recorded in schema_version, 0 for an empty database.
    int schemaVersion();
    /// Throws SchemaTooNew or DatabaseError("not initialised") unless the schema is exactly current.
    void requireCurrentSchema();
    static int supportedSchemaVersion();

    /// Caps the SQLite page cache of this connection (default 64 MB, sized for imports and the CLI);
    /// the desktop app's long-lived connections use less so the window stays within its memory budget.
    /// No effect on PostgreSQL, whose cache lives in the server.
    void setCacheBudget(int megabytes);
    /// The page cache budget in megabytes (SQLite; 0 on PostgreSQL).
    int cacheBudget();

    soci::session& sql();
    Backend backend() const { return m_url.backend; }
    /// The SQL differences of this backend.
    const SqlDialect& dialect() const { return SqlDialect::of(m_url.backend); }
    const DatabaseUrl& url() const { return m_url; }
    /// Who writes: the OS user on SQLite, the database user (current_user) on PostgreSQL.
    const Actor& actor() const { return m_actor; }

    /// Open WriteTransactions on this connection (0 = autocommit). The outermost one owns BEGIN and
    /// COMMIT; inner ones join it, so repositories and use cases compose into one unit of work.
    int transactionDepth() const { return m_txDepth; }

private:
    friend class WriteTransaction;
    int m_txDepth = 0;
    bool m_txDoomed = false; ///< a joined part was abandoned: the outer transaction must roll back
    DatabaseUrl m_url;
    std::unique_ptr<soci::session> m_sql;
    Actor m_actor;
};

/// A larger SQLite page cache for one bulk run over the ledger (the engine, a re-rate): at millions of
/// ledger rows its indexes outgrow the default cache and every chunk's inserts and member reads turn
/// into page reads. SQLite takes pages only as it touches them; the old budget comes back afterwards.
class BulkCacheBudget {
public:
    explicit BulkCacheBudget(Database& db, int megabytes = 1024) : m_db(db), m_previous(db.cacheBudget()) {
        if (m_previous > 0 && m_previous < megabytes) m_db.setCacheBudget(megabytes);
    }
    ~BulkCacheBudget() {
        try {
            if (m_previous > 0) m_db.setCacheBudget(m_previous);
        } catch (...) { // a destructor must not throw; the connection keeps the larger cache
        }
    }
    BulkCacheBudget(const BulkCacheBudget&) = delete;
    BulkCacheBudget& operator=(const BulkCacheBudget&) = delete;

private:
    Database& m_db;
    int m_previous;
};

} // namespace md::db
