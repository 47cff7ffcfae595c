#pragma once
// Internal: referral codes for every member who has none, set-based (migration 005's step for the
// members already stored, the demo loader and member import for new ones). app::ensureReferralCode
// assigns one on demand for a member added any other way.
#include "domain/time.h"
#include "persistence/database.h"

#include <cstdint>

namespace md::db {

/// Draws a code from the OS CSPRNG for each member without one and stores them in bulk (COPY on
/// PostgreSQL); codes that collide are drawn again. Inside the caller's transaction. Returns how many.
std::int64_t assignMissingReferralCodes(Database& db, const std::string& now);

/// 005: codes for the members already stored.
void backfillReferralCodes(Database& db);

} // namespace md::db
