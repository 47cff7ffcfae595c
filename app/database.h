#pragma once
// Opening a database: check its schema and upgrade it when allowed. The embedded SQLite file belongs to
// one PC and is upgraded as it opens; a shared PostgreSQL database is upgraded only when a person says
// so (the app asks; the CLI needs `init` or `migrate`), never silently by whoever opens it first.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

namespace md::app {

enum class UpgradePolicy {
    IfPrivate, ///< upgrade an embedded (SQLite) database; refuse a shared one that needs it
    Setup,     ///< a setup command (demo): like IfPrivate, and may also create the schema in an empty
               ///< shared database, where there is nobody else's data to change
    Confirmed, ///< the person confirmed: upgrade whatever it is
    Never,     ///< read-only commands: require the current schema
};

/// Returns the schema version in use. Throws SchemaTooNew; UserError "database.not_initialised"
/// {database} (Never, empty database); "database.needs_upgrade" {database, current, supported}.
int prepareDatabase(const RequestContext& ctx, DataStore& store, UpgradePolicy policy);

} // namespace md::app
