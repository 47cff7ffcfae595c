#include "persistence/loyalty_engine_state.h"

#include "persistence/bulk_loader.h"
#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"

#include <soci/soci.h>

#include <algorithm>

namespace md::db {

using namespace loyalty;

namespace {

constexpr const char* kChunkMembers = "md_engine_members";

std::optional<Date> optDate(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto d = parseDate(text);
    return d ? std::optional(d.value()) : std::nullopt;
}

std::optional<std::string> optText(const std::optional<Date>& d) {
    return d ? std::optional(formatDate(*d)) : std::nullopt;
}

void addDay(MemberState& s, Date day, std::int64_t spend, std::int64_t qualifying) {
    auto it = std::lower_bound(s.days.begin(), s.days.end(), day,
                               [](const DayFigures& d, Date x) { return d.day < x; });
    if (it != s.days.end() && it->day == day) {
        it->spend += spend;
        it->qualifying += qualifying;
    } else {
        s.days.insert(it, {day, spend, qualifying});
    }
}

} // namespace

std::int64_t ChunkLedger::add(Posting p) {
    const std::int64_t id = m_ids.at(m_writes.entries.size());
    MemberState& s = m_states[p.memberId];
    if (p.points > 0) {
        std::int64_t left = p.points;
        // A new lot first pays off what the member owes.
        for (EngineShort& sh : s.shorts) {
            if (left == 0) break;
            const std::int64_t take = std::min(left, sh.missing);
            if (take == 0) continue;
            m_writes.draws.push_back({sh.entryId, id, p.memberId, take});
            sh.missing -= take;
            left -= take;
            s.owed -= take;
        }
        std::erase_if(s.shorts, [](const EngineShort& sh) { return sh.missing == 0; });
        if (left > 0) s.lots.push_back({id, left, p.expiresOn});
    } else if (p.points < 0) {
        std::int64_t need = -p.points;
        const auto draw = [&](EngineLot& l) {
            const std::int64_t take = std::min(need, l.remaining);
            if (take <= 0) return;
            m_writes.draws.push_back({id, l.id, p.memberId, take});
            l.remaining -= take;
            need -= take;
        };
        if (p.preferLot)
            for (EngineLot& l : s.lots)
                if (l.id == *p.preferLot) draw(l);
        std::stable_sort(s.lots.begin(), s.lots.end(), [](const EngineLot& a, const EngineLot& b) {
            if (a.expiresOn == b.expiresOn) return a.id < b.id;
            if (!a.expiresOn || !b.expiresOn) return b.expiresOn == std::nullopt;
            return *a.expiresOn < *b.expiresOn;
        });
        for (EngineLot& l : s.lots)
            if (need > 0) draw(l);
        std::erase_if(s.lots, [](const EngineLot& l) { return l.remaining == 0; });
        if (need > 0) {
            s.shorts.push_back({id, need});
            s.owed += need;
        }
    }
    s.balance += p.points;
    s.qualifying += p.qualifying;
    addDay(s, p.localDate, p.spendMinor, p.qualifying);
    m_known[p.key] = {id, p.memberId, p.points, p.qualifying, p.spendMinor, 0};
    // An order's own points (not, say, a referral reward that names the order that triggered it).
    if (p.kind == EntryKind::Earn && p.transactionId && (p.reason == "purchase" || p.reason == "rerate"))
        m_latestEarn[*p.transactionId] = p.key;
    m_net += p.points;
    m_writes.entries.push_back(std::move(p));
    m_writes.entryIds.push_back(id);
    return id;
}

void ChunkLedger::load(const std::vector<std::int64_t>& members, Date windowStart, const std::string& now,
                       std::size_t maxEntries) {
    m_states = loadMemberStates(m_db, members, windowStart, now);
    m_ids = reserveIds(m_db, "points_ledger", maxEntries);
}

void ChunkLedger::reserve(std::size_t n) {
    // SQLite numbers from MAX(id), which ids reserved earlier in this chunk are not yet part of:
    // continue after them instead.
    if (!m_ids.empty() && !m_db.dialect().isPostgres()) {
        const std::int64_t next = m_ids.back() + 1;
        for (std::size_t i = 0; i < n; ++i)
            m_ids.push_back(next + static_cast<std::int64_t>(i));
        return;
    }
    const auto more = reserveIds(m_db, "points_ledger", n);
    m_ids.insert(m_ids.end(), more.begin(), more.end());
}

std::optional<KnownEntry> ChunkLedger::known(const std::string& key) {
    if (auto it = m_known.find(key); it != m_known.end()) return it->second;
    std::optional<KnownEntry> out;
    QueryArgs().text("k", key).forEachRow(
        m_db.sql(),
        "SELECT id, member_id, points, qualifying, spend_minor FROM points_ledger WHERE idempotency_key = :k",
        [&](const soci::row& r) {
            out = KnownEntry{rowInt(r, 0), rowInt(r, 1), rowInt(r, 2), rowInt(r, 3), rowInt(r, 4), 0};
        });
    if (!out) return out;
    out->reversed = -QueryArgs()
                         .integer("e", out->id)
                         .scalar(m_db.sql(), "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE "
                                             "reverses_id = :e AND kind = 'reverse'");
    m_known[key] = *out;
    return out;
}

std::optional<std::pair<std::string, KnownEntry>> ChunkLedger::latestEarn(std::int64_t transactionId) {
    if (const auto it = m_latestEarn.find(transactionId); it != m_latestEarn.end())
        return std::pair(it->second, m_known.at(it->second));
    std::optional<std::string> key;
    QueryArgs()
        .integer("t", transactionId)
        .forEachRow(m_db.sql(),
                    "SELECT idempotency_key FROM points_ledger WHERE transaction_id = :t AND kind = 'earn' "
                    "AND reason IN "
                    "('purchase', 'rerate') "
                    "ORDER BY id DESC "
                    "LIMIT 1",
                    [&](const soci::row& r) { key = rowText(r, 0); });
    if (!key) return std::nullopt;
    auto entry = known(*key);
    if (!entry) return std::nullopt;
    m_latestEarn[transactionId] = *key;
    return std::pair(*key, *entry);
}

void ChunkLedger::write(const std::string& actor, const std::string& now) {
    writeChunk(m_db, m_writes, m_states, actor, now);
}

std::unordered_map<std::int64_t, MemberState> loadMemberStates(Database& db,
                                                               const std::vector<std::int64_t>& members,
                                                               Date windowStart, const std::string& now) {
    std::unordered_map<std::int64_t, MemberState> states;
    if (members.empty()) return states;
    TempTable ids(db, kChunkMembers, "SELECT member_id FROM member_points");
    BulkWriter w(db, ids.name(), {{"member_id", ColumnType::Integer}}, 50000);
    for (const std::int64_t m : members)
        w.integer(m).endRow();
    w.flush();
    ids.analyze();
    const std::string t = ids.name();

    // Every touched member gets a points row, then all are locked in id order (no deadlock between two
    // engines or with a person's posting, which locks one row).
    // A plain statement: run through a row-returning path, SOCI on PostgreSQL spent seconds per chunk here.
    std::string at = now;
    db.sql() << "INSERT INTO member_points (member_id, balance, qualifying, owed, updated_at) SELECT "
                "member_id, 0, 0, "
                "0, :at FROM " +
                    t + " WHERE 1 = 1 ON CONFLICT (member_id) DO NOTHING",
        soci::use(at);
    QueryArgs().forEachRow(
        db.sql(),
        "SELECT p.member_id, p.balance, p.qualifying, p.owed, p.last_activity FROM member_points p "
        "JOIN " +
            t + " c ON c.member_id = p.member_id ORDER BY p.member_id" + db.dialect().forUpdateOf("p"),
        [&](const soci::row& r) {
            MemberState& s = states[rowInt(r, 0)];
            s.balance = rowInt(r, 1);
            s.qualifying = rowInt(r, 2);
            s.owed = rowInt(r, 3);
            s.lastActivity = optDate(rowText(r, 4));
        });
    QueryArgs().forEachRow(db.sql(),
                           "SELECT m.id, m.birthday, m.join_date FROM members m JOIN " + t +
                               " c ON c.member_id = m.id",
                           [&](const soci::row& r) {
                               MemberState& s = states[rowInt(r, 0)];
                               s.birthday = optDate(rowText(r, 1));
                               if (auto d = optDate(rowText(r, 2))) s.joinDate = *d;
                           });
    QueryArgs().forEachRow(
        db.sql(),
        "SELECT mt.member_id, mt.tier_code, mt.grace_until, mt.override_tier, mt.override_until "
        "FROM member_tiers mt JOIN " +
            t + " c ON c.member_id = mt.member_id",
        [&](const soci::row& r) {
            MemberState& s = states[rowInt(r, 0)];
            s.tierCode = rowText(r, 1);
            s.tier.graceUntil = optDate(rowText(r, 2));
            s.overrideCode = rowOptText(r, 3);
            s.tier.overrideUntil = optDate(rowText(r, 4));
        });
    // What is left of each lot. The draws are read member by member, each member's in lot order: SQLite
    // keeps CROSS JOIN's order as written, and otherwise walked every draw of the ledger by lot to save a
    // sort. Both sides are index-only (007_lot_indexes.sql).
    const std::string drawn = "SELECT x.lot_id, SUM(x.points) AS drawn FROM " + t +
                              " c2 CROSS JOIN points_draws x WHERE x.member_id = c2.member_id GROUP BY "
                              "c2.member_id, x.lot_id";
    QueryArgs().forEachRow(
        db.sql(),
        "SELECT l.member_id, l.id, l.points - COALESCE(d.drawn, 0), l.expires_on FROM points_ledger l JOIN " +
            t + " c ON c.member_id = l.member_id LEFT JOIN (" + drawn +
            ") d ON d.lot_id = l.id WHERE l.points > 0",
        [&](const soci::row& r) {
            if (rowInt(r, 2) <= 0) return;
            states[rowInt(r, 0)].lots.push_back({rowInt(r, 1), rowInt(r, 2), optDate(rowText(r, 3))});
        });
    QueryArgs().forEachRow(
        db.sql(),
        // Driven from the chunk's members who owe anything (few): their negative entries
        // and what was drawn for each, by the entry index.
        "SELECT e.member_id, e.id, -e.points - COALESCE((SELECT SUM(x.points) FROM points_draws x "
        "WHERE x.entry_id = e.id), 0) FROM " +
            t +
            " c JOIN member_points p ON p.member_id = "
            "c.member_id AND p.owed > 0 JOIN points_ledger e ON e.member_id = c.member_id "
            "WHERE e.points < 0 ORDER BY e.id",
        [&](const soci::row& r) {
            if (rowInt(r, 2) > 0) states[rowInt(r, 0)].shorts.push_back({rowInt(r, 1), rowInt(r, 2)});
        });
    QueryArgs().forEachRow(db.sql(),
                           "SELECT u.member_id, u.rule, u.period_key, u.points FROM rule_usage u JOIN " + t +
                               " c ON c.member_id = u.member_id",
                           [&](const soci::row& r) {
                               states[rowInt(r, 0)].usage[{rowText(r, 1), rowText(r, 2)}] = rowInt(r, 3);
                           });
    QueryArgs()
        .text("w", formatDate(windowStart))
        .forEachRow(
            db.sql(),
            "SELECT l.member_id, l.local_date, SUM(l.spend_minor), SUM(l.qualifying) FROM points_ledger l "
            "JOIN " +
                t +
                " c ON c.member_id = l.member_id WHERE l.local_date >= :w GROUP BY l.member_id, l.local_date "
                "ORDER BY l.member_id, l.local_date",
            [&](const soci::row& r) {
                if (auto d = optDate(rowText(r, 1)))
                    states[rowInt(r, 0)].days.push_back({*d, rowInt(r, 2), rowInt(r, 3)});
            });
    ids.drop();
    return states;
}

std::int64_t loadUsage(Database& db, const std::string& rule, const std::string& period,
                       std::int64_t member) {
    return QueryArgs()
        .text("r", rule)
        .text("p", period)
        .integer("m", member)
        .scalar(db.sql(), "SELECT COALESCE(SUM(points), 0) FROM rule_usage WHERE rule = :r AND period_key = "
                          ":p AND member_id = :m");
}

std::vector<std::int64_t> reserveIds(Database& db, const std::string& table, std::size_t n) {
    std::vector<std::int64_t> ids;
    ids.reserve(n);
    if (n == 0) return ids;
    if (db.dialect().isPostgres()) {
        // From the identity's own sequence, so rows other sessions insert meanwhile never collide. One
        // row holding every id: fetching n rows one by one through SOCI costs far more than the ids.
        std::string list;
        QueryArgs()
            .integer("n", static_cast<long long>(n))
            .forEachRow(db.sql(),
                        "SELECT string_agg(CAST(nextval(pg_get_serial_sequence('" + table +
                            "', 'id')) AS TEXT), ',') FROM generate_series(1, :n)",
                        [&](const soci::row& r) { list = rowText(r, 0); });
        for (std::size_t at = 0; at < list.size();) {
            std::size_t end = list.find(',', at);
            if (end == std::string::npos) end = list.size();
            ids.push_back(std::stoll(list.substr(at, end - at)));
            at = end + 1;
        }
        std::sort(ids.begin(), ids.end());
    } else {
        // SQLite: this transaction holds the only write lock; the next ids are simply the next numbers.
        const std::int64_t first =
            QueryArgs().scalar(db.sql(), "SELECT COALESCE(MAX(id), 0) FROM " + table) + 1;
        for (std::size_t i = 0; i < n; ++i)
            ids.push_back(first + static_cast<std::int64_t>(i));
    }
    return ids;
}

void writeChunk(Database& db, const ChunkWrites& w,
                const std::unordered_map<std::int64_t, MemberState>& states, const std::string& actor,
                const std::string& now) {
    {
        BulkWriter ledger(db, "points_ledger",
                          {{"id", ColumnType::Integer},
                           {"member_id", ColumnType::Integer},
                           {"kind"},
                           {"points", ColumnType::Integer},
                           {"qualifying", ColumnType::Integer},
                           {"spend_minor", ColumnType::Integer},
                           {"occurred_at"},
                           {"local_date"},
                           {"available_on"},
                           {"expires_on"},
                           {"idempotency_key"},
                           {"transaction_id", ColumnType::Integer},
                           {"reverses_id", ColumnType::Integer},
                           {"programme_version", ColumnType::Integer},
                           {"reason"},
                           {"note"},
                           {"breakdown"},
                           {"actor"},
                           {"recorded_at"}},
                          0);
        const auto optInt = [&](BulkWriter& b, const std::optional<std::int64_t>& v) {
            if (v)
                b.integer(*v);
            else
                b.null();
        };
        for (std::size_t i = 0; i < w.entries.size(); ++i) {
            const Posting& p = w.entries[i];
            ledger.integer(w.entryIds[i]).integer(p.memberId).text(toCode(p.kind)).integer(p.points);
            ledger.integer(p.qualifying).integer(p.spendMinor).text(formatTimestamp(p.occurredAt));
            ledger.text(formatDate(p.localDate)).text(optText(p.availableOn)).text(optText(p.expiresOn));
            ledger.text(p.key);
            optInt(ledger, p.transactionId);
            optInt(ledger, p.reversesId);
            optInt(ledger, p.programmeVersion);
            ledger.text(p.reason).text(p.note).text(p.breakdown).text(actor).text(now).endRow();
        }
        ledger.flush();
    }
    {
        BulkWriter draws(db, "points_draws",
                         {{"entry_id", ColumnType::Integer},
                          {"lot_id", ColumnType::Integer},
                          {"member_id", ColumnType::Integer},
                          {"points", ColumnType::Integer},
                          {"recorded_at"}},
                         50000);
        for (const auto& d : w.draws)
            draws.integer(d.entry).integer(d.lot).integer(d.member).integer(d.points).text(now).endRow();
        draws.flush();
    }
    if (!w.changes.empty()) {
        const auto ids = reserveIds(db, "tier_changes", w.changes.size());
        BulkWriter changes(db, "tier_changes",
                           {{"id", ColumnType::Integer},
                            {"member_id", ColumnType::Integer},
                            {"from_tier"},
                            {"to_tier"},
                            {"reason"},
                            {"rule"},
                            {"changed_on"},
                            {"programme_version", ColumnType::Integer},
                            {"actor"},
                            {"recorded_at"}},
                           0);
        BulkWriter events(db, "events",
                          {{"type"},
                           {"member_id", ColumnType::Integer},
                           {"entity_id", ColumnType::Integer},
                           {"occurred_at"},
                           {"recorded_at"},
                           {"actor"},
                           {"payload"}},
                          0);
        for (std::size_t i = 0; i < w.changes.size(); ++i) {
            const auto& c = w.changes[i];
            changes.integer(ids[i]).integer(c.member).text(c.from).text(c.to).text(c.reason).text(c.rule);
            changes.text(formatDate(c.on)).integer(c.version).text(actor).text(now).endRow();
            events.text("tier_changed")
                .integer(c.member)
                .integer(ids[i])
                .text(formatDate(c.on) + "T00:00:00Z");
            events.text(now).text(actor).text("{\"from\":\"" + c.from + "\",\"to\":\"" + c.to +
                                              "\",\"reason\":\"" + c.reason + "\"}");
            events.endRow();
        }
        changes.flush();
        events.flush();
    }
    {
        TempTable usage(db, "md_engine_usage", "SELECT rule, period_key, member_id, points FROM rule_usage");
        BulkWriter u(
            db, usage.name(),
            {{"rule"}, {"period_key"}, {"member_id", ColumnType::Integer}, {"points", ColumnType::Integer}},
            50000);
        for (const auto& [key, points] : w.usage)
            u.text(std::get<0>(key))
                .text(std::get<1>(key))
                .integer(std::get<2>(key))
                .integer(points)
                .endRow();
        u.flush();
        db.sql() << "INSERT INTO rule_usage (rule, period_key, member_id, points) SELECT rule, period_key, "
                    "member_id, points FROM " +
                        usage.name() +
                        " WHERE 1 = 1 ON CONFLICT (rule, period_key, member_id) DO UPDATE SET points = "
                        "excluded.points";
        usage.drop();
    }
    {
        TempTable pts(db, "md_engine_points",
                      "SELECT member_id, balance, qualifying, owed, last_activity FROM member_points");
        BulkWriter p(db, pts.name(),
                     {{"member_id", ColumnType::Integer},
                      {"balance", ColumnType::Integer},
                      {"qualifying", ColumnType::Integer},
                      {"owed", ColumnType::Integer},
                      {"last_activity"}},
                     50000);
        TempTable tiers(db, "md_engine_tiers",
                        "SELECT member_id, tier_code, tier_rank, since FROM member_tiers");
        BulkWriter t(db, tiers.name(),
                     {{"member_id", ColumnType::Integer},
                      {"tier_code"},
                      {"tier_rank", ColumnType::Integer},
                      {"since"}},
                     50000);
        for (const auto& [member, s] : states) {
            p.integer(member)
                .integer(s.balance)
                .integer(s.qualifying)
                .integer(s.owed)
                .text(optText(s.lastActivity));
            p.endRow();
            if (s.tierChanged)
                t.integer(member)
                    .text(s.tierCode)
                    .integer(s.tier.rank)
                    .text(formatDate(s.tierSince))
                    .endRow();
        }
        p.flush();
        t.flush();
        pts.analyze();
        std::string at = now, at2 = now;
        db.sql() << "UPDATE member_points SET balance = x.balance, qualifying = x.qualifying, owed = x.owed, "
                    "last_activity = x.last_activity, updated_at = :at FROM " +
                        pts.name() + " x WHERE member_points.member_id = x.member_id",
            soci::use(at);
        db.sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, updated_at) SELECT "
                    "member_id, "
                    "tier_code, tier_rank, since, :at FROM " +
                        tiers.name() +
                        " WHERE 1 = 1 ON CONFLICT (member_id) DO UPDATE SET tier_code = excluded.tier_code, "
                        "tier_rank = excluded.tier_rank, since = excluded.since, grace_until = NULL, "
                        "updated_at = excluded.updated_at",
            soci::use(at2);
        pts.drop();
        tiers.drop();
    }
}

} // namespace md::db
