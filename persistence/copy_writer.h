#pragma once
// PostgreSQL COPY ... FROM STDIN through the session's own libpq connection (inside its transaction).
// SOCI's vector binding on PostgreSQL is one round trip per row and has open bugs (TOOLCHAIN.md), so
// bulk writes go through COPY in text format; values are escaped, never spliced into SQL.
#include "persistence/database.h"

#include <string>
#include <string_view>

namespace md::db {

/// Appends v to buf in COPY text format: backslash, tab, newline and carriage return escaped.
void appendCopyText(std::string& buf, std::string_view v);
/// The NULL marker of COPY text format.
inline void appendCopyNull(std::string& buf) {
    buf += "\\N";
}

/// Runs copySql ("COPY t (a, b) FROM STDIN") and sends data, a whole number of rows each ending in
/// '\n'. Throws DatabaseUnavailable when the connection is gone, DatabaseError for anything else
/// (the enclosing transaction is then aborted and must be rolled back).
void copyIn(Database& db, const std::string& copySql, std::string_view data);

} // namespace md::db
