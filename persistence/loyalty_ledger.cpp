// Postings, lots, balances, expiry and liability (see domain/loyalty/ledger.h for the model).
#include "persistence/loyalty_repository.h"

#include "domain/events.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_engine.h"
#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>
#include <limits>

namespace md::db {

using namespace loyalty;

namespace {

bool spendableOn(const Lot& l, Date day) {
    return l.availableOn <= day && (!l.expiresOn || *l.expiresOn >= day);
}

// The member's points row, created on first use and locked (PostgreSQL: FOR UPDATE) so postings to one
// member run one after the other; SQLite's BEGIN IMMEDIATE already admits one writer.
struct PointsRow {
    std::int64_t balance = 0, owed = 0;
};
PointsRow lockPoints(Database& db, std::int64_t memberId, const std::string& now) {
    long long m = memberId;
    std::string at = now;
    db.sql() << "INSERT INTO member_points (member_id, balance, qualifying, owed, updated_at) "
                "VALUES (:m, 0, 0, 0, :at) ON CONFLICT (member_id) DO NOTHING",
        soci::use(m), soci::use(at);
    PointsRow row;
    QueryArgs()
        .integer("m", memberId)
        .forEachRow(db.sql(),
                    "SELECT p.balance, p.owed FROM member_points p WHERE p.member_id = :m" +
                        db.dialect().forUpdateOf("p"),
                    [&](const soci::row& r) {
                        row = {rowInt(r, 0), rowInt(r, 1)};
                    });
    return row;
}

void insertDraw(Database& db, std::int64_t entryId, std::int64_t lotId, std::int64_t memberId,
                std::int64_t points, const std::string& now) {
    long long e = entryId, l = lotId, m = memberId, p = points;
    std::string at = now;
    db.sql() << "INSERT INTO points_draws (entry_id, lot_id, member_id, points, recorded_at) "
                "VALUES (:e, :l, :m, :p, :at)",
        soci::use(e), soci::use(l), soci::use(m), soci::use(p), soci::use(at);
}

// A new lot pays off what the member owes: the oldest short negative entries first.
std::int64_t payOff(Database& db, std::int64_t memberId, std::int64_t lotId, std::int64_t lotPoints,
                    std::int64_t owed, const std::string& now) {
    struct Short {
        std::int64_t entry, missing;
    };
    std::vector<Short> shorts;
    QueryArgs()
        .integer("m", memberId)
        .integer("m2", memberId)
        .forEachRow(
            db.sql(),
            "SELECT e.id, -e.points - COALESCE(d.drawn, 0) FROM points_ledger e LEFT JOIN (SELECT entry_id, "
            "SUM(points) AS drawn FROM points_draws WHERE member_id = :m GROUP BY entry_id) d ON d.entry_id "
            "= e.id "
            "WHERE e.member_id = :m2 AND e.points < 0 ORDER BY e.id",
            [&](const soci::row& r) {
                if (rowInt(r, 1) > 0) shorts.push_back({rowInt(r, 0), rowInt(r, 1)});
            });
    std::int64_t left = lotPoints, paid = 0;
    for (const Short& s : shorts) {
        if (left == 0 || paid == owed) break;
        const std::int64_t take = std::min({left, s.missing, owed - paid});
        insertDraw(db, s.entry, lotId, memberId, take, now);
        left -= take;
        paid += take;
    }
    return paid;
}

} // namespace

std::vector<Lot> openLots(Database& db, std::int64_t memberId) {
    std::vector<Lot> lots;
    QueryArgs()
        .integer("m", memberId)
        .integer("m2", memberId)
        .forEachRow(db.sql(),
                    "SELECT l.id, l.points, l.points - COALESCE(d.drawn, 0), l.local_date, l.available_on, "
                    "l.expires_on "
                    "FROM points_ledger l LEFT JOIN (SELECT lot_id, SUM(points) AS drawn FROM points_draws "
                    "WHERE member_id = :m GROUP BY lot_id) d ON d.lot_id = l.id WHERE l.member_id = :m2 AND "
                    "l.points > 0",
                    [&](const soci::row& r) {
                        if (rowInt(r, 2) <= 0) return;
                        Lot lot;
                        lot.entryId = rowInt(r, 0);
                        lot.points = rowInt(r, 1);
                        lot.remaining = rowInt(r, 2);
                        lot.earnedOn = rowDate(r, 3);
                        lot.availableOn = rowOptDate(r, 4).value_or(lot.earnedOn);
                        lot.expiresOn = rowOptDate(r, 5);
                        lots.push_back(lot);
                    });
    std::sort(lots.begin(), lots.end(), [](const Lot& a, const Lot& b) {
        if (a.expiresOn != b.expiresOn) {
            if (!a.expiresOn) return false;
            if (!b.expiresOn) return true;
            return *a.expiresOn < *b.expiresOn;
        }
        return a.entryId < b.entryId;
    });
    return lots;
}

PostResult SociLoyaltyRepository::post(const Posting& p, const std::string& actor, Timestamp now) {
    return withSqlErrors(m_db, "Could not post points", [&] {
        const std::string at = formatTimestamp(now);
        WriteTransaction tx(m_db);
        lockForEventWriting(m_db);
        const PointsRow row = lockPoints(m_db, p.memberId, at);
        // Under the member's lock: a second posting with the same key (a retry, a re-import, another
        // process) finds the first one and writes nothing.
        if (auto earlier = entryByKey(p.key)) {
            tx.commit();
            return PostResult{PostStatus::Duplicate, earlier->id, 0};
        }
        std::vector<Lot> lots = openLots(m_db, p.memberId);
        std::int64_t inLots = 0;
        for (const Lot& l : lots)
            if (spendableOn(l, p.localDate)) inLots += l.remaining;
        const std::int64_t spendable = std::max<std::int64_t>(0, inLots - row.owed);
        if (p.points < 0 && p.requireCover && spendable < -p.points) {
            tx.commit();
            return PostResult{PostStatus::Short, 0, spendable};
        }

        const std::int64_t id = insertLedgerEntry(m_db, p, actor, at);
        std::int64_t owed = row.owed;
        if (p.points > 0 && owed > 0) owed -= payOff(m_db, p.memberId, id, p.points, owed, at);
        if (p.points < 0) {
            std::int64_t need = -p.points;
            const auto draw = [&](const Lot& l) {
                const std::int64_t take = std::min(need, l.remaining);
                if (take <= 0) return;
                insertDraw(m_db, id, l.entryId, p.memberId, take, at);
                need -= take;
            };
            if (p.preferLot)
                for (const Lot& l : lots)
                    if (l.entryId == *p.preferLot) draw(l);
            if (p.kind != EntryKind::Expire)
                for (const Lot& l : lots) {
                    if (l.entryId == p.preferLot || need == 0) continue;
                    if (p.kind == EntryKind::Reverse || spendableOn(l, p.localDate)) draw(l);
                }
            owed += need; // what no lot covered
        }
        long long m = p.memberId, delta = p.points, q = p.qualifying, o = owed;
        std::string day = formatDate(p.localDate), kind = toCode(p.kind);
        m_db.sql()
            << "UPDATE member_points SET balance = balance + :d, qualifying = qualifying + :q, owed = :o, "
               "last_activity = CASE WHEN :k = 'earn' AND (last_activity IS NULL OR last_activity < :day) "
               "THEN :day2 ELSE last_activity END, updated_at = :at WHERE member_id = :m",
            soci::use(delta, "d"), soci::use(q, "q"), soci::use(o, "o"), soci::use(kind, "k"),
            soci::use(day, "day"), soci::use(day, "day2"), soci::use(at, "at"), soci::use(m, "m");

        Event e;
        e.type = event::kPointsPosted;
        e.memberId = p.memberId;
        e.entityId = id;
        e.occurredAt = p.occurredAt;
        e.recordedAt = now;
        e.actor = actor;
        e.payload = "{\"kind\":\"" + toCode(p.kind) + "\",\"points\":" + std::to_string(p.points) + "}";
        SociEventLog(m_db).append(std::move(e));
        tx.commit();
        // Afterwards: a debit takes from what was spendable; a credit pays off what is owed first, and
        // the rest is spendable now unless it is pending (available later).
        std::int64_t after = spendable;
        if (p.points < 0)
            after = spendable + p.points;
        else if (!p.availableOn || *p.availableOn <= p.localDate)
            after = std::max<std::int64_t>(0, inLots + p.points - row.owed);
        return PostResult{PostStatus::Posted, id, after};
    });
}

Balance SociLoyaltyRepository::balance(std::int64_t memberId, Date day, int expiringSoonDays) {
    return withSqlErrors(m_db, "Could not read the points balance", [&] {
        Balance b;
        QueryArgs()
            .integer("m", memberId)
            .forEachRow(m_db.sql(),
                        "SELECT balance, qualifying, owed FROM member_points WHERE member_id = :m",
                        [&](const soci::row& r) {
                            b.total = rowInt(r, 0);
                            b.qualifying = rowInt(r, 1);
                            b.owed = rowInt(r, 2);
                        });
        b.expired = -QueryArgs()
                         .integer("m", memberId)
                         .scalar(m_db.sql(), "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE "
                                             "member_id = :m AND kind = 'expire'");
        const Date soon = day + std::chrono::days(expiringSoonDays);
        for (Lot& l : openLots(m_db, memberId)) {
            if (l.expiresOn && *l.expiresOn < day) continue; // expired, waiting for `points expire`
            if (l.availableOn > day) {
                b.pending += l.remaining;
            } else {
                b.spendable += l.remaining;
                if (l.expiresOn && *l.expiresOn <= soon) b.expiringSoon += l.remaining;
                if (l.expiresOn && (!b.nextExpiry || *l.expiresOn < *b.nextExpiry))
                    b.nextExpiry = l.expiresOn;
            }
            b.lots.push_back(l);
        }
        b.spendable = std::max<std::int64_t>(0, b.spendable - b.owed);
        return b;
    });
}

std::vector<LedgerEntry> SociLoyaltyRepository::entries(std::int64_t memberId, std::int64_t beforeId,
                                                        int limit) {
    return withSqlErrors(m_db, "Could not read the points ledger", [&] {
        std::vector<LedgerEntry> out;
        QueryArgs()
            .integer("m", memberId)
            .integer("b", beforeId > 0 ? beforeId : std::numeric_limits<long long>::max())
            .integer("n", limit)
            .forEachRow(m_db.sql(),
                        std::string("SELECT ") + kLedgerColumns +
                            " FROM points_ledger WHERE member_id = :m AND id < :b ORDER BY id DESC LIMIT :n",
                        [&](const soci::row& r) { out.push_back(ledgerEntryFromRow(r)); });
        return out;
    });
}

std::int64_t SociLoyaltyRepository::entryCount(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the points ledger", [&] {
        return QueryArgs()
            .integer("m", memberId)
            .scalar(m_db.sql(), "SELECT COUNT(*) FROM points_ledger WHERE member_id = :m");
    });
}

std::optional<LedgerEntry> SociLoyaltyRepository::entryByKey(const std::string& key) {
    return withSqlErrors(m_db, "Could not read the points ledger", [&] {
        std::optional<LedgerEntry> out;
        QueryArgs().text("k", key).forEachRow(m_db.sql(),
                                              std::string("SELECT ") + kLedgerColumns +
                                                  " FROM points_ledger WHERE idempotency_key = :k",
                                              [&](const soci::row& r) { out = ledgerEntryFromRow(r); });
        return out;
    });
}

std::vector<BalanceMismatch> SociLoyaltyRepository::checkBalances() {
    return withSqlErrors(m_db, "Could not check the points balances", [&] {
        std::vector<BalanceMismatch> out;
        // Both directions: a cached row without ledger entries, and ledger entries without a cached row.
        QueryArgs().forEachRow(
            m_db.sql(),
            "SELECT x.member_id, m.card_no, x.cached, x.ledger FROM ("
            "SELECT COALESCE(p.member_id, l.member_id) AS member_id, COALESCE(p.balance, 0) AS cached, "
            "COALESCE(l.total, 0) AS ledger FROM member_points p FULL OUTER JOIN (SELECT member_id, "
            "SUM(points) "
            "AS total FROM points_ledger GROUP BY member_id) l ON l.member_id = p.member_id) x "
            "JOIN members m ON m.id = x.member_id WHERE x.cached <> x.ledger ORDER BY m.card_no",
            [&](const soci::row& r) {
                out.push_back({rowInt(r, 0), rowText(r, 1), rowInt(r, 2), rowInt(r, 3)});
            });
        return out;
    });
}

std::int64_t SociLoyaltyRepository::expire(Date asOf, int rollingDays, const std::string& actor,
                                           Timestamp now) {
    return withSqlErrors(m_db, "Could not expire points",
                         [&] { return expireLots(m_db, asOf, rollingDays, actor, now); });
}

std::vector<ExpiringPoints> SociLoyaltyRepository::expiring(Date from, Date to, int limit) {
    return withSqlErrors(m_db, "Could not list expiring points", [&] {
        std::vector<ExpiringPoints> out;
        QueryArgs()
            .text("f", formatDate(from))
            .text("t", formatDate(to))
            .text("f2", formatDate(from))
            .integer("n", limit)
            .forEachRow(
                m_db.sql(),
                "SELECT m.id, m.card_no, m.name, SUM(x.left_points), MIN(x.expires_on) FROM (SELECT "
                "l.member_id, l.expires_on, l.points - COALESCE((SELECT SUM(d.points) FROM points_draws d "
                "WHERE d.lot_id = l.id), 0) AS left_points FROM points_ledger l WHERE l.points > 0 AND "
                "l.expires_on >= :f AND l.expires_on <= :t AND (l.available_on IS NULL OR "
                "l.available_on <= :f2)) x JOIN members m ON m.id = x.member_id WHERE x.left_points > 0 "
                "GROUP BY m.id, m.card_no, m.name ORDER BY SUM(x.left_points) DESC, m.card_no LIMIT :n",
                [&](const soci::row& r) {
                    out.push_back({rowInt(r, 0), rowText(r, 1), rowText(r, 2), rowInt(r, 3), rowDate(r, 4)});
                });
        return out;
    });
}

Liability SociLoyaltyRepository::liability(Date asOf) {
    return withSqlErrors(m_db, "Could not compute the points liability", [&] {
        // On asOf: every entry dated on or before it, less what was still left that day in lots already
        // past their last day whose expire entry is dated later (the expiry job ran after asOf).
        Liability l;
        l.asOf = asOf;
        const std::string d = formatDate(asOf);
        QueryArgs().text("d", d).forEachRow(m_db.sql(),
                                            "SELECT COALESCE(SUM(points), 0), COUNT(DISTINCT member_id) FROM "
                                            "points_ledger WHERE local_date <= :d",
                                            [&](const soci::row& r) {
                                                l.points = rowInt(r, 0);
                                                l.members = rowInt(r, 1);
                                            });
        l.points -= QueryArgs().text("d1", d).text("d2", d).text("d3", d).scalar(
            m_db.sql(), "SELECT COALESCE(SUM(l.points - COALESCE((SELECT SUM(x.points) FROM points_draws x "
                        "JOIN points_ledger e "
                        "ON e.id = x.entry_id WHERE x.lot_id = l.id AND e.local_date <= :d1), 0)), 0) FROM "
                        "points_ledger l "
                        "WHERE l.points > 0 AND l.expires_on < :d2 AND l.local_date <= :d3");
        return l;
    });
}

} // namespace md::db
