#include "persistence/migrations_steps.h"

#include "persistence/migrations.h"

namespace md::db {

const std::map<int, MigrationStep>& migrationSteps() {
    static const std::map<int, MigrationStep> steps{
        {3, backfillMemberSearchKeys},
    };
    return steps;
}

} // namespace md::db
