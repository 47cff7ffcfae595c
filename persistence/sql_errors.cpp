#include "persistence/sql_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <string_view>

namespace md::db {

namespace {

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// libpq knows for certain whether the socket is still usable; the message is only a hint.
bool postgresConnectionLost(Database& db) {
    auto* backend = db.sql().get_backend();
    if (!backend || db.sql().get_backend_name() != "postgresql") return false;
    // SOCI's PostgreSQL backend exports no RTTI, so dynamic_cast would not link; the name check above
    // makes the static_cast safe.
    PGconn* conn = static_cast<soci::postgresql_session_backend*>(backend)->conn_;
    return conn == nullptr || PQstatus(conn) != CONNECTION_OK;
}

int sqliteErrorCode(Database& db) {
    auto* backend = db.sql().get_backend();
    if (!backend || db.sql().get_backend_name() != "sqlite3") return 0;
    auto* conn = static_cast<soci::sqlite3_session_backend*>(backend)->conn_;
    return conn ? sqlite_api::sqlite3_errcode(conn) : 0;
}

} // namespace

std::string sqlFreeMessage(const soci::soci_error& e) {
    std::string m = e.get_error_message();
    // Some backend messages name the statement themselves.
    for (std::string_view marker : {" while executing \"", " while preparing \""})
        if (const auto at = m.find(marker); at != std::string::npos) m.erase(at);
    return m;
}

bool looksLikeConnectionLoss(const std::string& message) {
    static constexpr std::array<std::string_view, 8> markers = {
        "server closed the connection", "could not connect",      "no connection to the server",
        "connection to server",         "terminating connection", "SSL SYSCALL error",
        "Connection refused",           "connection not open"};
    for (auto m : markers)
        if (contains(message, m)) return true;
    return false;
}

void throwDatabaseFailure(Database& db, const std::string& headline, const std::string& detail,
                          bool connectionCategory) {
    if (db.backend() == Backend::Postgresql &&
        (connectionCategory || postgresConnectionLost(db) || looksLikeConnectionLoss(detail)))
        throw DatabaseUnavailable("The connection to the database " + db.url().display() +
                                      " was lost. Check the server and the network, then try again.",
                                  headline + ": " + detail);
    if (db.backend() == Backend::Sqlite) {
        const int code = sqliteErrorCode(db);
        if (code == SQLITE_FULL || contains(detail, "database or disk is full"))
            throw DatabaseError("The disk is full. Free some space on the disk holding " + db.url().path +
                                    ", then try again.",
                                headline + ": " + detail);
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED || contains(detail, "database is locked"))
            throw DatabaseError(
                "The database is busy: another program is writing to it. Try again in a moment.",
                headline + ": " + detail);
        if (code == SQLITE_READONLY || contains(detail, "readonly database"))
            throw DatabaseError("The database file " + db.url().path + " is read-only.",
                                headline + ": " + detail);
    }
    throw DatabaseError(headline, detail);
}

} // namespace md::db
