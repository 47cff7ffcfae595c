#include "persistence/member_mapping.h"

#include "domain/errors.h"
#include "domain/member_query.h"

#include <algorithm>
#include <cmath>

namespace md::db {

namespace {

template <class T> T parsedOrThrow(Expected<T> value, const std::string& what, const std::string& text) {
    if (!value.ok())
        throw DatabaseError("The database holds a value MemberDesk cannot read",
                            what + " \"" + text + "\": " + value.error());
    return std::move(value).value();
}

// A stored value that does not parse (written by an older version, or by hand) leaves the field at its
// default and is recorded in `unreadable`: the record stays viewable with the field marked.
template <class T>
void readInto(T& field, Expected<T> value, std::map<std::string, std::string>& unreadable, const char* name,
              const std::string& text) {
    if (value.ok())
        field = std::move(value).value();
    else
        unreadable.emplace(name, text);
}

template <class T>
void readInto(std::optional<T>& field, Expected<T> value, std::map<std::string, std::string>& unreadable,
              const char* name, const std::string& text) {
    if (value.ok())
        field = std::move(value).value();
    else
        unreadable.emplace(name, text);
}

std::optional<Timestamp> optTimestamp(const soci::row& r, std::size_t i) {
    auto text = rowOptText(r, i);
    if (!text || text->empty()) return std::nullopt;
    auto t = parseTimestamp(*text);
    return t.ok() ? std::optional(t.value()) : std::nullopt;
}

Consent consentFrom(const soci::row& r, std::size_t granted, std::size_t source, std::size_t at,
                    std::map<std::string, std::string>& unreadable, const char* atName) {
    Consent c;
    c.granted = rowInt(r, granted) != 0;
    c.source = rowText(r, source);
    c.at = optTimestamp(r, at);
    if (auto text = rowOptText(r, at); text && !text->empty() && !c.at) unreadable.emplace(atName, *text);
    return c;
}

} // namespace

std::int64_t rowInt(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return 0;
    switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
        return r.get<int>(i);
    case soci::dt_long_long:
        return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
        return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
        return std::llround(r.get<double>(i));
    case soci::dt_string:
        return std::stoll(r.get<std::string>(i));
    default:
        throw DatabaseError("The database returned an unexpected column type",
                            "column " + r.get_properties(i).get_name() + " is not a number");
    }
}

std::string rowText(const soci::row& r, std::size_t i) {
    return rowOptText(r, i).value_or(std::string());
}

std::optional<std::string> rowOptText(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    switch (r.get_properties(i).get_data_type()) {
    case soci::dt_string:
        return r.get<std::string>(i);
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long:
        return std::to_string(rowInt(r, i));
    default:
        throw DatabaseError("The database returned an unexpected column type",
                            "column " + r.get_properties(i).get_name() + " is not text");
    }
}

std::int64_t queryInt(soci::session& sql, const std::string& query) {
    soci::row r;
    sql << query, soci::into(r);
    return rowInt(r, 0);
}

void QueryArgs::bindAll(soci::statement& st) {
    for (auto& [name, value] : m_text)
        st.exchange(soci::use(value, name));
    for (auto& [name, value] : m_ints)
        st.exchange(soci::use(value, name));
}

std::int64_t QueryArgs::scalar(soci::session& sql, const std::string& query) {
    std::int64_t out = 0;
    forEachRow(sql, query, [&](const soci::row& r) { out = rowInt(r, 0); });
    return out;
}

Member memberFromRow(const soci::row& r) {
    // Positions are computed at compile time from the one column list.
    constexpr auto col = [](std::string_view name) consteval {
        return memberReadIndex(name);
    };
    Member m;
    m.id = rowInt(r, col("id"));
    const std::string card = rowText(r, col("card_no"));
    m.card = parsedOrThrow(CardNumber::parse(card), "card number", card);
    m.name = rowText(r, col("name"));
    auto& bad = m.unreadable;
    if (auto phone = rowOptText(r, col("phone")); phone && !phone->empty())
        readInto(m.phone, PhoneNumber::parse(*phone), bad, "phone", *phone);
    if (auto email = rowOptText(r, col("email")); email && !email->empty())
        readInto(m.email, EmailAddress::parse(*email), bad, "email", *email);
    if (auto birthday = rowOptText(r, col("birthday")); birthday && !birthday->empty())
        readInto(m.birthday, parseDate(*birthday), bad, "birthday", *birthday);
    const std::string gender = rowText(r, col("gender"));
    readInto(m.gender, parseGender(gender), bad, "gender", gender);
    const std::string joined = rowText(r, col("join_date"));
    readInto(m.joinDate, parseDate(joined), bad, "join_date", joined);
    m.homeStore = rowText(r, col("home_store"));
    const std::string status = rowText(r, col("status"));
    readInto(m.status, parseMemberStatus(status), bad, "status", status);
    m.emailConsent = consentFrom(r, col("email_consent"), col("email_consent_source"),
                                 col("email_consent_at"), bad, "email_consent_at");
    m.smsConsent = consentFrom(r, col("sms_consent"), col("sms_consent_source"), col("sms_consent_at"), bad,
                               "sms_consent_at");
    m.version = rowInt(r, col("version"));
    return m;
}

MemberRow memberRowFromRow(const soci::row& r) {
    MemberRow row;
    row.id = rowInt(r, 0);
    row.card = rowText(r, 1);
    row.name = rowText(r, 2);
    row.phone = rowText(r, 3);
    row.store = rowText(r, 4);
    const std::string joined = rowText(r, 5);
    // The list shows what it can; show CARD marks what it cannot read.
    if (auto d = parseDate(joined); d.ok()) row.joinDate = d.value();
    row.lastPurchase = optTimestamp(r, 6);
    row.orders = rowInt(r, 7);
    row.revenueMinor = rowInt(r, 8);
    row.tier = rowText(r, 9);
    row.tierRank = static_cast<int>(rowInt(r, 10));
    row.points = rowInt(r, 11);
    return row;
}

std::string reversedDigits(const std::string& e164) {
    std::string digits;
    for (char c : e164)
        if (c >= '0' && c <= '9') digits.push_back(c);
    std::reverse(digits.begin(), digits.end());
    return digits;
}

MemberBinds::Text MemberBinds::opt(const std::optional<std::string>& v) {
    // Empty means "not given": NULL keeps foreign keys (home_store) and lookups (phone) honest.
    if (!v || v->empty()) return {std::string(), soci::i_null};
    return {*v, soci::i_ok};
}

MemberBinds::MemberBinds(const Member& m) {
    auto some = [](std::string s) { return std::optional<std::string>(std::move(s)); };
    auto at = [](const Consent& c) {
        return c.at ? std::optional<std::string>(formatTimestamp(*c.at)) : std::nullopt;
    };
    m_card = {m.card.str()};
    m_name = {m.name};
    m_nameKey = {nameKey(m.name)};
    m_phone = opt(m.phone ? some(m.phone->e164()) : std::nullopt);
    m_phoneRev = opt(m.phone ? some(reversedDigits(m.phone->e164())) : std::nullopt);
    m_email = opt(m.email ? some(m.email->str()) : std::nullopt);
    m_emailKey = opt(m.email ? some(m.email->key()) : std::nullopt);
    m_birthday = opt(m.birthday ? some(formatDate(*m.birthday)) : std::nullopt);
    m_gender = {toCode(m.gender)};
    m_joinDate = {formatDate(m.joinDate)};
    m_homeStore = opt(m.homeStore);
    m_status = {toCode(m.status)};
    m_emailConsent = m.emailConsent.granted ? 1 : 0;
    m_emailSource = opt(m.emailConsent.source);
    m_emailAt = opt(at(m.emailConsent));
    m_smsConsent = m.smsConsent.granted ? 1 : 0;
    m_smsSource = opt(m.smsConsent.source);
    m_smsAt = opt(at(m.smsConsent));
}

void MemberBinds::exchange(soci::statement& st) {
    auto text = [&](Text& t, const char* name) { st.exchange(soci::use(t.value, t.ind, name)); };
    text(m_card, "card_no");
    text(m_name, "name");
    text(m_nameKey, "name_key");
    text(m_phone, "phone");
    text(m_phoneRev, "phone_rev");
    text(m_email, "email");
    text(m_emailKey, "email_key");
    text(m_birthday, "birthday");
    text(m_gender, "gender");
    text(m_joinDate, "join_date");
    text(m_homeStore, "home_store");
    text(m_status, "status");
    st.exchange(soci::use(m_emailConsent, "email_consent"));
    text(m_emailSource, "email_consent_source");
    text(m_emailAt, "email_consent_at");
    st.exchange(soci::use(m_smsConsent, "sms_consent"));
    text(m_smsSource, "sms_consent_source");
    text(m_smsAt, "sms_consent_at");
}

namespace {

std::string joined(std::string (*column)(const char*)) {
    std::string out;
    static const auto written = memberColumnNames(&MemberColumn::bound);
    for (const auto& c : written)
        out += (out.empty() ? "" : ", ") + column(c.c_str());
    return out;
}
} // namespace

std::string MemberBinds::assignments() {
    return joined([](const char* c) { return std::string(c) + " = :" + c; });
}

std::string MemberBinds::insertColumns() {
    return joined([](const char* c) { return std::string(c); });
}

std::string MemberBinds::insertValues() {
    return joined([](const char* c) { return ":" + std::string(c); });
}

Store storeFromRow(const soci::row& r) {
    return Store{rowInt(r, 0), rowText(r, 1), rowText(r, 2), rowText(r, 3)};
}

Transaction transactionFromRow(const soci::row& r) {
    Transaction t;
    t.id = rowInt(r, 0);
    t.orderId = rowText(r, 1);
    t.cardNo = rowText(r, 2);
    t.storeCode = rowText(r, 3);
    const std::string channel = rowText(r, 4);
    readInto(t.channel, parseSalesChannel(channel), t.unreadable, "channel", channel);
    const std::string at = rowText(r, 5);
    readInto(t.occurredAt, parseTimestamp(at), t.unreadable, "occurred_at", at);
    t.amount = Money(rowInt(r, 6), rowText(r, 7));
    const std::string kind = rowText(r, 8);
    readInto(t.kind, parseTransactionKind(kind), t.unreadable, "kind", kind);
    t.items = static_cast<int>(rowInt(r, 9));
    t.category = rowText(r, 10);
    return t;
}

} // namespace md::db
