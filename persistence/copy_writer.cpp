#include "persistence/copy_writer.h"

#include "domain/errors.h"
#include "persistence/sql_errors.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <libpq-fe.h>

#include <algorithm>
#include <memory>

namespace md::db {

namespace {

PGconn* connectionOf(soci::session& sql) {
    // dynamic_cast does not link against SOCI's backend (no exported RTTI): check the name instead.
    if (sql.get_backend_name() != "postgresql")
        throw std::logic_error("COPY needs a PostgreSQL connection, not " + sql.get_backend_name());
    return static_cast<soci::postgresql_session_backend*>(sql.get_backend())->conn_;
}

std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

} // namespace

void appendCopyText(std::string& buf, std::string_view v) {
    // Fast path: most values contain nothing to escape.
    std::size_t start = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const char c = v[i];
        const char* esc = nullptr;
        switch (c) {
        case '\\':
            esc = "\\\\";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        default:
            continue;
        }
        buf.append(v.data() + start, i - start);
        buf += esc;
        start = i + 1;
    }
    buf.append(v.data() + start, v.size() - start);
}

void copyIn(Database& db, const std::string& copySql, std::string_view data) {
    PGconn* conn = connectionOf(db.sql());
    const auto fail = [&](const std::string& detail) {
        throwDatabaseFailure(db, "Writing to the database failed", detail, PQstatus(conn) == CONNECTION_BAD);
    };
    ResultPtr begin(PQexec(conn, copySql.c_str()), &PQclear);
    if (PQresultStatus(begin.get()) != PGRES_COPY_IN)
        fail(trimmed(PQerrorMessage(conn)) + " [" + copySql + "]");

    // libpq takes at most INT_MAX bytes per call; send in large chunks.
    constexpr std::size_t chunk = 1 << 20;
    bool sent = true;
    for (std::size_t off = 0; off < data.size() && sent; off += chunk) {
        const auto n = static_cast<int>(std::min(chunk, data.size() - off));
        sent = PQputCopyData(conn, data.data() + off, n) == 1;
    }
    if (!sent) {
        // Ending the COPY with an error message makes the server abort it and leaves the protocol
        // in a known state for the rollback that follows.
        const std::string detail = trimmed(PQerrorMessage(conn));
        PQputCopyEnd(conn, "client failed to send data");
        while (PGresult* r = PQgetResult(conn))
            PQclear(r);
        fail(detail);
    }
    if (PQputCopyEnd(conn, nullptr) != 1) fail(trimmed(PQerrorMessage(conn)));

    std::string error;
    while (PGresult* r = PQgetResult(conn)) {
        ResultPtr res(r, &PQclear);
        if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = trimmed(PQresultErrorMessage(r));
    }
    if (!error.empty()) fail(error);
}

} // namespace md::db
