#pragma once
// Internal: the persistence edge where driver errors become md:: errors a person can act on. Every
// repository call runs its SQL through withSqlErrors, so callers above persistence/ never see SOCI.
#include "domain/errors.h"
#include "persistence/database.h"

#include <soci/soci.h>

#include <string>
#include <utility>

namespace md::db {

/// Throws DatabaseUnavailable when the connection is gone (PostgreSQL PQstatus, or a message that says
/// so), else DatabaseError. A full disk gets its own headline, because the fix is the user's, not ours.
[[noreturn]] void throwDatabaseFailure(Database& db, const std::string& headline, const std::string& detail,
                                       bool connectionCategory = false);

/// The error's message without any SQL statement or bound values in it.
std::string sqlFreeMessage(const soci::soci_error& e);

/// Runs fn and translates soci::soci_error into md::DatabaseUnavailable / md::DatabaseError with
/// `headline` ("Could not save member MD0001") and the driver message as detail.
template <class F> decltype(auto) withSqlErrors(Database& db, const std::string& headline, F&& fn) {
    try {
        return std::forward<F>(fn)();
    } catch (const soci::soci_error& e) {
        // The driver's message without SOCI's context ("while executing \"INSERT ...\" with :1=..."):
        // a person never needs the SQL, and the bound values may be someone's personal data.
        throwDatabaseFailure(db, headline, sqlFreeMessage(e),
                             e.get_error_category() == soci::soci_error::connection_error);
    }
}

/// True when the message of a failed call means the server went away rather than refused the SQL.
bool looksLikeConnectionLoss(const std::string& message);

} // namespace md::db
