#pragma once
// The loyalty engine: a consumer of the purchase, refund and correction events (consumer "loyalty").
// For each, in event order, it applies the programme version in force on the order's local day:
//   purchase   -> an earn entry (a lot) with its breakdown, upgrade check on the qualifying window;
//   refund     -> a reverse entry taking back the purchase's points in proportion to the amount
//                 (refund_of names the purchase; without it, the base rate on the refunded amount);
//   correction -> the replaced row's entry is compensated, then the new row is handled as above.
// Work happens in chunks, each one transaction that also moves the consumer position: exactly once,
// restartable. Inside a chunk the touched members' state (lots, balance, tier, window figures) is
// loaded set-based, changed in memory and written back in bulk, so rating millions of transactions
// costs a few bulk writes per chunk rather than statements per order.
#include "domain/loyalty/loyalty_repository.h"
#include "domain/loyalty/whatif.h"
#include "domain/progress.h"
#include "domain/time_zone.h"
#include "persistence/database.h"

#include <cstdint>
#include <string>

namespace md::db {

inline constexpr const char* kLoyaltyConsumer = "loyalty";

struct LoyaltyRun {
    TimeZone zone;   ///< the programme time zone: local days decide rules, windows and expiry
    Timestamp now{}; ///< recorded_at of what is written
    std::string actor = "loyalty-engine";
    std::int64_t chunk = 200000; ///< events per transaction
    ProgressFn progress;
};

using LoyaltyRunReport = loyalty::EngineReport;

/// Reviews every member's tier on asOf (persistence/loyalty_review.cpp): one aggregate query over the
/// qualifying window, decisions in memory, changes written in bulk.
loyalty::ReviewReport reviewAllTiers(Database& db, const loyalty::Programme& p, Date asOf, bool dryRun,
                                     const std::string& actor, Timestamp now);

/// Expires every lot whose last day is before asOf (rolling: also every lot of members whose last
/// activity + rollingDays is before it), in chunks of members written in bulk. One expire entry per
/// lot, keyed "expire:<lot>": a second run writes nothing. Returns the entries written.
std::int64_t expireLots(Database& db, Date asOf, int rollingDays, const std::string& actor, Timestamp now);

/// Re-applies programme p (version `version`) to the live purchases whose local day is in [from, to]
/// (persistence/loyalty_rerate.cpp): where the points differ, a reverse of what the newest earn still
/// holds, a new earn with its breakdown and the refunded share taken back again. Chunks of run.chunk
/// orders, each one transaction under the engine's lock. Idempotent for the same rules.
loyalty::RerateReport rerateOrders(Database& db, const loyalty::Programme& p, std::int64_t version, Date from,
                                   Date to, const LoyaltyRun& run);

/// What `proposed` would have issued for the orders of [from, to] and where it would put every member
/// on asOf, against the ledger and the tiers as they are under `inForce` (persistence/loyalty_whatif.cpp).
/// Reads only. Throws md::Cancelled when run.progress returns false.
loyalty::WhatIfReport whatIfProgramme(Database& db, const loyalty::Programme& proposed,
                                      const loyalty::Programme& inForce, Date from, Date to, Date asOf,
                                      const LoyaltyRun& run);

/// Processes the events after the consumer's position. Without a programme in force on an order's day
/// the order earns nothing (re-rate it once a programme exists).
LoyaltyRunReport processLoyalty(Database& db, const LoyaltyRun& run);

} // namespace md::db
