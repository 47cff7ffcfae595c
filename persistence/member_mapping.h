#pragma once
// Internal: the one place that knows how a Member, a MemberRow and a Store lie in their tables.
// Repositories, the browser, import and export all read and write through these helpers.
#include "domain/member.h"
#include "domain/store.h"
#include "domain/transaction.h"
#include "persistence/member_columns.h"

#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>

namespace md::db {

/// The list rows' columns, in the order memberRowFromRow reads them (a member's own columns are in
/// member_columns.h).
/// The loyalty columns are primary-key lookups per row (correlated, so the queries' FROM and WHERE stay
/// on members and its indexes), 0 / '' for a member the engine has not touched.
inline constexpr const char* kMemberRowColumns =
    "id, card_no, name, phone, home_store, join_date, last_purchase_at, orders, revenue_minor, "
    "COALESCE((SELECT tier_code FROM member_tiers WHERE member_tiers.member_id = members.id), '') AS "
    "row_tier, "
    "COALESCE((SELECT tier_rank FROM member_tiers WHERE member_tiers.member_id = members.id), 0) AS "
    "row_rank, "
    "COALESCE((SELECT balance FROM member_points WHERE member_points.member_id = members.id), 0) AS "
    "row_points";

// SOCI reports SQLite column types from the declared type ("INTEGER" -> int, "BIGINT" -> long long,
// expressions such as COUNT(*) -> string), PostgreSQL's from the OID: these read any of them.
std::int64_t rowInt(const soci::row& r, std::size_t i);
std::string rowText(const soci::row& r, std::size_t i); ///< "" for NULL; numbers as decimal text
std::optional<std::string> rowOptText(const soci::row& r, std::size_t i);
/// A single integer from a query such as SELECT COUNT(*) on any backend.
std::int64_t queryInt(soci::session& sql, const std::string& query);

/// Named parameters for a query whose shape is decided at run time (search kinds, sort columns).
/// Values live in deques so the references SOCI keeps stay valid while the statement runs.
class QueryArgs {
public:
    QueryArgs& text(std::string name, std::string value) {
        m_text.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    QueryArgs& integer(std::string name, long long value) {
        m_ints.emplace_back(std::move(name), value);
        return *this;
    }
    /// Runs query and calls fn(const soci::row&) for each result row.
    template <class F> void forEachRow(soci::session& sql, const std::string& query, F&& fn) {
        soci::row r;
        soci::statement st(sql);
        st.exchange(soci::into(r));
        bindAll(st);
        st.alloc();
        st.prepare(query);
        st.define_and_bind();
        st.execute(false);
        while (st.fetch())
            fn(static_cast<const soci::row&>(r));
    }
    /// Runs a statement that returns no rows (INSERT ... SELECT).
    void execute(soci::session& sql, const std::string& statement) {
        soci::statement st(sql);
        bindAll(st);
        st.alloc();
        st.prepare(statement);
        st.define_and_bind();
        st.execute(true);
    }
    /// Runs a query returning one integer (COUNT(*)); 0 when it returns no row.
    std::int64_t scalar(soci::session& sql, const std::string& query);

private:
    void bindAll(soci::statement& st);
    std::deque<std::pair<std::string, std::string>> m_text;
    std::deque<std::pair<std::string, long long>> m_ints;
};

/// Reads memberReadColumns() (member_columns.h). Throws DatabaseError if a stored value no longer parses.
Member memberFromRow(const soci::row& r);
/// Reads kMemberRowColumns.
MemberRow memberRowFromRow(const soci::row& r);

/// The digits of an E.164 number reversed ("+8613800138000" -> "0008310083168"), so that "last digits"
/// searches become prefix range scans on an ordinary index.
std::string reversedDigits(const std::string& e164);

/// Values to bind when writing a member, derived keys included. Lives as long as the statement that
/// uses it, since SOCI binds by reference. Placeholders: :card_no, :name, :name_key, :phone, :phone_rev,
/// :email, :email_key, :birthday, :gender, :join_date, :home_store, :status, :email_consent,
/// :email_consent_source, :email_consent_at, :sms_consent, :sms_consent_source, :sms_consent_at.
class MemberBinds {
public:
    explicit MemberBinds(const Member& m);
    /// Adds every placeholder above as a named use() to a statement being built.
    void exchange(soci::statement& st);
    /// "card_no = :card_no, name = :name, ..." for UPDATE.
    static std::string assignments();
    /// "(card_no, ...)" and "(:card_no, ...)" for INSERT.
    static std::string insertColumns();
    static std::string insertValues();

private:
    struct Text {
        std::string value;
        soci::indicator ind = soci::i_ok;
    };
    static Text opt(const std::optional<std::string>& v);
    Text m_card, m_name, m_nameKey, m_phone, m_phoneRev, m_email, m_emailKey, m_birthday, m_gender,
        m_joinDate, m_homeStore, m_status, m_emailSource, m_emailAt, m_smsSource, m_smsAt;
    int m_emailConsent = 0, m_smsConsent = 0;
};

Store storeFromRow(const soci::row& r); ///< id, code, name, city
/// id, order_id, card_no, store_code, channel, occurred_at, amount_minor, currency, kind, items, category
Transaction transactionFromRow(const soci::row& r);

} // namespace md::db
