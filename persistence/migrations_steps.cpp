#include "persistence/migrations_steps.h"

#include "persistence/migrations.h"
#include "persistence/referral_codes.h"

namespace md::db {

const std::map<int, MigrationStep>& migrationSteps() {
    static const std::map<int, MigrationStep> steps{
        {3, backfillMemberSearchKeys},
        {5, backfillReferralCodes},
    };
    return steps;
}

} // namespace md::db
