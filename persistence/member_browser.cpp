#include "persistence/member_browser.h"

#include "persistence/member_browser_joined.h"
#include "persistence/member_mapping.h"
#include "persistence/member_search_keys.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

namespace {

// How each sort column appears in SQL. Every expression here has an index on (expression, id) in
// 001_initial.sql (name_sort: 003_search_keys.sql) — the same COALESCE text, or the planner would not match
// it. pageAfter's plans were checked for every column in both directions at 1M rows: SQLite EXPLAIN QUERY
// PLAN shows "SEARCH members USING [COVERING] INDEX members_x (<expr>=? AND id>?)" and "(<expr>>?)" for the
// two halves, PostgreSQL EXPLAIN one "Index [Only] Scan [Backward] using members_x" with the row comparison
// as its Index Cond and no Sort; tests/persistence/member_browser_test.cpp re-checks it on every run.
struct ColumnSql {
    const char* expr;
    bool numeric; ///< bound as a number: SQLite orders every integer before every text
    bool unique;  ///< the value alone orders the rows; no id tie-break needed
};

ColumnSql columnSql(SortColumn c) {
    switch (c) {
    case SortColumn::Card:
        return {"card_no", false, true};
    case SortColumn::Name:
        // The ICU collation key (migration 003): Chinese names in pinyin order, not by code point.
        return {"name_sort", false, false};
    case SortColumn::Phone:
        return {"COALESCE(phone, '')", false, false};
    case SortColumn::Store:
        return {"COALESCE(home_store, '')", false, false};
    case SortColumn::JoinDate:
        return {"join_date", false, false};
    case SortColumn::LastPurchase:
        return {"COALESCE(last_purchase_at, '')", false, false};
    case SortColumn::Orders:
        return {"orders", true, false};
    case SortColumn::Revenue:
        return {"revenue_minor", true, false};
    case SortColumn::Tier:
    case SortColumn::Points:
        break; // member_browser_joined.cpp
    }
    return {"id", true, true};
}

std::string orderBy(const ColumnSql& c, bool asc) {
    const char* dir = asc ? "" : " DESC";
    return c.unique ? std::string(c.expr) + dir : std::string(c.expr) + dir + ", id" + dir;
}

} // namespace

MemberBrowser::MemberBrowser(Database& db, SortColumn column, bool ascending)
    : m_db(db), m_col(column), m_asc(ascending) {}

std::int64_t MemberBrowser::count() {
    return withSqlErrors(m_db, "Could not count members",
                         [&] { return QueryArgs().scalar(m_db.sql(), "SELECT COUNT(*) FROM members"); });
}

std::vector<MemberRow> MemberBrowser::pageAfter(const std::optional<RowKey>& after, int limit) {
    return withSqlErrors(m_db, "Could not load members", [&] {
        if (isLoyaltyColumn(m_col)) return loyaltyPageAfter(m_db, m_col, m_asc, after, limit);
        const ColumnSql c = columnSql(m_col);
        const std::string cols = std::string("SELECT ") + kMemberRowColumns + ", " + c.expr + " AS sort_v";
        const char* op = m_asc ? ">" : "<";
        const char* dir = m_asc ? "" : " DESC";
        QueryArgs args;
        auto bindValue = [&](const char* name) {
            if (c.numeric)
                args.integer(name, after->value.empty() ? 0 : std::stoll(after->value));
            else
                args.text(name, after->value);
        };
        std::string sql;
        if (!after) {
            sql = cols + " FROM members ORDER BY " + orderBy(c, m_asc) + " LIMIT :n";
        } else if (c.unique) {
            sql = cols + " FROM members WHERE " + c.expr + " " + op + " :v ORDER BY " + orderBy(c, m_asc) +
                  " LIMIT :n";
            bindValue("v");
        } else if (m_db.dialect().rowValueRangeUsesIndex()) {
            // PostgreSQL turns a row-value comparison into one index range:
            // "Index Cond: (ROW(v, id) > ROW($1, $2))".
            sql = cols + " FROM members WHERE (" + c.expr + ", id) " + op + " (:v, :id) ORDER BY " +
                  orderBy(c, m_asc) + " LIMIT :n";
            bindValue("v");
            args.integer("id", after->id);
        } else {
            // SQLite does not seek on a row value over an expression, nor on "v > :v OR (v = :v AND
            // id > :id)": it scans from the start of the index (40 ms a page at 1M rows). So the OR is
            // split into its halves, each a range that stops after :n rows: the rest of the current
            // value's run (by id), then the values after it. (PostgreSQL, given the first half, may pick
            // the primary key and filter, which is why it gets the row value instead.)
            sql = "SELECT * FROM (" + cols + ", 1 AS arm FROM members WHERE " + c.expr + " = :v1 AND id " +
                  op + " :id ORDER BY id" + dir + " LIMIT :n1) a UNION ALL SELECT * FROM (" + cols +
                  ", 2 AS arm FROM members WHERE " + c.expr + " " + op + " :v2 ORDER BY " +
                  orderBy(c, m_asc) + " LIMIT :n2) b ORDER BY arm, sort_v" + dir + ", id" + dir + " LIMIT :n";
            bindValue("v1");
            args.integer("id", after->id).integer("n1", limit);
            bindValue("v2");
            args.integer("n2", limit);
        }
        args.integer("n", limit);
        std::vector<MemberRow> out;
        out.reserve(static_cast<std::size_t>(limit > 0 ? limit : 0));
        args.forEachRow(m_db.sql(), sql, [&](const soci::row& r) { out.push_back(memberRowFromRow(r)); });
        return out;
    });
}

std::vector<RowKey> MemberBrowser::anchors(int step) {
    if (step < 1) step = 1;
    return withSqlErrors(m_db, "Could not index the member list", [&] {
        if (isLoyaltyColumn(m_col)) return loyaltyAnchors(m_db, m_col, m_asc, step);
        const ColumnSql c = columnSql(m_col);
        std::vector<RowKey> out;
        auto keep = [&](const soci::row& r) {
            RowKey k;
            k.value = rowText(r, 0);
            k.isNull = !c.numeric && k.value.empty();
            k.id = rowInt(r, 1);
            out.push_back(std::move(k));
        };
        // One ordered pass over the (expression, id) index either way; measured at 1,000,000 members,
        // step 100, every sort column: PostgreSQL numbering rows with ROW_NUMBER() and sending every
        // step-th key 0.24–0.36 s, against 0.6–1.5 s for streaming every key (which libpq also buffers
        // whole); SQLite streaming every key and skipping here 0.14–0.26 s, against 0.5–6 s for the
        // ROW_NUMBER() query (it materialises and re-sorts the numbered rows).
        if (m_db.dialect().numbersRowsFasterThanStreaming()) {
            QueryArgs()
                .integer("step", step)
                .forEachRow(m_db.sql(),
                            std::string("SELECT v, id FROM (SELECT ") + c.expr +
                                " AS v, id, ROW_NUMBER() OVER (ORDER BY " + orderBy(c, m_asc) +
                                ") AS rn FROM members) t WHERE (rn - 1) % :step = 0 ORDER BY rn",
                            keep);
        } else {
            std::int64_t n = 0;
            QueryArgs().forEachRow(m_db.sql(),
                                   std::string("SELECT ") + c.expr + ", id FROM members ORDER BY " +
                                       orderBy(c, m_asc),
                                   [&](const soci::row& r) {
                                       if (n++ % step == 0) keep(r);
                                   });
        }
        return out;
    });
}

RowKey MemberBrowser::keyOf(const MemberRow& row) const {
    RowKey k;
    k.id = row.id;
    switch (m_col) {
    case SortColumn::Card:
        k.value = row.card;
        break;
    // name_sort is derived from the name by the same function that wrote it.
    case SortColumn::Name:
        k.value = nameSortKey(row.name);
        break;
    case SortColumn::Phone:
        k.value = row.phone;
        break;
    case SortColumn::Store:
        k.value = row.store;
        break;
    case SortColumn::JoinDate:
        k.value = formatDate(row.joinDate);
        break;
    case SortColumn::LastPurchase:
        k.value = row.lastPurchase ? formatTimestamp(*row.lastPurchase) : "";
        break;
    case SortColumn::Orders:
        k.value = std::to_string(row.orders);
        break;
    case SortColumn::Revenue:
        k.value = std::to_string(row.revenueMinor);
        break;
    case SortColumn::Tier:
    case SortColumn::Points:
        k.value = loyaltyValue(m_col, row);
        return k;
    }
    k.isNull = !columnSql(m_col).numeric && k.value.empty();
    return k;
}

} // namespace md::db
