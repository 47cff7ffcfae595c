#include "persistence/member_line_parser.h"

#include <soci/soci.h>

#include <tuple>

namespace md::db {

namespace {

Invalid missing(std::string_view column) {
    return Invalid{"missing required field " + std::string(column)};
}

} // namespace

std::unordered_map<std::string, std::string> loadStoreCodes(Database& db) {
    std::unordered_map<std::string, std::string> codes;
    std::string code;
    soci::statement st = (db.sql().prepare << "SELECT code FROM stores", soci::into(code));
    st.execute();
    while (st.fetch())
        codes.emplace(upperAscii(code), code);
    return codes;
}

MemberLineParser::MemberLineParser(const ImportSession& s,
                                   std::unordered_map<std::string, std::string> stores, Timestamp now,
                                   Date today)
    : m_session(s), m_stores(std::move(stores)), m_now(now), m_today(today), m_card(s.column("card_no")),
      m_name(s.column("name")), m_phone(s.column("phone")), m_email(s.column("email")),
      m_birthday(s.column("birthday")), m_gender(s.column("gender")), m_join(s.column("join_date")),
      m_store(s.column("store")), m_emailConsent(s.column("email_consent")),
      m_smsConsent(s.column("sms_consent")), m_status(s.column("status")) {}

Expected<ParsedMember> MemberLineParser::parse(const CsvRecord& r) const {
    if (auto problem = m_session.structuralProblem(r); !problem.empty()) return Invalid{problem};
    const auto field = [&r](int col) { return ImportSession::field(r, col); };

    ParsedMember p;
    Member& m = p.member;
    const auto cardText = field(m_card);
    if (cardText.empty()) return missing("card_no");
    auto card = CardNumber::parse(cardText);
    if (!card) return Invalid{fieldReason("card_no", card.error())};
    m.card = std::move(card).value();

    m.name = std::string(field(m_name));
    if (m.name.empty()) return missing("name");

    const auto phoneText = field(m_phone), emailText = field(m_email);
    if (phoneText.empty() && emailText.empty()) return Invalid{"missing required field: phone or email"};
    if (!phoneText.empty()) {
        auto phone = PhoneNumber::parse(phoneText);
        if (!phone) return Invalid{fieldReason("phone", phone.error())};
        m.phone = std::move(phone).value();
    }
    if (!emailText.empty()) {
        auto email = EmailAddress::parse(emailText);
        if (!email) return Invalid{fieldReason("email", email.error())};
        m.email = std::move(email).value();
    }
    if (const auto b = field(m_birthday); !b.empty()) {
        auto d = parseDate(b);
        if (!d) return Invalid{fieldReason("birthday", d.error())};
        m.birthday = d.value();
    }
    if (const auto g = field(m_gender); !g.empty()) {
        auto gender = parseGender(g);
        if (!gender) return Invalid{fieldReason("gender", gender.error())};
        m.gender = gender.value();
    }
    m.joinDate = m_today;
    if (const auto j = field(m_join); !j.empty()) {
        auto d = parseDate(j);
        if (!d) return Invalid{fieldReason("join_date", d.error())};
        m.joinDate = d.value();
        p.joinDateGiven = true;
    }
    if (const auto s = field(m_store); !s.empty()) {
        const auto it = m_stores.find(upperAscii(s));
        if (it == m_stores.end()) return Invalid{"store " + std::string(s) + " does not exist"};
        m.homeStore = it->second;
    }
    const std::tuple<int, const char*, Consent*> consents[] = {
        {m_emailConsent, "email_consent", &m.emailConsent}, {m_smsConsent, "sms_consent", &m.smsConsent}};
    for (const auto& [col, column, consent] : consents) {
        const auto text = field(col);
        const auto granted = parseConsentFlag(text);
        if (!granted)
            return Invalid{std::string(column) + ": expected 1/0, yes/no, true/false, y/n or 是/否, not \"" +
                           std::string(text) + "\""};
        *consent = Consent{*granted, "import", m_now};
    }
    if (const auto st = field(m_status); !st.empty()) {
        auto status = parseMemberStatus(st);
        if (!status) return Invalid{fieldReason("status", status.error())};
        m.status = status.value();
    }
    if (auto why = validateMember(m); !why.empty()) return Invalid{why};
    return p;
}

Member MemberLineParser::applyTo(const Member& stored, const ParsedMember& p) const {
    Member after = p.member;
    after.id = stored.id;
    if (m_status < 0) after.status = stored.status;
    after.version = stored.version;
    // A file without a column says nothing about it: it must not wipe what is stored.
    if (m_phone < 0) after.phone = stored.phone;
    if (m_email < 0) after.email = stored.email;
    if (m_birthday < 0) after.birthday = stored.birthday;
    if (m_gender < 0) after.gender = stored.gender;
    if (m_store < 0) after.homeStore = stored.homeStore;
    if (!p.joinDateGiven) after.joinDate = stored.joinDate;
    if (m_emailConsent < 0 || after.emailConsent.granted == stored.emailConsent.granted)
        after.emailConsent = stored.emailConsent;
    if (m_smsConsent < 0 || after.smsConsent.granted == stored.smsConsent.granted)
        after.smsConsent = stored.smsConsent;
    if (after != stored) after.version = stored.version + 1;
    return after;
}

} // namespace md::db
