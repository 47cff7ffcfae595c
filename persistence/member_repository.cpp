#include "persistence/member_repository.h"

#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/member_mapping.h"
#include "persistence/member_search_keys.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <algorithm>

namespace md::db {

namespace {

const std::string kSelectMember = "SELECT " + memberReadColumns() + " FROM members ";
const std::string kSelectRow = std::string("SELECT ") + kMemberRowColumns + " FROM members ";

std::optional<Member> loadOne(Database& db, const std::string& where, QueryArgs args) {
    std::optional<Member> out;
    args.forEachRow(db.sql(), kSelectMember + where, [&](const soci::row& r) { out = memberFromRow(r); });
    return out;
}

// Every predicate is a range or equality on one indexed, binary-collated column, so a search costs
// O(log n + matches) on both backends whatever the table size.
struct Filter {
    std::string where;
    std::string order;
    std::vector<std::pair<std::string, std::string>> params; ///< name -> text value

    void addTo(QueryArgs& args) const {
        for (const auto& [name, value] : params)
            args.text(name, value);
    }
};

// sfx keeps the parameter names of several terms apart when they share one statement (count).
Filter filterFor(const QueryTerm& q, bool cardPrefix, const std::string& sfx = "") {
    Filter f;
    const std::string k = "k" + sfx, u = "u" + sfx;
    auto equal = [&](const char* column) {
        f.where = std::string(column) + " = :" + k;
        f.params.emplace_back(k, q.key);
    };
    auto prefix = [&](const char* column) {
        f.where = std::string(column) + " >= :" + k + " AND " + column + " < :" + u;
        f.params.emplace_back(k, q.key);
        f.params.emplace_back(u, prefixUpperBound(q.key));
    };
    switch (q.kind) {
    case QueryKind::Empty:
        f.order = "id";
        break;
    case QueryKind::Phone:
        // Ordered by the looked-up column first: with "ORDER BY id LIMIT n" PostgreSQL may walk the
        // primary key hoping to meet a match early — a full scan (240 ms at 1M) for a rare phone.
        equal("phone");
        f.order = "phone, id";
        break;
    case QueryKind::PhonePrefix:
        // Stored numbers are E.164 under binary collation: the first digits are a range of members_phone.
        prefix("phone");
        f.order = "phone, id";
        break;
    case QueryKind::LastDigits:
        prefix("phone_rev");
        f.order = "phone_rev, id";
        break;
    case QueryKind::Card:
        if (cardPrefix)
            prefix("card_no");
        else
            equal("card_no");
        f.order = "card_no";
        break;
    case QueryKind::CardDigits:
        equal("card_digits");
        f.order = "card_digits, id";
        break;
    case QueryKind::Email:
        equal("email_key");
        f.order = "email_key, id";
        break;
    case QueryKind::NamePrefix:
        prefix("name_key");
        f.order = "name_key, id";
        break;
    }
    return f;
}

std::vector<MemberRow> runSearch(Database& db, const Filter& f, int limit) {
    std::vector<MemberRow> out;
    const std::string sql =
        kSelectRow + (f.where.empty() ? "" : "WHERE " + f.where) + " ORDER BY " + f.order + " LIMIT :n";
    QueryArgs args;
    f.addTo(args);
    args.integer("n", limit);
    args.forEachRow(db.sql(), sql, [&](const soci::row& r) { out.push_back(memberRowFromRow(r)); });
    return out;
}

std::int64_t runCount(Database& db, const Filter& f) {
    QueryArgs args;
    f.addTo(args);
    return args.scalar(db.sql(),
                       "SELECT COUNT(*) FROM members" + (f.where.empty() ? "" : " WHERE " + f.where));
}

// A partial card number is still a card search: when the exact card is not there, the prefix range.
bool needsCardPrefix(Database& db, const QueryTerm& t) {
    return t.kind == QueryKind::Card && runCount(db, filterFor(t, false)) == 0;
}

// name_sort and card_digits, bound next to MemberBinds' columns on the single-row writes (the bulk
// writers get them from member_rows.cpp).
class SearchKeyBinds {
public:
    explicit SearchKeyBinds(const Member& m)
        : m_nameSort(nameSortKey(m.name)), m_cardDigits(cardDigitsKey(m.card.str())) {}
    void exchange(soci::statement& st) {
        st.exchange(soci::use(m_nameSort, "name_sort"));
        st.exchange(soci::use(m_cardDigits, "card_digits"));
    }
    static std::string insertColumns() { return "name_sort, card_digits"; }
    static std::string insertValues() { return ":name_sort, :card_digits"; }
    static std::string assignments() { return "name_sort = :name_sort, card_digits = :card_digits"; }

private:
    std::string m_nameSort, m_cardDigits;
};

bool isUniqueViolation(const std::string& message) {
    return message.find("UNIQUE constraint failed") != std::string::npos ||
           message.find("duplicate key value") != std::string::npos;
}

// Runs a write, naming the card when the only problem is that it is taken: that is the user's to fix.
template <class F>
void writeMember(Database& db, const std::string& card, const std::string& headline, F&& fn) {
    try {
        withSqlErrors(db, headline, std::forward<F>(fn));
    } catch (const DatabaseError& e) {
        if (isUniqueViolation(e.detail()) && e.detail().find("card") != std::string::npos)
            throw DatabaseError("The card number " + card + " is already in use by another member",
                                e.detail());
        throw;
    }
}

} // namespace

std::optional<Member> SociMemberRepository::findById(std::int64_t id) {
    return withSqlErrors(m_db, "Could not load member #" + std::to_string(id),
                         [&] { return loadOne(m_db, "WHERE id = :id", QueryArgs().integer("id", id)); });
}

std::optional<Member> SociMemberRepository::findByCard(const std::string& card) {
    std::string key = card;
    for (char& c : key)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return withSqlErrors(m_db, "Could not load member " + key, [&] {
        return loadOne(m_db, "WHERE card_no = :card", QueryArgs().text("card", key));
    });
}

// Each term is searched on its own index; the results follow the order of the terms (the likeliest
// reading first), a member matched by two readings appears once.
std::vector<MemberRow> SociMemberRepository::search(const MemberQuery& q, int limit) {
    return withSqlErrors(m_db, "Could not search members for \"" + q.text + "\"", [&] {
        const auto terms = q.terms();
        if (terms.empty()) return runSearch(m_db, filterFor(QueryTerm{}, false), limit);
        std::vector<MemberRow> out;
        for (const auto& term : terms) {
            if (static_cast<int>(out.size()) >= limit) break;
            auto rows = runSearch(m_db, filterFor(term, false), limit);
            if (rows.empty() && term.kind == QueryKind::Card)
                rows = runSearch(m_db, filterFor(term, true), limit);
            for (auto& r : rows) {
                if (static_cast<int>(out.size()) >= limit) break;
                if (std::none_of(out.begin(), out.end(), [&](const MemberRow& o) { return o.id == r.id; }))
                    out.push_back(std::move(r));
            }
        }
        return out;
    });
}

// Several readings: the ids each one matches, united (UNION removes a member matched twice), each arm
// a range on its own index.
std::int64_t SociMemberRepository::count(const MemberQuery& q) {
    return withSqlErrors(m_db, "Could not count members", [&] {
        const auto terms = q.terms();
        if (terms.empty()) return runCount(m_db, filterFor(QueryTerm{}, false));
        if (terms.size() == 1) return runCount(m_db, filterFor(terms[0], needsCardPrefix(m_db, terms[0])));
        QueryArgs args;
        std::string sql;
        for (std::size_t i = 0; i < terms.size(); ++i) {
            Filter f = filterFor(terms[i], needsCardPrefix(m_db, terms[i]), std::to_string(i));
            sql += (sql.empty() ? "" : " UNION ") + std::string("SELECT id FROM members WHERE ") + f.where;
            f.addTo(args);
        }
        return args.scalar(m_db.sql(), "SELECT COUNT(*) FROM (" + sql + ") matches");
    });
}

void SociMemberRepository::insert(Member& m, const Actor& who) {
    Member stored = m;
    writeMember(m_db, m.card.str(), "Could not add member " + m.card.str(), [&] {
        WriteTransaction tx(m_db);
        MemberBinds binds(m);
        SearchKeyBinds keys(m);
        std::string now = formatTimestamp(nowUtc());
        long long id = 0;
        {
            // Scoped: SQLite refuses COMMIT while a RETURNING statement is still open.
            soci::statement st(m_db.sql());
            binds.exchange(st);
            keys.exchange(st);
            st.exchange(soci::use(now, "created_at"));
            st.exchange(soci::use(now, "updated_at"));
            st.exchange(soci::into(id));
            st.alloc();
            st.prepare("INSERT INTO members (" + MemberBinds::insertColumns() + ", " +
                       SearchKeyBinds::insertColumns() + ", version, created_at, updated_at) " + "VALUES (" +
                       MemberBinds::insertValues() + ", " + SearchKeyBinds::insertValues() +
                       ", 1, :created_at, :updated_at) RETURNING id");
            st.define_and_bind();
            st.execute(true);
        }
        stored.id = id;
        stored.version = 1;
        appendAudit(m_db, who, "insert", "member", std::to_string(id), std::nullopt, memberToJson(stored));
        tx.commit();
    });
    m = stored;
}

void SociMemberRepository::update(Member& m, const Actor& who) {
    Member after = m;
    writeMember(m_db, m.card.str(), "Could not save member " + m.card.str(), [&] {
        WriteTransaction tx(m_db);
        // Read inside the write transaction: the audit's "before" is exactly what this update replaces.
        auto before = loadOne(m_db, "WHERE id = :id", QueryArgs().integer("id", m.id));
        if (!before) throw NotFound("Member " + m.card.str() + " no longer exists");
        if (before->version != m.version) throw ConflictError(before->card.str(), m.version, before->version);

        MemberBinds binds(m);
        SearchKeyBinds keys(m);
        std::string now = formatTimestamp(nowUtc());
        long long id = m.id, version = m.version, changed = 0;
        {
            soci::statement st(m_db.sql());
            binds.exchange(st);
            keys.exchange(st);
            st.exchange(soci::use(now, "updated_at"));
            st.exchange(soci::use(id, "id"));
            st.exchange(soci::use(version, "version"));
            st.alloc();
            st.prepare(
                "UPDATE members SET " + MemberBinds::assignments() + ", " + SearchKeyBinds::assignments() +
                ", version = version + 1, updated_at = :updated_at WHERE id = :id AND version = :version");
            st.define_and_bind();
            st.execute(true);
            changed = st.get_affected_rows();
        }
        if (changed == 0) {
            // Someone saved between our read and our write (PostgreSQL re-checks the WHERE after waiting).
            auto current = loadOne(m_db, "WHERE id = :id", QueryArgs().integer("id", m.id));
            if (!current) throw NotFound("Member " + m.card.str() + " no longer exists");
            throw ConflictError(current->card.str(), m.version, current->version);
        }
        after.version = m.version + 1;
        appendAudit(m_db, who, "update", "member", std::to_string(m.id), memberToJson(*before),
                    memberToJson(after));
        tx.commit();
    });
    m = after;
}

MemberTotals SociMemberRepository::totals(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not load the purchase totals of member #" + std::to_string(memberId),
                         [&] {
                             std::optional<MemberTotals> out;
                             QueryArgs()
                                 .integer("id", memberId)
                                 .forEachRow(m_db.sql(),
                                             "SELECT orders, revenue_minor, first_purchase_at, "
                                             "last_purchase_at FROM members WHERE id = :id",
                                             [&](const soci::row& r) {
                                                 MemberTotals t;
                                                 t.orders = rowInt(r, 0);
                                                 t.revenue = Money(rowInt(r, 1));
                                                 if (auto first = rowOptText(r, 2); first && !first->empty())
                                                     if (auto ts = parseTimestamp(*first); ts.ok())
                                                         t.firstPurchase = ts.value();
                                                 if (auto last = rowOptText(r, 3); last && !last->empty())
                                                     if (auto ts = parseTimestamp(*last); ts.ok())
                                                         t.lastPurchase = ts.value();
                                                 out = t;
                                             });
                             if (!out)
                                 throw NotFound("Member #" + std::to_string(memberId) + " no longer exists");
                             return *out;
                         });
}

std::vector<Transaction> SociMemberRepository::recentTransactions(std::int64_t memberId, int limit) {
    return withSqlErrors(m_db, "Could not load the transactions of member #" + std::to_string(memberId), [&] {
        std::vector<Transaction> out;
        // transactions_member_time (member_id, occurred_at) serves both the filter and the order.
        QueryArgs()
            .integer("id", memberId)
            .integer("n", limit)
            .forEachRow(
                m_db.sql(),
                "SELECT t.id, t.order_id, m.card_no, t.store_code, t.channel, t.occurred_at, t.amount_minor, "
                "t.currency, t.kind, t.items, t.category FROM transactions t JOIN members m ON m.id = "
                "t.member_id "
                "WHERE t.member_id = :id ORDER BY t.occurred_at DESC, t.id DESC LIMIT :n",
                [&](const soci::row& r) { out.push_back(transactionFromRow(r)); });
        return out;
    });
}

std::vector<Store> SociStoreRepository::all() {
    return withSqlErrors(m_db, "Could not load the stores", [&] {
        std::vector<Store> out;
        QueryArgs().forEachRow(m_db.sql(), "SELECT id, code, name, city FROM stores ORDER BY code",
                               [&](const soci::row& r) { out.push_back(storeFromRow(r)); });
        return out;
    });
}

std::optional<Store> SociStoreRepository::findByCode(const std::string& code) {
    return withSqlErrors(m_db, "Could not load store " + code, [&] {
        std::optional<Store> out;
        QueryArgs()
            .text("code", code)
            .forEachRow(m_db.sql(), "SELECT id, code, name, city FROM stores WHERE code = :code",
                        [&](const soci::row& r) { out = storeFromRow(r); });
        return out;
    });
}

void SociStoreRepository::upsert(Store& s, const Actor& who) {
    Store after = s;
    withSqlErrors(m_db, "Could not save store " + s.code, [&] {
        WriteTransaction tx(m_db);
        std::optional<Store> before;
        QueryArgs()
            .text("code", s.code)
            .forEachRow(m_db.sql(), "SELECT id, code, name, city FROM stores WHERE code = :code",
                        [&](const soci::row& r) { before = storeFromRow(r); });
        if (before) {
            m_db.sql() << "UPDATE stores SET name = :name, city = :city WHERE id = :id",
                soci::use(s.name, "name"), soci::use(s.city, "city"), soci::use(before->id, "id");
            after.id = before->id;
            appendAudit(m_db, who, "update", "store", s.code, storeToJson(*before), storeToJson(after));
        } else {
            long long id = 0;
            m_db.sql() << "INSERT INTO stores (code, name, city) VALUES (:code, :name, :city) RETURNING id",
                soci::use(s.code, "code"), soci::use(s.name, "name"), soci::use(s.city, "city"),
                soci::into(id);
            after.id = id;
            appendAudit(m_db, who, "insert", "store", s.code, std::nullopt, storeToJson(after));
        }
        tx.commit();
    });
    s = after;
}

} // namespace md::db
