#include "app/database.h"

#include "domain/user_error.h"

namespace md::app {

int prepareDatabase(const RequestContext&, DataStore& store, UpgradePolicy policy) {
    const SchemaStatus s = store.schemaStatus();
    if (s.tooNew()) throw SchemaTooNew(s.current, s.supported);
    if (!s.needsUpgrade()) return s.current;
    const bool privateUpgrade =
        (policy == UpgradePolicy::IfPrivate || policy == UpgradePolicy::Setup) && !s.shared;
    const bool createsSchema = policy == UpgradePolicy::Setup && s.current == 0;
    const bool allowed = policy == UpgradePolicy::Confirmed || privateUpgrade || createsSchema;
    if (allowed) return store.migrate();
    if (s.current == 0)
        throw UserError("database.not_initialised", {{"database", store.describe()}},
                        "The database " + store.describe() + " is not initialised");
    throw UserError("database.needs_upgrade",
                    {{"database", store.describe()},
                     {"current", std::to_string(s.current)},
                     {"supported", std::to_string(s.supported)}},
                    "The database " + store.describe() + " needs upgrading from schema version " +
                        std::to_string(s.current) + " to " + std::to_string(s.supported));
}

} // namespace md::app
