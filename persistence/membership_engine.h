#pragma once
// Internal to the loyalty engine (loyalty_engine.cpp): what paid membership and referral mean to one
// chunk of events, loaded set-based for the chunk's event range —
//   * the paid terms of the chunk's members: an active term's plan multiplies the base points
//     (MemberFacts::planPercent) and lifts the tier an order is rated at to the plan's floor;
//   * the referrals whose referee buys in the chunk and whose reward ("referral:<referee id>") has not
//     been posted: the referrer earns the programme's Referral rule points on that first purchase.
#include "domain/loyalty/programme.h"
#include "domain/membership/membership.h"
#include "persistence/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace md::db {

class ChunkMembership {
public:
    /// Loads terms and pending referrals for the events (fromEvent, toEvent].
    void load(Database& db, std::int64_t fromEvent, std::int64_t toEvent);
    /// Loads every stored term (re-rating and what-if rate orders of any member; terms are few).
    void loadAllTerms(Database& db);
    /// The referrers this chunk may credit: their state must be loaded with the chunk's members.
    std::vector<std::int64_t> referrers() const;
    /// The plan's points percent for an order of the member on `day` (100 without an active term).
    int planPercent(std::int64_t member, const loyalty::Programme& p, Date day) const;
    /// `tierCode`, or the active plan's floor tier when that ranks higher.
    std::string flooredTier(std::int64_t member, const loyalty::Programme& p, Date day,
                            const std::string& tierCode) const;
    /// The referrer to reward for this member's purchase, once: a second call returns none.
    std::optional<std::int64_t> takeReferral(std::int64_t referee);

private:
    void addTerms(Database& db, const std::string& where, std::int64_t fromEvent, std::int64_t toEvent);
    std::unordered_map<std::int64_t, std::vector<membership::Term>> m_terms;
    std::unordered_map<std::int64_t, std::int64_t> m_referrals; ///< referee -> referrer, not yet rewarded
};

} // namespace md::db
