// Re-rating: the current rules applied again to a past period's purchases. A purchase whose points
// differ gets a reverse of what its newest earn still holds and a new earn (a new lot) under the current
// rules — with the refunded part taken back again — and never an edited row. A second run with the same
// rules finds every order unchanged and writes nothing.
#include "persistence/loyalty_engine.h"

#include "domain/loyalty/earning.h"
#include "domain/loyalty/expiry.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_engine_state.h"
#include "persistence/loyalty_rerating.h"
#include "persistence/member_mapping.h"
#include "persistence/membership_engine.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>
#include <unordered_map>

namespace md::db {

using namespace loyalty;

namespace {

struct Order {
    std::int64_t txn = 0, member = 0, amount = 0;
    std::string store, channel, category, orderId;
    Timestamp at{};
    std::string atText;                 ///< as stored: the keyset of the next page
    std::optional<std::int64_t> earnId; ///< the newest earn entry, if the order was ever rated
    std::int64_t earnPoints = 0, earnQualifying = 0, reversedPoints = 0, reversedQualifying = 0;
    std::string tier; ///< the tier the order was rated with (from the earn's breakdown)
};

std::string refundKey(const std::string& store, const std::string& order) {
    return store + '\x1f' + order;
}

/// Refunded amount per purchase (store, order id) over every live refund that names its purchase.
std::unordered_map<std::string, std::int64_t> loadRefunded(Database& db) {
    std::unordered_map<std::string, std::int64_t> out;
    QueryArgs().forEachRow(
        db.sql(),
        "SELECT store_code, refund_of, SUM(amount_minor) FROM transactions WHERE kind = "
        "'refund' AND superseded = 0 AND refund_of IS NOT NULL GROUP BY store_code, refund_of",
        [&](const soci::row& r) { out[refundKey(rowText(r, 0), rowText(r, 1))] = rowInt(r, 2); });
    return out;
}

// A page of the period's live purchases after the keyset (occurred_at, id), with each one's newest earn
// and what has been taken back from it.
std::vector<Order> loadOrders(Database& db, const std::string& lo, const std::string& hi,
                              const std::string& afterAt, std::int64_t afterId, std::int64_t limit) {
    std::vector<Order> out;
    QueryArgs()
        .text("lo", lo)
        .text("hi", hi)
        .text("ka", afterAt)
        .text("kb", afterAt)
        .text("kc", afterAt) // the index range starts at the keyset: each page reads only its own rows
        .integer("ki", afterId)
        .integer("n", limit)
        .forEachRow(
            db.sql(),
            "SELECT t.id, t.member_id, t.amount_minor, t.store_code, t.channel, t.category, t.order_id, "
            "t.occurred_at, l.id, l.points, l.qualifying, l.breakdown, "
            "(SELECT COALESCE(SUM(r.points), 0) FROM points_ledger r WHERE r.reverses_id = l.id AND r.kind = "
            "'reverse'), "
            "(SELECT COALESCE(SUM(r.qualifying), 0) FROM points_ledger r WHERE r.reverses_id = l.id AND "
            "r.kind "
            "= 'reverse') "
            "FROM transactions t LEFT JOIN points_ledger l ON l.id = (SELECT MAX(x.id) FROM points_ledger x "
            "WHERE x.transaction_id = t.id AND x.kind = 'earn' AND x.reason IN ('purchase', 'rerate')) "
            "WHERE t.kind = 'purchase' AND t.superseded = 0 AND t.occurred_at >= :lo AND t.occurred_at < :hi "
            "AND t.occurred_at >= :kc AND (t.occurred_at > :ka OR (t.occurred_at = :kb AND t.id > :ki)) "
            "ORDER BY t.occurred_at, t.id LIMIT :n",
            [&](const soci::row& r) {
                Order o;
                o.txn = rowInt(r, 0);
                o.member = rowInt(r, 1);
                o.amount = rowInt(r, 2);
                o.store = rowText(r, 3);
                o.channel = rowText(r, 4);
                o.category = rowText(r, 5);
                o.orderId = rowText(r, 6);
                o.atText = rowText(r, 7);
                if (auto t = parseTimestamp(o.atText)) o.at = t.value();
                if (r.get_indicator(8) != soci::i_null) {
                    o.earnId = rowInt(r, 8);
                    o.earnPoints = rowInt(r, 9);
                    o.earnQualifying = rowInt(r, 10);
                    o.tier = breakdownTier(rowText(r, 11));
                    o.reversedPoints = -rowInt(r, 12);
                    o.reversedQualifying = -rowInt(r, 13);
                }
                out.push_back(std::move(o));
            });
    return out;
}

class RerateChunk {
public:
    RerateChunk(Database& db, const Programme& p, std::int64_t version, const LoyaltyRun& run,
                const std::string& runKey, RuleUsageCounter& usage, RerateReport& report)
        : m_db(db), m_p(p), m_version(version), m_run(run), m_runKey(runKey), m_usage(usage),
          m_report(report) {}

    void apply(const std::vector<Order>& orders, const TierTimeline& tiers, const ChunkMembership& plans,
               const std::unordered_map<std::string, std::int64_t>& refunded) {
        std::vector<std::int64_t> members;
        for (const Order& o : orders)
            members.push_back(o.member);
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        const std::string now = formatTimestamp(m_run.now);
        // Day figures are not needed (tiers move at the next purchase or review), so the window is empty.
        m_ledger.load(members, m_run.zone.localDate(m_run.now) + std::chrono::days(1), now,
                      orders.size() * 3 + 1);
        for (const Order& o : orders) {
            const auto r = refunded.find(refundKey(o.store, o.orderId));
            rerate(o, tiers, plans, r == refunded.end() ? 0 : r->second);
        }
        m_ledger.write(m_run.actor, now);
    }

private:
    void rerate(const Order& o, const TierTimeline& tiers, const ChunkMembership& plans,
                std::int64_t refundedAmount) {
        ++m_report.orders;
        const Date day = m_run.zone.localDate(o.at);
        MemberState& s = m_ledger.state(o.member);
        MemberFacts facts;
        // The breakdown's tier already has any paid plan's floor in it; a never-rated order gets it here.
        facts.tier = o.earnId ? o.tier : plans.flooredTier(o.member, m_p, day, tiers.tierOn(o.member, day));
        if (!findTier(m_p, facts.tier)) facts.tier.clear(); // a tier the current ladder lacks: the base
        facts.planPercent = plans.planPercent(o.member, m_p, day);
        facts.birthday = s.birthday;
        const OrderFacts order{o.amount, o.category, o.store, o.channel, day};
        const Earning e = rateOrder(m_p, order, facts, m_usage.forOrder(m_p, day, o.member));
        m_usage.add(m_p, day, o.member, e);
        const std::int64_t heldPoints = o.earnPoints - o.reversedPoints;
        const std::int64_t refundedPoints = refundShare(e.points, refundedAmount, o.amount);
        m_report.pointsBefore += heldPoints;
        m_report.pointsAfter += e.points - refundedPoints;
        if (o.earnId ? e.points == o.earnPoints && e.qualifyingPoints == o.earnQualifying : e.points == 0) {
            ++m_report.unchanged;
            return;
        }
        ++m_report.changed;
        const std::string key = "rerate:" + m_runKey + ":" + std::to_string(o.txn);
        const std::string why = "re-rated under programme version " + std::to_string(m_version) + ": " +
                                std::to_string(o.earnPoints) + " -> " + std::to_string(e.points) + " points";
        if (o.earnId) {
            Posting back = base(o, day, key + ":reverse");
            back.kind = EntryKind::Reverse;
            back.points = -heldPoints;
            back.qualifying = -(o.earnQualifying - o.reversedQualifying);
            back.reversesId = *o.earnId;
            back.preferLot = *o.earnId;
            back.reason = "rerate";
            back.note = why;
            add(std::move(back));
        }
        Posting earn = base(o, day, key + ":earn");
        earn.kind = EntryKind::Earn;
        earn.points = e.points;
        earn.qualifying = e.qualifyingPoints;
        // The spend of the order stays on its first earn; a never-rated order brings it now.
        earn.spendMinor = o.earnId ? 0 : o.amount;
        if (m_p.expiry.kind != ExpiryKind::Never) earn.availableOn = availableFrom(m_p.expiry, day);
        earn.expiresOn = lotExpiry(m_p.expiry, day);
        earn.reason = "rerate";
        earn.note = why;
        earn.breakdown = breakdownJson(e);
        const std::int64_t earnId = add(std::move(earn));
        if (refundedPoints == 0) return;
        // Refunds already recorded take back their share of the new points, as the engine would have.
        Posting refund = base(o, day, key + ":refund");
        refund.kind = EntryKind::Reverse;
        refund.points = -refundedPoints;
        refund.qualifying = -refundShare(e.qualifyingPoints, refundedAmount, o.amount);
        refund.reversesId = earnId;
        refund.preferLot = earnId;
        refund.reason = "refund";
        refund.note = "the refunded " + std::to_string(refundedAmount) + " of " + std::to_string(o.amount) +
                      " (minor units) takes back its share of the re-rated points";
        add(std::move(refund));
    }

    Posting base(const Order& o, Date day, std::string key) const {
        Posting p;
        p.memberId = o.member;
        p.key = std::move(key);
        p.occurredAt = o.at;
        p.localDate = day;
        p.transactionId = o.txn;
        p.programmeVersion = m_version;
        p.requireCover = false;
        return p;
    }

    std::int64_t add(Posting p) {
        ++m_report.entries;
        return m_ledger.add(std::move(p));
    }

    Database& m_db;
    const Programme& m_p;
    std::int64_t m_version;
    const LoyaltyRun& m_run;
    const std::string& m_runKey;
    RuleUsageCounter& m_usage;
    RerateReport& m_report;
    ChunkLedger m_ledger{m_db};
};

} // namespace

RerateReport rerateOrders(Database& db, const Programme& p, std::int64_t version, Date from, Date to,
                          const LoyaltyRun& run) {
    return withSqlErrors(db, "Could not re-rate the orders", [&] {
        BulkCacheBudget cache(db);
        RerateReport report;
        report.from = from;
        report.to = to;
        report.programmeVersion = version;
        // Orders are selected by their UTC time with a day to spare each side, then by local day.
        const std::string lo = formatTimestamp(Timestamp(std::chrono::sys_days(from - std::chrono::days(1))));
        const std::string hi = formatTimestamp(Timestamp(std::chrono::sys_days(to + std::chrono::days(2))));
        const TierTimeline tiers = TierTimeline::load(db);
        ChunkMembership plans;
        plans.loadAllTerms(db);
        const auto refunded = loadRefunded(db);
        const std::int64_t total = QueryArgs().text("lo", lo).text("hi", hi).scalar(
            db.sql(), "SELECT COUNT(*) FROM transactions WHERE kind = 'purchase' AND superseded = 0 AND "
                      "occurred_at >= :lo AND occurred_at < :hi");
        // Unique per run: a key of an earlier run is never reused, and a rerun finds its orders unchanged.
        std::string runKey = formatTimestamp(run.now);
        std::erase_if(runKey, [](char c) { return c == '-' || c == ':'; });
        runKey += ".v" + std::to_string(version);
        RuleUsageCounter usage;
        std::string afterAt;
        std::int64_t afterId = 0, seen = 0;
        for (;;) {
            WriteTransaction tx(db);
            lockForEventConsuming(db);
            auto orders = loadOrders(db, lo, hi, afterAt, afterId, run.chunk);
            if (orders.empty()) {
                tx.commit();
                break;
            }
            afterAt = orders.back().atText;
            afterId = orders.back().txn;
            seen += static_cast<std::int64_t>(orders.size());
            std::erase_if(orders, [&](const Order& o) {
                const Date day = run.zone.localDate(o.at);
                return day < from || day > to;
            });
            if (!orders.empty()) {
                RerateChunk(db, p, version, run, runKey, usage, report).apply(orders, tiers, plans, refunded);
            }
            tx.commit();
            if (run.progress && !run.progress({"Re-rating orders", static_cast<std::uint64_t>(seen),
                                               static_cast<std::uint64_t>(total)})) {
                report.finished = false;
                break;
            }
        }
        return report;
    });
}

} // namespace md::db
