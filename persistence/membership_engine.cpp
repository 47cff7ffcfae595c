#include "persistence/membership_engine.h"

#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"

#include <soci/soci.h>

namespace md::db {

using namespace loyalty;

void ChunkMembership::load(Database& db, std::int64_t fromEvent, std::int64_t toEvent) {
    const std::string chunkMembers =
        "SELECT tx.member_id FROM events e JOIN transactions tx ON tx.id = e.entity_id "
        "WHERE e.id > :a AND e.id <= :b AND e.type IN ('purchase_recorded', "
        "'refund_recorded', 'transaction_corrected') AND tx.kind = 'purchase'";
    addTerms(db, " WHERE t.member_id IN (" + chunkMembers + ")", fromEvent, toEvent);
    QueryArgs()
        .integer("a", fromEvent)
        .integer("b", toEvent)
        .forEachRow(
            db.sql(),
            "SELECT r.referee_id, r.referrer_id FROM referrals r WHERE r.referee_id IN (" + chunkMembers +
                ") AND NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.idempotency_key = 'referral:' || "
                "CAST(r.referee_id AS TEXT))",
            [&](const soci::row& r) { m_referrals[rowInt(r, 0)] = rowInt(r, 1); });
}

void ChunkMembership::loadAllTerms(Database& db) {
    addTerms(db, " WHERE :a <= :b", 0, 0);
}

void ChunkMembership::addTerms(Database& db, const std::string& where, std::int64_t fromEvent,
                               std::int64_t toEvent) {
    QueryArgs()
        .integer("a", fromEvent)
        .integer("b", toEvent)
        .forEachRow(db.sql(),
                    "SELECT t.member_id, t.plan_code, t.starts_on, t.ends_on, t.cancelled_on FROM "
                    "membership_terms t" +
                        where,
                    [&](const soci::row& r) {
                        membership::Term t;
                        t.memberId = rowInt(r, 0);
                        t.planCode = rowText(r, 1);
                        t.startsOn = rowDate(r, 2);
                        t.endsOn = rowDate(r, 3);
                        t.cancelledOn = rowOptDate(r, 4);
                        m_terms[t.memberId].push_back(std::move(t));
                    });
}

std::vector<std::int64_t> ChunkMembership::referrers() const {
    std::vector<std::int64_t> out;
    for (const auto& [referee, referrer] : m_referrals)
        out.push_back(referrer);
    return out;
}

int ChunkMembership::planPercent(std::int64_t member, const Programme& p, Date day) const {
    const auto it = m_terms.find(member);
    if (it == m_terms.end()) return 100;
    const Plan* plan = membership::planOn(it->second, p, day);
    return plan ? plan->pointsPercent : 100;
}

std::string ChunkMembership::flooredTier(std::int64_t member, const Programme& p, Date day,
                                         const std::string& tierCode) const {
    const auto it = m_terms.find(member);
    if (it == m_terms.end()) return tierCode;
    const Plan* plan = membership::planOn(it->second, p, day);
    if (!plan) return tierCode;
    const auto floor = membership::floorRank(*plan, p);
    const Tier* current = findTier(p, tierCode);
    if (!floor || (current && current->rank >= *floor)) return tierCode;
    return plan->floorTier;
}

std::optional<std::int64_t> ChunkMembership::takeReferral(std::int64_t referee) {
    const auto it = m_referrals.find(referee);
    if (it == m_referrals.end()) return std::nullopt;
    const std::int64_t referrer = it->second;
    m_referrals.erase(it);
    return referrer;
}

} // namespace md::db
