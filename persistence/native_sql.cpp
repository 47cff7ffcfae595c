#include "persistence/native_sql.h"

#include "domain/errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace md::db {

void executeScript(Database& db, const std::string& script) {
    auto* backend = db.sql().get_backend();
    // The backends export no RTTI (dynamic_cast does not link); the Backend tag tells us which it is.
    if (db.backend() == Backend::Sqlite) {
        auto* conn = static_cast<soci::sqlite3_session_backend*>(backend)->conn_;
        char* error = nullptr;
        if (sqlite_api::sqlite3_exec(conn, script.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : sqlite_api::sqlite3_errmsg(conn);
            sqlite_api::sqlite3_free(error);
            throw soci::soci_error(message);
        }
        return;
    }
    PGconn* conn = static_cast<soci::postgresql_session_backend*>(backend)->conn_;
    PGresult* result = PQexec(conn, script.c_str());
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw soci::soci_error(message);
}

WriteTransaction::WriteTransaction(Database& db) : m_db(db), m_outer(db.m_txDepth == 0) {
    if (m_outer) {
        executeScript(m_db, m_db.dialect().beginWrite());
        m_db.m_txDoomed = false;
    }
    ++m_db.m_txDepth;
}

WriteTransaction::~WriteTransaction() {
    if (!m_open) return;
    --m_db.m_txDepth;
    if (!m_outer) {
        m_db.m_txDoomed = true;
        return;
    }
    try {
        executeScript(m_db, "ROLLBACK");
    } catch (...) {
        // Rolling back after a lost connection fails; the server has rolled back already.
    }
}

void WriteTransaction::commit() {
    if (!m_open) throw std::logic_error("WriteTransaction committed twice");
    if (m_outer && m_db.m_txDoomed) {
        // A joined part gave up (its exception was caught above it): committing would keep half a change.
        throw DatabaseError("The change was not saved because part of it failed; nothing was changed",
                            "an inner unit of work was abandoned without commit");
    }
    if (m_outer) executeScript(m_db, "COMMIT");
    --m_db.m_txDepth;
    m_open = false;
}

} // namespace md::db
