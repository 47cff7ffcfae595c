#include "persistence/referral_codes.h"

#include "domain/membership/codes.h"
#include "persistence/bulk_loader.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"

#include <soci/soci.h>

#include <unordered_set>
#include <vector>

namespace md::db {

std::int64_t assignMissingReferralCodes(Database& db, const std::string& now) {
    std::int64_t total = 0;
    // Each round stores every code that did not collide; at 21^8 codes a million members see a few
    // collisions in all, so a second round is rare and a third rarer still.
    for (int round = 0; round < 10; ++round) {
        std::vector<std::int64_t> missing;
        QueryArgs().forEachRow(db.sql(),
                               "SELECT m.id FROM members m WHERE NOT EXISTS (SELECT 1 FROM referral_codes r "
                               "WHERE r.member_id = m.id) ORDER BY m.id",
                               [&](const soci::row& r) { missing.push_back(rowInt(r, 0)); });
        if (missing.empty()) return total;
        TempTable staging(db, "referral_staging", "SELECT member_id, code, created_at FROM referral_codes");
        {
            BulkWriter w(db, staging.name(),
                         {{"member_id", ColumnType::Integer},
                          {"code", ColumnType::Text},
                          {"created_at", ColumnType::Text}},
                         50000);
            std::unordered_set<std::string> drawn;
            for (const std::int64_t id : missing) {
                std::string code = membership::newReferralCode();
                while (!drawn.insert(code).second)
                    code = membership::newReferralCode();
                w.integer(id).text(code).text(now).endRow();
            }
            w.flush();
        }
        staging.analyze();
        soci::statement st =
            (db.sql().prepare << "INSERT INTO referral_codes (member_id, code, created_at) SELECT "
                                 "member_id, code, created_at FROM " +
                                     staging.name() + " WHERE 1 = 1 ON CONFLICT DO NOTHING");
        st.execute(true);
        total += static_cast<std::int64_t>(st.get_affected_rows());
        staging.drop();
    }
    return total;
}

void backfillReferralCodes(Database& db) {
    assignMissingReferralCodes(db, formatTimestamp(nowUtc()));
}

} // namespace md::db
