#include "persistence/loyalty_engine.h"

#include "domain/loyalty/earning.h"
#include "domain/loyalty/expiry.h"
#include "domain/loyalty/tiers.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_engine_state.h"
#include "persistence/loyalty_programmes.h"
#include "persistence/loyalty_rows.h"
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

// One event with the transaction it is about (and, for a refund, its purchase; for a correction, the
// row it replaced).
struct EventRow {
    std::int64_t eventId = 0;
    std::string type;
    std::int64_t txn = 0, member = 0, amount = 0;
    std::string store, channel, kind, category;
    Timestamp at{};
    std::optional<std::int64_t> purchase, purchaseAmount; ///< refund: the purchase it names
    std::optional<std::int64_t> replaced, replacedMember; ///< correction
};

std::vector<EventRow> loadEvents(Database& db, std::int64_t from, std::int64_t to) {
    std::vector<EventRow> rows;
    QueryArgs().integer("a", from).integer("b", to).forEachRow(
        db.sql(),
        "SELECT e.id, e.type, t.id, t.member_id, t.amount_minor, t.store_code, t.channel, t.kind, "
        "t.category, "
        "t.occurred_at, o.id, o.amount_minor, r.id, r.member_id FROM events e JOIN transactions t ON t.id = "
        "e.entity_id "
        "LEFT JOIN transactions o ON t.kind = 'refund' AND o.store_code = t.store_code AND o.order_id = "
        "t.refund_of "
        "AND o.kind = 'purchase' AND o.superseded = 0 LEFT JOIN transactions r ON r.id = t.replaces_id "
        "WHERE e.id > :a AND e.id <= :b AND e.type IN ('purchase_recorded', 'refund_recorded', "
        "'transaction_corrected') ORDER BY e.id",
        [&](const soci::row& r) {
            EventRow e;
            e.eventId = rowInt(r, 0);
            e.type = rowText(r, 1);
            e.txn = rowInt(r, 2);
            e.member = rowInt(r, 3);
            e.amount = rowInt(r, 4);
            e.store = rowText(r, 5);
            e.channel = rowText(r, 6);
            e.kind = rowText(r, 7);
            e.category = rowText(r, 8);
            if (auto t = parseTimestamp(rowText(r, 9))) e.at = t.value();
            if (r.get_indicator(10) != soci::i_null) {
                e.purchase = rowInt(r, 10);
                e.purchaseAmount = rowInt(r, 11);
            }
            if (r.get_indicator(12) != soci::i_null) {
                e.replaced = rowInt(r, 12);
                e.replacedMember = rowInt(r, 13);
            }
            rows.push_back(std::move(e));
        });
    return rows;
}

class ChunkRun {
public:
    ChunkRun(Database& db, const LoyaltyRun& run, const ProgrammeHistory& programmes,
             LoyaltyRunReport& report)
        : m_db(db), m_run(run), m_programmes(programmes), m_report(report) {}

    void apply(const std::vector<EventRow>& rows) {
        std::vector<std::int64_t> members;
        Date earliest = Date::max();
        for (const EventRow& e : rows) {
            members.push_back(e.member);
            if (e.replacedMember) members.push_back(*e.replacedMember);
            earliest = std::min(earliest, m_run.zone.localDate(e.at));
        }
        if (!rows.empty()) {
            // Paid plans and referral rewards (membership_engine.h): referrers are credited in this chunk.
            m_membership.load(m_db, rows.front().eventId - 1, rows.back().eventId);
            for (const std::int64_t referrer : m_membership.referrers())
                members.push_back(referrer);
        }
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        const std::string now = formatTimestamp(m_run.now);
        m_ledger.load(members, earliest - std::chrono::days(367), now, rows.size() * 2 + 1);
        for (const EventRow& e : rows) {
            if (e.type == "transaction_corrected" && e.replaced) compensate(*e.replaced, e);
            if (e.kind == "purchase")
                earn(e);
            else
                refund(e);
        }
        m_ledger.write(m_run.actor, now);
        m_report.points += m_ledger.netPoints();
    }

private:
    // ---- the rules ------------------------------------------------------------------------------

    std::string tierOf(MemberState& s, const Programme& p, Date day) {
        const Tier* t = findTier(p, s.tierCode);
        if (!t) {
            // Not placed yet (or a tier the programme no longer has): the base tier, from today.
            s.tierCode = p.ladder.tiers.front().code;
            s.tier.rank = 0;
            s.tierSince = day;
            s.tierChanged = true;
        } else {
            s.tier.rank = t->rank;
        }
        s.tier.overrideRank.reset();
        if (s.overrideCode)
            if (const Tier* o = findTier(p, *s.overrideCode)) s.tier.overrideRank = o->rank;
        const int rank = effectiveRank(s.tier, day);
        for (const Tier& x : p.ladder.tiers)
            if (x.rank == rank) return x.code;
        return s.tierCode;
    }

    std::int64_t& usage(const std::string& rule, const std::string& period, std::int64_t member) {
        auto& usage = m_ledger.writes().usage;
        const auto key = std::make_tuple(rule, period, member);
        auto it = usage.find(key);
        if (it == usage.end()) {
            // A member's usage came with their state; the programme-wide budget is read once per chunk.
            std::int64_t start = 0;
            if (member == 0) {
                start = loadUsage(m_db, rule, period, member);
            } else {
                const auto& loaded = m_ledger.state(member).usage;
                if (const auto found = loaded.find({rule, period}); found != loaded.end())
                    start = found->second;
            }
            it = usage.emplace(key, start).first;
        }
        return it->second;
    }

    void earn(const EventRow& e) {
        const Date day = m_run.zone.localDate(e.at);
        const StoredProgramme* sp = m_programmes.on(day);
        if (!sp) return;
        const Programme& p = sp->programme;
        MemberState& s = m_ledger.state(e.member);
        MemberFacts facts;
        facts.tier = m_membership.flooredTier(e.member, p, day, tierOf(s, p, day));
        facts.planPercent = m_membership.planPercent(e.member, p, day);
        facts.birthday = s.birthday;
        OrderFacts order{e.amount, e.category, e.store, e.channel, day};
        RuleUsage used;
        for (const EarningRule& r : p.rules) {
            if (r.capPerMember > 0)
                used.member[r.code] = usage(r.code, periodKey(r.capPeriod, day), e.member);
            if (r.budgetPoints > 0) used.budget[r.code] = usage(r.code, periodKey(r.budgetPeriod, day), 0);
        }
        const Earning earning = rateOrder(p, order, facts, used);
        for (const EarningRule& r : p.rules) {
            const auto it = earning.byRule.find(r.code);
            if (it == earning.byRule.end() || it->second == 0) continue;
            if (r.capPerMember > 0) usage(r.code, periodKey(r.capPeriod, day), e.member) += it->second;
            if (r.budgetPoints > 0) usage(r.code, periodKey(r.budgetPeriod, day), 0) += it->second;
        }
        Posting post;
        post.memberId = e.member;
        post.kind = EntryKind::Earn;
        post.points = earning.points;
        post.qualifying = earning.qualifyingPoints;
        post.spendMinor = e.amount;
        post.key = "earn:" + std::to_string(e.txn);
        post.occurredAt = e.at;
        post.localDate = day;
        if (p.expiry.kind != ExpiryKind::Never) post.availableOn = availableFrom(p.expiry, day);
        post.expiresOn = lotExpiry(p.expiry, day);
        post.transactionId = e.txn;
        post.programmeVersion = sp->version;
        post.reason = "purchase";
        post.breakdown = breakdownJson(earning);
        m_ledger.add(std::move(post));
        ++m_report.earned;
        if (referralRule(p))
            if (const auto referrer = m_membership.takeReferral(e.member))
                rewardReferral(*referrer, e, *sp, day);
        if (!s.lastActivity || *s.lastActivity < day) s.lastActivity = day;
        upgrade(s, e.member, p, sp->version, day);
    }

    // The referee's first purchase rated: the referrer earns the Referral rule's points, once (the key).
    // Referral points are spendable points, not qualifying ones; a refund of the purchase leaves them.
    void rewardReferral(std::int64_t referrer, const EventRow& e, const StoredProgramme& sp, Date day) {
        const EarningRule* rule = referralRule(sp.programme);
        if (!rule || rule->extraPoints <= 0) return;
        Posting post;
        post.memberId = referrer;
        post.kind = EntryKind::Earn;
        post.points = rule->extraPoints;
        post.key = "referral:" + std::to_string(e.member);
        post.occurredAt = e.at;
        post.localDate = day;
        if (sp.programme.expiry.kind != ExpiryKind::Never)
            post.availableOn = availableFrom(sp.programme.expiry, day);
        post.expiresOn = lotExpiry(sp.programme.expiry, day);
        // No transaction id: the entry is the referrer's, not part of the referee's order (a re-rating of
        // that order must not take it back); the note names the order.
        post.programmeVersion = sp.version;
        post.reason = "referral";
        post.note = "rule " + rule->code + ": first purchase of referred member " + std::to_string(e.member) +
                    " (transaction " + std::to_string(e.txn) + ")";
        m_ledger.reserve(1); // the chunk reserved ids for the orders' own entries only
        m_ledger.add(std::move(post));
        ++m_report.earned;
    }

    void upgrade(MemberState& s, std::int64_t member, const Programme& p, std::int64_t version, Date day) {
        const Window w = qualifyingWindow(p.ladder.window, day, s.joinDate);
        QualifyingFigures f;
        for (const DayFigures& d : s.days)
            if (d.day >= w.first && d.day <= w.last) {
                f.spendMinor += d.spend;
                f.points += d.qualifying;
            }
        const Decision d = upgradeOnActivity(p.ladder, s.tier, f);
        if (d.rank <= s.tier.rank) return;
        std::string to;
        for (const Tier& t : p.ladder.tiers)
            if (t.rank == d.rank) to = t.code;
        m_ledger.writes().changes.push_back(
            {member, s.tierCode, to, "upgrade", "entry_threshold", day, version});
        s.tierCode = to;
        s.tier.rank = d.rank;
        s.tier.graceUntil.reset();
        s.tierSince = day;
        s.tierChanged = true;
        ++m_report.upgrades;
    }

    void refund(const EventRow& e) {
        const Date day = m_run.zone.localDate(e.at);
        const StoredProgramme* sp = m_programmes.on(day);
        if (!sp) return;
        Posting post;
        post.memberId = e.member;
        post.kind = EntryKind::Reverse;
        post.spendMinor = -e.amount;
        post.key = "reverse:" + std::to_string(e.txn);
        post.occurredAt = e.at;
        post.localDate = day;
        post.transactionId = e.txn;
        post.programmeVersion = sp->version;
        post.requireCover = false;
        // The purchase's newest earn: after a re-rate, the one the current rules gave.
        std::optional<std::pair<std::string, KnownEntry>> latest;
        if (e.purchase) latest = m_ledger.latestEarn(*e.purchase);
        const std::optional<KnownEntry> earned = latest ? std::optional(latest->second) : std::nullopt;
        if (earned && e.purchaseAmount && *e.purchaseAmount > 0) {
            // In proportion to the amount, never more than is left of the purchase's points.
            const std::int64_t amount = std::min(e.amount, *e.purchaseAmount);
            const std::int64_t points = (earned->points * amount + *e.purchaseAmount / 2) / *e.purchaseAmount;
            const std::int64_t q = (earned->qualifying * amount + *e.purchaseAmount / 2) / *e.purchaseAmount;
            post.points = -std::min(points, earned->points - earned->reversed);
            post.qualifying = -std::min(q, earned->qualifying);
            post.reversesId = earned->id;
            post.preferLot = earned->id;
            post.reason = "refund";
            post.note = "refund of " + std::to_string(amount) + " of " + std::to_string(*e.purchaseAmount) +
                        " (minor units) takes back " + std::to_string(-post.points) + " points";
            m_ledger.noteReversed(latest->first, -post.points);
        } else {
            // The till did not say which purchase: the base rate on the refunded amount.
            const auto base = std::find_if(sp->programme.rules.begin(), sp->programme.rules.end(),
                                           [](const EarningRule& r) { return r.kind == RuleKind::Base; });
            const std::int64_t points =
                base == sp->programme.rules.end()
                    ? 0
                    : e.amount * base->pointsPer / std::max<std::int64_t>(1, base->unitMinor);
            post.points = -points;
            post.qualifying = -points;
            post.reason = "refund_unlinked";
            post.note = "refund without its purchase: base rate on the amount";
        }
        m_ledger.add(std::move(post));
        ++m_report.reversed;
    }

    // A corrected row: whatever its old version posted is compensated before the new one is rated.
    void compensate(std::int64_t replaced, const EventRow& e) {
        for (const std::string prefix : {"earn:", "reverse:"}) {
            std::optional<KnownEntry> entry;
            if (prefix == "earn:") {
                if (auto latest = m_ledger.latestEarn(replaced)) entry = latest->second;
            } else {
                entry = m_ledger.known(prefix + std::to_string(replaced));
            }
            if (!entry || (entry->points == 0 && entry->spend == 0)) continue;
            const Date day = m_run.zone.localDate(e.at);
            Posting post;
            post.memberId = entry->member;
            post.kind = EntryKind::Reverse;
            post.points = -(entry->points - entry->reversed);
            post.qualifying = -entry->qualifying;
            post.spendMinor = -entry->spend;
            post.key = "correct:" + std::to_string(replaced) + ":" + prefix;
            post.occurredAt = e.at;
            post.localDate = day;
            post.transactionId = replaced;
            post.reversesId = entry->id;
            post.requireCover = false;
            if (post.points < 0) post.preferLot = entry->id;
            post.reason = "correction";
            post.note = "order corrected: its earlier points are taken back before it is rated again";
            if (post.points > 0)
                if (const StoredProgramme* sp = m_programmes.on(day))
                    post.expiresOn = lotExpiry(sp->programme.expiry, day);
            m_ledger.add(std::move(post));
            ++m_report.reversed;
        }
    }

    Database& m_db;
    const LoyaltyRun& m_run;
    const ProgrammeHistory& m_programmes;
    LoyaltyRunReport& m_report;
    ChunkLedger m_ledger{m_db};
    ChunkMembership m_membership;
};

} // namespace

LoyaltyRunReport processLoyalty(Database& db, const LoyaltyRun& run) {
    return withSqlErrors(db, "Could not run the loyalty engine", [&] {
        BulkCacheBudget cache(db);
        LoyaltyRunReport report;
        const ProgrammeHistory programmes = loadProgrammeHistory(db);
        for (;;) {
            WriteTransaction tx(db);
            lockForEventConsuming(db);
            const std::int64_t from = consumerPosition(db, kLoyaltyConsumer);
            const std::int64_t newest = maxId(db, "events");
            if (newest <= from) {
                tx.commit();
                return report;
            }
            const std::int64_t to = std::min(newest, from + run.chunk);
            if (!programmes.empty()) {
                const auto rows = loadEvents(db, from, to);
                ChunkRun(db, run, programmes, report).apply(rows);
                report.events += static_cast<std::int64_t>(rows.size());
            }
            setConsumerPosition(db, kLoyaltyConsumer, to, formatTimestamp(run.now));
            tx.commit();
            if (run.progress && !run.progress({"Rating purchases", static_cast<std::uint64_t>(to),
                                               static_cast<std::uint64_t>(newest)}))
                return report;
        }
    });
}

} // namespace md::db
