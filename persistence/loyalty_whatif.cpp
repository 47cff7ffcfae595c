// What-if: a proposed programme rated over the real orders and judged over the real members, in memory,
// against the ledger and tiers as they stand. Nothing is written.
#include "persistence/loyalty_engine.h"

#include "domain/errors.h"
#include "domain/loyalty/earning.h"
#include "domain/loyalty/tiers.h"
#include "persistence/loyalty_rerating.h"
#include "persistence/member_mapping.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace md::db {

using namespace loyalty;

namespace {

struct Judged {
    Date joinDate{};
    std::optional<Date> birthday;
    std::string tierNow; ///< the earned tier code today ("" = never placed: the base tier)
    std::optional<Date> graceUntil;
    QualifyingFigures figures;
};

std::optional<Date> optDate(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto d = parseDate(text);
    return d ? std::optional(d.value()) : std::nullopt;
}

std::string monthOf(Date d) {
    return formatDate(d).substr(0, 7);
}

// Everything the proposal needs from a purchase or a refund (with, for a refund, the purchase it names).
struct Row {
    std::int64_t member = 0, amount = 0;
    bool refund = false;
    std::string store, channel, category;
    Timestamp at{};
    bool linked = false;
    std::int64_t purchaseAmount = 0;
    std::string purchaseStore, purchaseChannel, purchaseCategory;
    Timestamp purchaseAt{};
    std::string tier, purchaseTier; ///< the tier each was rated with, from its newest earn ("" unknown)
};

class Simulation {
public:
    Simulation(const Programme& proposed, Date from, Date to, Date asOf, const TimeZone& zone,
               const TierTimeline& tiers, std::unordered_map<std::int64_t, Judged>& members,
               WhatIfReport& report)
        : m_p(proposed), m_from(from), m_to(to), m_asOf(asOf), m_zone(zone), m_tiers(tiers),
          m_members(members), m_report(report) {}

    void add(const Row& r) {
        const Date day = m_zone.localDate(r.at);
        const auto it = m_members.find(r.member);
        if (it == m_members.end()) return;
        Judged& j = it->second;
        const bool inPeriod = day >= m_from && day <= m_to;
        const Window w = qualifyingWindow(m_p.ladder.window, m_asOf, j.joinDate);
        const bool inWindow = day >= w.first && day <= w.last;
        if (inPeriod) ++m_report.orders;
        std::int64_t points = 0, qualifying = 0;
        if (!r.refund) {
            const Earning e = rate(r.member, j, r.tier, r.amount, r.store, r.channel, r.category, day, true);
            points = e.points;
            qualifying = e.qualifyingPoints;
            if (inWindow) j.figures.spendMinor += r.amount;
        } else {
            if (r.linked) {
                // The purchase rated again (without cap context) and the refund's share of it.
                const Earning e =
                    rate(r.member, j, r.purchaseTier, r.purchaseAmount, r.purchaseStore, r.purchaseChannel,
                         r.purchaseCategory, m_zone.localDate(r.purchaseAt), false);
                points = -refundShare(e.points, r.amount, r.purchaseAmount);
                qualifying = -refundShare(e.qualifyingPoints, r.amount, r.purchaseAmount);
            } else {
                const auto base = std::find_if(m_p.rules.begin(), m_p.rules.end(),
                                               [](const EarningRule& x) { return x.kind == RuleKind::Base; });
                if (base != m_p.rules.end())
                    points = qualifying =
                        -(r.amount * base->pointsPer / std::max<std::int64_t>(1, base->unitMinor));
            }
            if (inWindow) j.figures.spendMinor -= r.amount;
        }
        if (inWindow) j.figures.points += qualifying;
        if (inPeriod) {
            m_report.proposedPoints += points;
            m_months[monthOf(day)].proposedPoints += points;
        }
    }

    std::map<std::string, WhatIfMonth>& months() { return m_months; }

private:
    // With the tier the engine rated the order with (its breakdown says), else the one the recorded
    // tier changes give for the day.
    Earning rate(std::int64_t member, const Judged& j, const std::string& ratedTier, std::int64_t amount,
                 const std::string& store, const std::string& channel, const std::string& category, Date day,
                 bool count) {
        MemberFacts facts;
        facts.tier = ratedTier.empty() ? m_tiers.tierOn(member, day) : ratedTier;
        if (!findTier(m_p, facts.tier)) facts.tier.clear();
        facts.birthday = j.birthday;
        const OrderFacts order{amount, category, store, channel, day};
        Earning e = rateOrder(m_p, order, facts, m_usage.forOrder(m_p, day, member));
        if (count) m_usage.add(m_p, day, member, e);
        return e;
    }

    const Programme& m_p;
    Date m_from, m_to, m_asOf;
    const TimeZone& m_zone;
    const TierTimeline& m_tiers;
    std::unordered_map<std::int64_t, Judged>& m_members;
    WhatIfReport& m_report;
    RuleUsageCounter m_usage;
    std::map<std::string, WhatIfMonth> m_months;
};

void checkProgress(const LoyaltyRun& run, std::uint64_t done, std::uint64_t total) {
    if (run.progress && !run.progress({"Rating orders under the proposal", done, total}))
        throw Cancelled("The what-if was cancelled", "nothing was changed");
}

// Members per tier now and under the proposal; moves counted against the proposal's rank of the tier
// each member holds now (for a code the proposal drops, the rank it had: such members are judged from
// that rank of the proposed ladder).
void judgeTiers(const Programme& proposed, const Programme& current, Date asOf,
                const std::unordered_map<std::int64_t, Judged>& members, WhatIfReport& report) {
    std::map<std::string, WhatIfTier> byCode;
    std::vector<std::string> order;
    for (const Tier& t : proposed.ladder.tiers) {
        byCode[t.code] = {t.code, t.nameZh, t.nameEn, t.rank, 0, 0, 0, 0};
        order.push_back(t.code);
    }
    const std::string& baseNow = current.ladder.tiers.front().code;
    for (const auto& [id, j] : members) {
        ++report.members;
        const std::string& now = j.tierNow.empty() || !findTier(current, j.tierNow) ? baseNow : j.tierNow;
        const Tier* inProposal = findTier(proposed, now);
        int fromRank = 0;
        if (inProposal) {
            fromRank = inProposal->rank;
        } else {
            const Tier* t = findTier(current, now);
            fromRank = t ? t->rank : 0;
            if (!byCode.count(now)) {
                byCode[now] = {now, t ? t->nameZh : "", t ? t->nameEn : "", -1, 0, 0, 0, 0};
                order.push_back(now);
            }
        }
        // Where a review today under the proposal would put them: retention, a running grace and the
        // downgrade policy count, as they would for real (the same programme moves nobody a review kept).
        TierState state;
        state.rank = fromRank;
        if (inProposal) state.graceUntil = j.graceUntil;
        const int rank = reviewTier(proposed.ladder, state, j.figures, asOf).rank;
        WhatIfTier& was = byCode[now];
        ++was.membersNow;
        for (const Tier& t : proposed.ladder.tiers)
            if (t.rank == rank) ++byCode[t.code].membersProposed;
        if (rank > fromRank) {
            ++was.movingUp;
            ++report.membersUp;
        } else if (rank < fromRank) {
            ++was.movingDown;
            ++report.membersDown;
        }
    }
    for (const std::string& code : order)
        report.tiers.push_back(byCode[code]);
}

} // namespace

WhatIfReport whatIfProgramme(Database& db, const Programme& proposed, const Programme& inForce, Date from,
                             Date to, Date asOf, const LoyaltyRun& run) {
    return withSqlErrors(db, "Could not run the what-if", [&] {
        WhatIfReport report;
        report.from = from;
        report.to = to;
        report.asOf = asOf;
        std::unordered_map<std::int64_t, Judged> members;
        QueryArgs().forEachRow(
            db.sql(),
            "SELECT m.id, m.join_date, m.birthday, mt.tier_code, mt.grace_until FROM members m "
            "LEFT JOIN "
            "member_tiers mt ON mt.member_id = m.id",
            [&](const soci::row& r) {
                Judged j;
                j.joinDate = optDate(rowText(r, 1)).value_or(asOf);
                j.birthday = optDate(rowText(r, 2));
                j.tierNow = rowText(r, 3);
                j.graceUntil = optDate(rowText(r, 4));
                members.emplace(rowInt(r, 0), std::move(j));
            });
        const TierTimeline tiers = TierTimeline::load(db);

        std::map<std::string, WhatIfMonth> current;
        QueryArgs()
            .text("f", formatDate(from))
            .text("t", formatDate(to))
            .forEachRow(
                db.sql(),
                "SELECT substr(local_date, 1, 7), SUM(points) FROM points_ledger WHERE kind IN ('earn', "
                "'reverse') AND transaction_id IS NOT NULL AND local_date >= :f AND local_date <= :t "
                "GROUP BY substr(local_date, 1, 7)",
                [&](const soci::row& r) {
                    current[rowText(r, 0)].currentPoints = rowInt(r, 1);
                    report.currentPoints += rowInt(r, 1);
                });

        // One pass over the orders of the period and of every member's qualifying window (at most a year
        // before asOf), in time order so caps and budgets run as they would have.
        const Date first = std::min(from, asOf - std::chrono::days(367));
        const Date last = std::max(to, asOf);
        const std::string lo =
            formatTimestamp(Timestamp(std::chrono::sys_days(first - std::chrono::days(1))));
        const std::string hi = formatTimestamp(Timestamp(std::chrono::sys_days(last + std::chrono::days(2))));
        const auto total = static_cast<std::uint64_t>(QueryArgs().text("lo", lo).text("hi", hi).scalar(
            db.sql(), "SELECT COUNT(*) FROM transactions WHERE superseded = 0 AND occurred_at >= :lo AND "
                      "occurred_at < :hi"));
        Simulation sim(proposed, from, to, asOf, run.zone, tiers, members, report);
        std::uint64_t done = 0;
        checkProgress(run, 0, total);
        QueryArgs().text("lo", lo).text("hi", hi).forEachRow(
            db.sql(),
            "SELECT t.member_id, t.amount_minor, t.kind, t.store_code, t.channel, t.category, t.occurred_at, "
            "o.amount_minor, o.store_code, o.channel, o.category, o.occurred_at, "
            "(SELECT l.breakdown FROM points_ledger l WHERE l.id = (SELECT MAX(x.id) FROM points_ledger x "
            "WHERE "
            "x.transaction_id = t.id AND x.kind = 'earn' AND x.reason IN ('purchase', 'rerate'))), "
            "(SELECT l.breakdown FROM points_ledger l WHERE l.id = (SELECT MAX(x.id) FROM points_ledger x "
            "WHERE "
            "x.transaction_id = o.id AND x.kind = 'earn' AND x.reason IN ('purchase', 'rerate'))) FROM "
            "transactions t "
            "LEFT JOIN transactions o ON t.kind = 'refund' AND o.store_code = t.store_code AND o.order_id = "
            "t.refund_of AND o.kind = 'purchase' AND o.superseded = 0 "
            "WHERE t.superseded = 0 AND t.occurred_at >= :lo AND t.occurred_at < :hi ORDER BY t.occurred_at, "
            "t.id",
            [&](const soci::row& r) {
                Row x;
                x.member = rowInt(r, 0);
                x.amount = rowInt(r, 1);
                x.refund = rowText(r, 2) == "refund";
                x.store = rowText(r, 3);
                x.channel = rowText(r, 4);
                x.category = rowText(r, 5);
                if (auto t = parseTimestamp(rowText(r, 6))) x.at = t.value();
                if (r.get_indicator(7) != soci::i_null) {
                    x.linked = true;
                    x.purchaseAmount = rowInt(r, 7);
                    x.purchaseStore = rowText(r, 8);
                    x.purchaseChannel = rowText(r, 9);
                    x.purchaseCategory = rowText(r, 10);
                    if (auto t = parseTimestamp(rowText(r, 11))) x.purchaseAt = t.value();
                }
                x.tier = breakdownTier(rowText(r, 12));
                x.purchaseTier = breakdownTier(rowText(r, 13));
                const Date day = run.zone.localDate(x.at);
                if (day >= first && day <= last) sim.add(x);
                if (++done % 100000 == 0) checkProgress(run, done, total);
            });
        checkProgress(run, total, total);

        for (auto& [month, m] : sim.months())
            current[month].proposedPoints = m.proposedPoints;
        for (auto& [month, m] : current) {
            m.month = month;
            report.months.push_back(m);
        }
        judgeTiers(proposed, inForce, asOf, members, report);
        return report;
    });
}

} // namespace md::db
