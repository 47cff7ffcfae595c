#include "persistence/loyalty_rerating.h"

#include "persistence/member_mapping.h"

#include <soci/soci.h>

#include <algorithm>

namespace md::db {

TierTimeline TierTimeline::load(Database& db) {
    TierTimeline t;
    QueryArgs().forEachRow(db.sql(),
                           "SELECT member_id, to_tier, changed_on FROM tier_changes ORDER BY member_id, id",
                           [&](const soci::row& r) {
                               const auto on = parseDate(rowText(r, 2));
                               if (!on) return;
                               t.m_changes[rowInt(r, 0)].push_back({on.value(), rowText(r, 1)});
                           });
    return t;
}

const std::string& TierTimeline::tierOn(std::int64_t member, Date day) const {
    static const std::string base;
    const auto it = m_changes.find(member);
    if (it == m_changes.end()) return base;
    // The last change made on or before the day (changes are recorded in time order per member).
    const std::string* tier = &base;
    for (const Change& c : it->second) {
        if (c.on > day) break;
        tier = &c.to;
    }
    return *tier;
}

std::string breakdownTier(const std::string& json) {
    static const std::string field = "\"tier\":\"";
    const auto at = json.find(field);
    if (at == std::string::npos) return {};
    const auto end = json.find('"', at + field.size());
    return end == std::string::npos ? std::string() : json.substr(at + field.size(), end - at - field.size());
}

namespace {
std::string usageKey(const std::string& rule, const std::string& period, std::int64_t member) {
    return rule + '\x1f' + period + '\x1f' + std::to_string(member);
}
} // namespace

loyalty::RuleUsage RuleUsageCounter::forOrder(const loyalty::Programme& p, Date day,
                                              std::int64_t member) const {
    loyalty::RuleUsage u;
    for (const loyalty::EarningRule& r : p.rules) {
        if (r.capPerMember > 0)
            u.member[r.code] = used(usageKey(r.code, loyalty::periodKey(r.capPeriod, day), member));
        if (r.budgetPoints > 0)
            u.budget[r.code] = used(usageKey(r.code, loyalty::periodKey(r.budgetPeriod, day), 0));
    }
    return u;
}

void RuleUsageCounter::add(const loyalty::Programme& p, Date day, std::int64_t member,
                           const loyalty::Earning& e) {
    for (const loyalty::EarningRule& r : p.rules) {
        const auto it = e.byRule.find(r.code);
        if (it == e.byRule.end() || it->second == 0) continue;
        if (r.capPerMember > 0)
            m_used[usageKey(r.code, loyalty::periodKey(r.capPeriod, day), member)] += it->second;
        if (r.budgetPoints > 0)
            m_used[usageKey(r.code, loyalty::periodKey(r.budgetPeriod, day), 0)] += it->second;
    }
}

std::int64_t RuleUsageCounter::used(const std::string& key) const {
    const auto it = m_used.find(key);
    return it == m_used.end() ? 0 : it->second;
}

std::int64_t refundShare(std::int64_t points, std::int64_t part, std::int64_t whole) {
    if (whole <= 0 || part <= 0) return 0;
    return std::min(points, (points * std::min(part, whole) + whole / 2) / whole);
}

} // namespace md::db
