#include "persistence/member_rows.h"

#include "domain/errors.h"
#include "domain/member_query.h"
#include "persistence/member_columns.h"
#include "persistence/member_mapping.h"
#include "persistence/member_search_keys.h"

#include <soci/soci.h>

namespace md::db {

namespace {

const std::vector<std::string>& updatableColumns() {
    static const auto cols = memberColumnNames(&MemberColumn::updatable);
    return cols;
}

bool isIntegerColumn(const std::string& c) {
    return isIntegerMemberColumn(c) || c == "orders" || c == "revenue_minor";
}

std::optional<std::string> nonEmpty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The columns every writer shares after card_no (insert) or id (update): the member's own data.
void appendMemberData(BulkWriter& w, const Member& m) {
    w.text(m.name).text(nameKey(m.name)).text(nameSortKey(m.name));
    if (m.phone)
        w.text(m.phone->e164()).text(reversedDigits(m.phone->e164()));
    else
        w.null().null();
    if (m.email)
        w.text(m.email->str()).text(m.email->key());
    else
        w.null().null();
    w.text(m.birthday ? std::optional<std::string>(formatDate(*m.birthday)) : std::nullopt);
    w.text(toCode(m.gender)).text(formatDate(m.joinDate)).text(nonEmpty(m.homeStore));
    for (const Consent* c : {&m.emailConsent, &m.smsConsent}) {
        w.integer(c->granted ? 1 : 0).text(nonEmpty(c->source));
        w.text(c->at ? std::optional<std::string>(formatTimestamp(*c->at)) : std::nullopt);
    }
}

// Everything of a new member's row from card_no to updated_at.
void appendMemberFields(BulkWriter& w, const Member& m, const std::string& now) {
    w.text(m.card.str()).text(cardDigitsKey(m.card.str()));
    appendMemberData(w, m);
    w.text(toCode(m.status)).integer(m.version > 0 ? m.version : 1).text(now).text(now);
}

std::vector<BulkColumn> typed(const std::vector<std::string>& names) {
    std::vector<BulkColumn> out;
    for (const auto& n : names)
        out.push_back({n, isIntegerColumn(n) ? ColumnType::Integer : ColumnType::Text});
    return out;
}

} // namespace

// Every column but id, in table order: appendMemberFields writes them in that order.
std::vector<BulkColumn> memberColumns() {
    std::vector<std::string> names;
    for (const auto& c : kMemberColumnTable)
        if (std::string_view(c.name) != "id") names.emplace_back(c.name);
    return typed(names);
}

void appendMemberRow(BulkWriter& w, const Member& m, const std::string& now) {
    appendMemberFields(w, m, now);
    w.endRow();
}

std::vector<BulkColumn> memberColumnsWithIdAndTotals() {
    auto cols = memberColumns();
    cols.insert(cols.begin(), BulkColumn{"id", ColumnType::Integer});
    for (const char* c : {"orders", "revenue_minor"})
        cols.push_back({c, ColumnType::Integer});
    for (const char* c : {"first_purchase_at", "last_purchase_at"})
        cols.push_back({c, ColumnType::Text});
    return cols;
}

void appendMemberRowWithIdAndTotals(BulkWriter& w, const Member& m, const std::string& now,
                                    const MemberTotals& t) {
    w.integer(m.id);
    appendMemberFields(w, m, now);
    w.integer(t.orders).integer(t.revenue.minor());
    w.text(t.firstPurchase ? std::optional<std::string>(formatTimestamp(*t.firstPurchase)) : std::nullopt);
    w.text(t.lastPurchase ? std::optional<std::string>(formatTimestamp(*t.lastPurchase)) : std::nullopt);
    w.endRow();
}

std::vector<BulkColumn> memberUpdateColumns() {
    std::vector<std::string> names{"id"};
    const auto& data = updatableColumns();
    names.insert(names.end(), data.begin(), data.end());
    return typed(names);
}

void appendMemberUpdate(BulkWriter& w, const Member& m, const std::string& now) {
    w.integer(m.id);
    appendMemberData(w, m);
    w.text(toCode(m.status)).integer(m.version).text(now);
    w.endRow();
}

std::string memberUpdateFromSql(const std::string& staging) {
    std::string set;
    for (const auto& c : updatableColumns())
        set += (set.empty() ? "" : ", ") + c + " = u." + c;
    return "UPDATE members SET " + set + " FROM " + staging +
           " u WHERE members.id = u.id AND members.version = u.version - 1";
}

void applyMemberUpdates(Database& db, const std::string& staging, std::size_t expected) {
    soci::statement st = (db.sql().prepare << memberUpdateFromSql(staging));
    st.execute(true);
    if (static_cast<std::size_t>(st.get_affected_rows()) == expected) return;
    // Someone else saved (or deleted) a member since it was read: name the first one.
    std::string card = "?";
    long long yours = 0, current = 0;
    soci::indicator iCard = soci::i_null, iCurrent = soci::i_null;
    db.sql() << "SELECT m.card_no, u.version - 1, m.version FROM " + staging +
                    " u LEFT JOIN members m ON m.id = u.id "
                    "WHERE m.id IS NULL OR m.version <> u.version - 1 ORDER BY u.id LIMIT 1",
        soci::into(card, iCard), soci::into(yours), soci::into(current, iCurrent);
    throw ConflictError(iCard == soci::i_ok ? card : "?", yours, iCurrent == soci::i_ok ? current : 0);
}

std::string memberUpdateShapeSql() {
    std::string cols = "id";
    for (const auto& c : updatableColumns())
        cols += ", " + c;
    return "SELECT " + cols + " FROM members";
}

std::size_t memberColumnCount() {
    return memberReadColumnCount();
}

std::string memberColumnsOf(const std::string& alias) {
    return memberReadColumns(alias);
}

} // namespace md::db
