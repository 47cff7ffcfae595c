#include "persistence/segment_sql.h"

#include <soci/soci.h>

#include <algorithm>
#include <stdexcept>

namespace md::db {

using namespace segments;
using std::chrono::days;

namespace {

const char* sqlOp(Op op) {
    switch (op) {
    case Op::Eq:
        return " = ";
    case Op::Ne:
        return " <> ";
    case Op::Lt:
        return " < ";
    case Op::Le:
        return " <= ";
    case Op::Gt:
        return " > ";
    case Op::Ge:
        return " >= ";
    case Op::In:
        return " IN ";
    case Op::NotIn:
        return " NOT IN ";
    }
    return " = ";
}

// today minus n years; 29 February becomes 28 February in a year without it.
Date yearsBefore(Date today, std::int64_t n) {
    using namespace std::chrono;
    const year_month_day ymd{today};
    year_month_day back{ymd.year() - years(n), ymd.month(), ymd.day()};
    if (!back.ok()) back = year_month_day_last{back.year(), month_day_last{back.month()}};
    return sys_days{back};
}

class Compiler {
public:
    Compiler(CompiledSegment& out, const SegmentQuery& q, const SqlDialect& d) : m_out(out), m_q(q), m_d(d) {}

    std::string node(const Node& n) {
        switch (n.kind) {
        case Node::Kind::Leaf:
            return leaf(n.leaf);
        case Node::Kind::Not:
            return "NOT " + node(n.children.at(0));
        case Node::Kind::And:
        case Node::Kind::Or: {
            std::string out = "(";
            for (std::size_t i = 0; i < n.children.size(); ++i)
                out += (i ? (n.kind == Node::Kind::And ? " AND " : " OR ") : "") + node(n.children[i]);
            return out + ")";
        }
        }
        throw std::logic_error("unknown rule node kind");
    }

    std::string text(const std::string& v) {
        const std::string name = "v" + std::to_string(m_n++);
        m_out.args.text(name, v);
        return ":" + name;
    }
    std::string integer(std::int64_t v) {
        const std::string name = "v" + std::to_string(m_n++);
        m_out.args.integer(name, v);
        return ":" + name;
    }
    std::string date(Date d) { return text(formatDate(d)); }
    /// The UTC instant the programme's local day d starts, as stored instants are written.
    std::string dayStart(Date d) {
        return text(formatTimestamp(m_q.zone.fromLocal(LocalSeconds(d.time_since_epoch()))));
    }

private:
    CompiledSegment& m_out;
    const SegmentQuery& m_q;
    const SqlDialect& m_d;
    int m_n = 0;

    std::string leaf(const Condition& c) {
        const std::string_view f = c.spec->name;
        if (f == "store") return textCondition("COALESCE(m.home_store, '')", c);
        if (f == "gender") return textCondition("m.gender", c);
        if (f == "status") return textCondition("m.status", c);
        if (f == "tier") return tier(c);
        if (f == "email_consent")
            return "(m.email_consent" + std::string(sqlOp(c.op)) + integer(c.number) + ")";
        if (f == "sms_consent") return "(m.sms_consent" + std::string(sqlOp(c.op)) + integer(c.number) + ")";
        if (f == "join_date")
            return "(m.join_date" + std::string(sqlOp(c.op)) + date(Date(days(c.number))) + ")";
        if (f == "orders") return "(m.orders" + std::string(sqlOp(c.op)) + integer(c.number) + ")";
        if (f == "revenue") return "(m.revenue_minor" + std::string(sqlOp(c.op)) + integer(c.number) + ")";
        if (f == "points_balance") return points(c);
        if (f == "age") return age(c);
        if (f == "birthday_within_days") return birthdayWithin(c.number);
        if (f == "last_purchase_days") return lastPurchase(c);
        if (f == "points_expiring_within_days") return pointsExpiring(c.number);
        if (f == "paid_membership_active") return paidActive((c.number == 1) == (c.op == Op::Eq));
        if (f == "purchases_in_category") return purchases("category", c);
        if (f == "purchases_in_store") return purchases("store_code", c);
        if (f == "purchases_in_channel") return purchases("channel", c);
        throw std::logic_error("segment field without SQL: " + std::string(f));
    }

    std::string textCondition(const std::string& column, const Condition& c) {
        if (c.op == Op::Eq || c.op == Op::Ne) return "(" + column + sqlOp(c.op) + text(c.texts.at(0)) + ")";
        std::string list;
        for (const std::string& v : c.texts)
            list += (list.empty() ? "" : ", ") + text(v);
        return "(" + column + sqlOp(c.op) + "(" + list + "))";
    }

    // "value op n" over a whole number that grows as a date column falls (age, days since): the date
    // bound for "value >= k" is bound(k); every op is a range of those.
    // Tier and points live in member_tiers / member_points, where a member the engine has not touched
    // has no row (base tier, 0 points). A condition is a member-id list over the table whose filter
    // the database applies while reading it: members with a row that matches, or, when the missing
    // row's value (base tier, 0) matches too, every member except those with a row that does not.
    std::string rowsOf(const char* table, bool missingMatches, const std::string& rowMatches) {
        return missingMatches ? memberIn(false, table, "NOT (" + rowMatches + ")")
                              : memberIn(true, table, rowMatches);
    }

    std::string tier(const Condition& c) {
        if (m_d.segmentJoinsMemberTables()) {
            m_out.tiers = true;
            const std::string today = date(m_q.today);
            return textCondition(
                "COALESCE(CASE WHEN st.override_tier IS NOT NULL AND st.override_until >= " + today +
                    " THEN st.override_tier ELSE st.tier_code END, " + text(m_q.baseTier) + ")",
                c);
        }
        const bool negated = c.op == Op::Ne || c.op == Op::NotIn;
        bool baseListed = false;
        const auto list = [&] {
            std::string out;
            for (const std::string& v : c.texts)
                out += (out.empty() ? "" : ", ") + text(v);
            return "(" + out + ")";
        };
        for (const std::string& v : c.texts)
            baseListed = baseListed || v == m_q.baseTier;
        // A manual tier counts while it lasts (override_until is its last day). Spelt out rather than as
        // a CASE so the planner can estimate it from the columns' statistics (PostgreSQL guessed a CASE
        // to keep 0.5% of the rows and chose a nested loop over half the members).
        const std::string today = date(m_q.today);
        const std::string listed =
            "((x.override_tier IS NULL OR x.override_until IS NULL OR x.override_until < " + today +
            ") AND x.tier_code IN " + list() +
            " OR x.override_tier IS NOT NULL AND x.override_until IS NOT NULL AND "
            "x.override_until >= " +
            today + " AND x.override_tier IN " + list() + ")";
        const std::string in = rowsOf("member_tiers x", baseListed, listed);
        return negated ? "NOT " + in : in;
    }

    std::string points(const Condition& c) {
        const std::int64_t v = c.number;
        if (m_d.segmentJoinsMemberTables()) {
            m_out.points = true;
            return "(COALESCE(sp.balance, 0)" + std::string(sqlOp(c.op)) + integer(v) + ")";
        }
        bool zeroMatches = false;
        switch (c.op) {
        case Op::Eq:
            zeroMatches = 0 == v;
            break;
        case Op::Ne:
            zeroMatches = 0 != v;
            break;
        case Op::Lt:
            zeroMatches = 0 < v;
            break;
        case Op::Le:
            zeroMatches = 0 <= v;
            break;
        case Op::Gt:
            zeroMatches = 0 > v;
            break;
        case Op::Ge:
            zeroMatches = 0 >= v;
            break;
        default:
            throw std::logic_error("op not allowed here");
        }
        return rowsOf("member_points x", zeroMatches, "x.balance" + std::string(sqlOp(c.op)) + integer(v));
    }

    // exclusive: the bound is the first value past the range (an instant starting the next day).
    template <class Bound>
    std::string descendingRange(const std::string& column, const char* notNull, Op op, std::int64_t n,
                                bool exclusive, Bound bound) {
        const auto atLeast = [&](std::int64_t k) { return column + (exclusive ? " < " : " <= ") + bound(k); };
        const auto below = [&](std::int64_t k) { return column + (exclusive ? " >= " : " > ") + bound(k); };
        std::string p;
        switch (op) {
        case Op::Ge:
            p = atLeast(n);
            break;
        case Op::Gt:
            p = atLeast(n + 1);
            break;
        case Op::Le:
            p = below(n + 1);
            break;
        case Op::Lt:
            p = below(n);
            break;
        case Op::Eq:
            p = atLeast(n) + " AND " + below(n + 1);
            break;
        case Op::Ne:
            p = "NOT (" + atLeast(n) + " AND " + below(n + 1) + ")";
            break;
        default:
            throw std::logic_error("op not allowed here");
        }
        return "(" + std::string(notNull) + " AND " + p + ")";
    }

    std::string age(const Condition& c) {
        return descendingRange("m.birthday", "m.birthday IS NOT NULL", c.op, c.number, false,
                               [&](std::int64_t k) { return date(yearsBefore(m_q.today, k)); });
    }

    // Days since the last purchase, counted in the programme's local days: ">= k" is a last purchase
    // before the start of local day today - k + 1.
    std::string lastPurchase(const Condition& c) {
        return descendingRange("m.last_purchase_at", "m.last_purchase_at IS NOT NULL", c.op, c.number, true,
                               [&](std::int64_t k) { return dayStart(m_q.today - days(k - 1)); });
    }

    std::string birthdayWithin(std::int64_t n) {
        if (n >= 365) return "(m.birthday IS NOT NULL)";
        const auto md = [](Date d) { return formatDate(d).substr(5); };
        const std::string from = text(md(m_q.today)), to = text(md(m_q.today + days(n)));
        const std::string col = "substr(m.birthday, 6, 5)";
        const bool wraps = md(m_q.today) > md(m_q.today + days(n));
        return "(m.birthday IS NOT NULL AND " +
               (wraps ? "(" + col + " >= " + from + " OR " + col + " <= " + to + ")"
                      : col + " BETWEEN " + from + " AND " + to) +
               ")";
    }

    // A condition on another table's rows as "m.id [NOT] IN (SELECT member_id ...)": the list is built
    // once (SQLite: a temporary index; PostgreSQL: a hash, see SegmentMemory) instead of probed per member.
    std::string memberIn(bool in, const std::string& table, const std::string& where) {
        return std::string("(m.id ") + (in ? "IN" : "NOT IN") + " (SELECT x.member_id FROM " + table +
               " WHERE " + where + "))";
    }

    std::string pointsExpiring(std::int64_t n) {
        return memberIn(
            true, "points_ledger x",
            "x.points > 0 AND x.expires_on >= " + date(m_q.today) +
                " AND x.expires_on <= " + date(m_q.today + days(n)) +
                " AND x.points > COALESCE((SELECT SUM(d.points) FROM points_draws d WHERE d.lot_id = "
                "x.id), 0)");
    }

    std::string paidActive(bool active) {
        const std::string today = date(m_q.today);
        return memberIn(active, "membership_terms x",
                        "x.starts_on <= " + today + " AND x.ends_on >= " + today +
                            " AND (x.cancelled_on IS NULL OR x.cancelled_on >= " + today + ")");
    }

    // Purchases of one category / store / channel over the last `days` local days (today included).
    std::string purchases(const char* column, const Condition& c) {
        const std::string where = "x.kind = 'purchase' AND x.superseded = 0 AND x." + std::string(column) +
                                  " = " + text(c.subject) +
                                  " AND x.occurred_at >= " + dayStart(m_q.today - days(c.days - 1)) +
                                  " AND x.occurred_at < " + dayStart(m_q.today + days(1));
        // count op k as "has at least k" or "has exactly k", possibly negated.
        bool in = true, exact = false;
        std::int64_t k = c.number;
        switch (c.op) {
        case Op::Ge:
            break;
        case Op::Gt:
            k += 1;
            break;
        case Op::Le:
            in = false;
            k += 1;
            break;
        case Op::Lt:
            in = false;
            break;
        case Op::Eq:
            exact = k > 0;
            in = k > 0;
            k = std::max<std::int64_t>(k, 1);
            break;
        case Op::Ne:
            exact = k > 0;
            in = k == 0;
            k = std::max<std::int64_t>(k, 1);
            break;
        default:
            throw std::logic_error("op not allowed here");
        }
        if (k <= 0) return in ? "(1 = 1)" : "(1 = 0)";
        if (k == 1 && !exact) return memberIn(in, "transactions x", where);
        const std::string cmp = std::string(exact ? " = " : " >= ") + integer(k);
        return std::string("(m.id ") + (in ? "IN" : "NOT IN") +
               " (SELECT x.member_id FROM transactions x WHERE " + where +
               " GROUP BY x.member_id HAVING COUNT(*)" + cmp + "))";
    }
};

} // namespace

SegmentMemory::SegmentMemory(Database& db) : m_db(db) {
    if (*db.dialect().segmentMemory()) {
        db.sql() << db.dialect().segmentMemory();
        m_set = true;
    }
}

SegmentMemory::~SegmentMemory() {
    if (!m_set) return;
    try {
        m_db.sql() << m_db.dialect().segmentMemoryReset();
    } catch (...) {
        // The transaction failed (the statement's error is what the caller reports); the setting goes
        // back with the rollback or when the connection closes.
    }
}

std::string CompiledSegment::from() const {
    std::string out = "members m";
    if (tiers) out += " LEFT JOIN member_tiers st ON st.member_id = m.id";
    if (points) out += " LEFT JOIN member_points sp ON sp.member_id = m.id";
    return out;
}

CompiledSegment compileSegment(const SegmentQuery& q, const SqlDialect& dialect) {
    CompiledSegment out;
    if (q.snapshotOf) {
        out.args.integer("snapshot", *q.snapshotOf);
        out.where = "m.id IN (SELECT member_id FROM segment_members WHERE segment_id = :snapshot)";
        return out;
    }
    if (!q.rule) throw std::invalid_argument("a segment query needs a rule or a snapshot");
    out.where = Compiler(out, q, dialect).node(*q.rule);
    return out;
}

std::string segmentTierColumn(CompiledSegment& c, const SegmentQuery& q) {
    c.tiers = true;
    c.args.text("tier_today", formatDate(q.today));
    c.args.text("tier_base", q.baseTier);
    return "COALESCE(CASE WHEN st.override_tier IS NOT NULL AND st.override_until >= :tier_today THEN "
           "st.override_tier ELSE st.tier_code END, :tier_base)";
}

std::string segmentPointsColumn(CompiledSegment& c) {
    c.points = true;
    return "COALESCE(sp.balance, 0)";
}

} // namespace md::db
