#include "persistence/member_browser_joined.h"

#include "persistence/member_mapping.h"

#include <soci/soci.h>

#include <algorithm>
#include <string>

namespace md::db {

namespace {

struct LoyaltySql {
    std::string table, value, member; ///< "member_points", "member_points.balance", "member_points.member_id"
};

LoyaltySql sqlFor(SortColumn c) {
    const std::string table = c == SortColumn::Tier ? "member_tiers" : "member_points";
    return {table, table + (c == SortColumn::Tier ? ".tier_rank" : ".balance"), table + ".member_id"};
}

struct Keyed {
    std::int64_t value = 0;
    MemberRow row;
};

/// Strictly before in the list's order.
bool precedes(bool asc, std::int64_t av, std::int64_t aid, std::int64_t bv, std::int64_t bid) {
    if (av != bv) return asc ? av < bv : av > bv;
    return asc ? aid < bid : aid > bid;
}

std::int64_t keyValue(const RowKey& k) {
    return k.value.empty() ? 0 : std::stoll(k.value);
}

void read(Database& db, QueryArgs& args, const std::string& sql, std::vector<Keyed>& out) {
    args.forEachRow(db.sql(), sql, [&](const soci::row& r) {
        Keyed k;
        k.row = memberRowFromRow(r);
        k.value = rowInt(r, 12); // sort_v, after the row's twelve columns
        out.push_back(std::move(k));
    });
}

/// Members that have a row in the loyalty table, after the key: its (value, member_id) index.
std::vector<Keyed> tableArm(Database& db, const LoyaltySql& t, bool asc, const std::optional<RowKey>& after,
                            int limit) {
    const char* op = asc ? ">" : "<";
    const char* dir = asc ? "" : " DESC";
    const std::string cols = std::string("SELECT ") + kMemberRowColumns + ", " + t.value +
                             " AS sort_v FROM " + t.table + " JOIN members ON members.id = " + t.member;
    const std::string order = " ORDER BY " + t.value + dir + ", " + t.member + dir;
    QueryArgs args;
    std::string sql;
    if (!after) {
        sql = cols + order + " LIMIT :n";
        args.integer("n", limit);
    } else if (db.dialect().rowValueRangeUsesIndex()) {
        sql = cols + " WHERE (" + t.value + ", " + t.member + ") " + op + " (:v, :id)" + order + " LIMIT :n";
        args.integer("v", keyValue(*after)).integer("id", after->id).integer("n", limit);
    } else {
        // As MemberBrowser::pageAfter: SQLite seeks on each half of the OR, not on the OR or a row value.
        sql = "SELECT * FROM (" + cols + " WHERE " + t.value + " = :v1 AND " + t.member + " " + op +
              " :id ORDER BY " + t.member + dir + " LIMIT :n1) a UNION ALL SELECT * FROM (" + cols +
              " WHERE " + t.value + " " + op + " :v2" + order + " LIMIT :n2) b";
        args.integer("v1", keyValue(*after)).integer("id", after->id).integer("n1", limit);
        args.integer("v2", keyValue(*after)).integer("n2", limit);
    }
    std::vector<Keyed> out;
    read(db, args, sql, out);
    return out;
}

/// Members without a row (value 0) after the key, by id: members' primary key, each probed in the
/// loyalty table's primary key.
std::vector<Keyed> missingArm(Database& db, const LoyaltySql& t, bool asc, const std::optional<RowKey>& after,
                              int limit) {
    // A correlated count, not NOT EXISTS: PostgreSQL turns NOT EXISTS into a hash anti-join over the
    // whole loyalty table (~100 ms a page at 1M members), while this stays a walk along members' primary
    // key probing the loyalty table's, stopped after `limit` rows (SQLite runs both forms that way).
    std::string where = "(SELECT COUNT(*) FROM " + t.table + " WHERE " + t.member + " = members.id) = 0";
    QueryArgs args;
    if (after) {
        const std::int64_t v = keyValue(*after);
        if (asc ? v > 0 : v < 0) return {}; // the key is past every 0
        if (v == 0) {
            where += std::string(" AND id ") + (asc ? ">" : "<") + " :id";
            args.integer("id", after->id);
        }
    }
    args.integer("n", limit);
    std::vector<Keyed> out;
    read(db, args,
         std::string("SELECT ") + kMemberRowColumns + ", 0 AS sort_v FROM members WHERE " + where +
             " ORDER BY id" + (asc ? "" : " DESC") + " LIMIT :n",
         out);
    return out;
}

} // namespace

bool isLoyaltyColumn(SortColumn c) {
    return c == SortColumn::Tier || c == SortColumn::Points;
}

std::string loyaltyValue(SortColumn c, const MemberRow& row) {
    return std::to_string(c == SortColumn::Tier ? std::int64_t{row.tierRank} : row.points);
}

std::vector<MemberRow> loyaltyPageAfter(Database& db, SortColumn c, bool asc,
                                        const std::optional<RowKey>& after, int limit) {
    const LoyaltySql t = sqlFor(c);
    std::vector<Keyed> rows = tableArm(db, t, asc, after, limit);
    // Members without a row sort as 0: they can only be on this page if it reaches 0.
    const bool reachesZero = static_cast<int>(rows.size()) < limit || rows.empty() ||
                             (asc ? rows.back().value >= 0 : rows.back().value <= 0);
    if (reachesZero) {
        std::vector<Keyed> missing = missingArm(db, t, asc, after, limit);
        rows.insert(rows.end(), std::make_move_iterator(missing.begin()),
                    std::make_move_iterator(missing.end()));
    }
    std::sort(rows.begin(), rows.end(), [asc](const Keyed& a, const Keyed& b) {
        return precedes(asc, a.value, a.row.id, b.value, b.row.id);
    });
    if (static_cast<int>(rows.size()) > limit) rows.resize(static_cast<std::size_t>(std::max(0, limit)));
    std::vector<MemberRow> out;
    out.reserve(rows.size());
    for (Keyed& k : rows)
        out.push_back(std::move(k.row));
    return out;
}

std::vector<RowKey> loyaltyAnchors(Database& db, SortColumn c, bool asc, int step) {
    if (step < 1) step = 1;
    const LoyaltySql t = sqlFor(c);
    const char* dir = asc ? "" : " DESC";
    std::vector<std::int64_t> missing; // members without a row: 8 bytes each, in list order
    QueryArgs().forEachRow(db.sql(),
                           "SELECT id FROM members WHERE NOT EXISTS (SELECT 1 FROM " + t.table + " WHERE " +
                               t.member + " = members.id) ORDER BY id" + dir,
                           [&](const soci::row& r) { missing.push_back(rowInt(r, 0)); });
    std::vector<RowKey> out;
    std::int64_t n = 0;
    std::size_t next = 0;
    const auto emit = [&](std::int64_t value, std::int64_t id) {
        if (n++ % step == 0) out.push_back(RowKey{std::to_string(value), false, id});
    };
    QueryArgs().forEachRow(db.sql(),
                           "SELECT " + t.value + ", " + t.member + " FROM " + t.table + " ORDER BY " +
                               t.value + dir + ", " + t.member + dir,
                           [&](const soci::row& r) {
                               const std::int64_t v = rowInt(r, 0), id = rowInt(r, 1);
                               while (next < missing.size() && precedes(asc, 0, missing[next], v, id))
                                   emit(0, missing[next++]);
                               emit(v, id);
                           });
    while (next < missing.size())
        emit(0, missing[next++]);
    return out;
}

} // namespace md::db
