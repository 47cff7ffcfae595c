#include "persistence/member_line_parser.h"

#include <soci/soci.h>

#include <tuple>
#include <utility>

namespace md::db {

namespace {

Invalid missing(std::string_view column) {
    return Invalid{"missing required field " + std::string(column)};
}

// The earliest plausible birthday or join date: older dates are typing mistakes (0199-05-01).
constexpr Date kEarliestDate = std::chrono::year{1900} / 1 / 1;

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
    : m_session(s), m_stores(std::move(stores)), m_now(now), m_today(today),
      // Today somewhere: the earliest time zone is 14 hours ahead of UTC.
      m_latestDate(std::chrono::floor<std::chrono::days>(now + std::chrono::hours(14))),
      m_card(s.column("card_no")), m_name(s.column("name")), m_phone(s.column("phone")),
      m_email(s.column("email")), m_birthday(s.column("birthday")), m_gender(s.column("gender")),
      m_join(s.column("join_date")), m_store(s.column("store")), m_emailConsent(s.column("email_consent")),
      m_smsConsent(s.column("sms_consent")), m_status(s.column("status")) {}

std::string MemberLineParser::implausibleDate(std::string_view column, Date d) const {
    if (d < kEarliestDate)
        return std::string(column) + " " + formatDate(d) + " is before 1900-01-01 (a typing mistake?)";
    if (d > m_latestDate)
        return std::string(column) + " " + formatDate(d) + " is in the future (today is " +
               formatDate(m_today) + ")";
    return {};
}

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
    if (m.name == kClearMarker) return Invalid{"name cannot be cleared"};

    // Upsert keeps what is stored for an empty cell; "<clear>" asks for the value to be removed.
    const auto cell = [&](int col, unsigned bit) -> std::string_view {
        const auto text = field(col);
        if (text.empty()) p.empty |= bit;
        return text == kClearMarker ? std::string_view() : text;
    };
    const auto phoneText = cell(m_phone, ParsedMember::kPhone),
               emailText = cell(m_email, ParsedMember::kEmail);
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
    if (const auto b = cell(m_birthday, ParsedMember::kBirthday); !b.empty()) {
        auto d = parseDate(b);
        if (!d) return Invalid{fieldReason("birthday", d.error())};
        if (auto why = implausibleDate("birthday", d.value()); !why.empty()) return Invalid{why};
        m.birthday = d.value();
    }
    if (const auto g = cell(m_gender, ParsedMember::kGender); !g.empty()) {
        auto gender = parseGender(g);
        if (!gender) return Invalid{fieldReason("gender", gender.error())};
        m.gender = gender.value();
    }
    m.joinDate = m_today;
    if (const auto j = cell(m_join, ParsedMember::kJoinDate); !j.empty()) {
        auto d = parseDate(j);
        if (!d) return Invalid{fieldReason("join_date", d.error())};
        if (auto why = implausibleDate("join_date", d.value()); !why.empty()) return Invalid{why};
        m.joinDate = d.value();
        p.joinDateGiven = true;
    } else if (field(m_join) == kClearMarker) {
        return Invalid{"join_date cannot be cleared"};
    }
    if (const auto s = cell(m_store, ParsedMember::kStore); !s.empty()) {
        const auto it = m_stores.find(upperAscii(s));
        if (it == m_stores.end()) return Invalid{"store " + std::string(s) + " does not exist"};
        m.homeStore = it->second;
    }
    const std::tuple<int, const char*, Consent*, unsigned> consents[] = {
        {m_emailConsent, "email_consent", &m.emailConsent, ParsedMember::kEmailConsent},
        {m_smsConsent, "sms_consent", &m.smsConsent, ParsedMember::kSmsConsent}};
    for (const auto& [col, column, consent, bit] : consents) {
        const auto text = cell(col, bit);
        const auto granted = parseConsentFlag(text);
        if (!granted)
            return Invalid{std::string(column) + ": expected 1/0, yes/no, true/false, y/n or 是/否, not \"" +
                           std::string(text) + "\""};
        *consent = Consent{*granted, "import", m_now};
    }
    if (field(m_status) == kClearMarker) return Invalid{"status cannot be cleared"};
    if (const auto st = cell(m_status, ParsedMember::kStatus); !st.empty()) {
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
    after.version = stored.version;
    // An empty cell (or a column the file does not have) says nothing: it must not wipe what is
    // stored, least of all a consent. Only "<clear>" clears.
    const auto keep = [&p](unsigned bit) { return (p.empty & bit) != 0; };
    if (keep(ParsedMember::kStatus)) after.status = stored.status;
    if (keep(ParsedMember::kPhone)) after.phone = stored.phone;
    if (keep(ParsedMember::kEmail)) after.email = stored.email;
    if (keep(ParsedMember::kBirthday)) after.birthday = stored.birthday;
    if (keep(ParsedMember::kGender)) after.gender = stored.gender;
    if (keep(ParsedMember::kStore)) after.homeStore = stored.homeStore;
    if (!p.joinDateGiven) after.joinDate = stored.joinDate;
    if (keep(ParsedMember::kEmailConsent) || after.emailConsent.granted == stored.emailConsent.granted)
        after.emailConsent = stored.emailConsent;
    if (keep(ParsedMember::kSmsConsent) || after.smsConsent.granted == stored.smsConsent.granted)
        after.smsConsent = stored.smsConsent;
    // A stored value no one could read stays marked while the line leaves it alone (so an unchanged
    // line is no change); a value the line gives replaces it.
    after.unreadable = stored.unreadable;
    const std::pair<unsigned, const char*> marks[] = {{ParsedMember::kPhone, "phone"},
                                                      {ParsedMember::kEmail, "email"},
                                                      {ParsedMember::kBirthday, "birthday"},
                                                      {ParsedMember::kGender, "gender"},
                                                      {ParsedMember::kStatus, "status"}};
    for (const auto& [bit, name] : marks)
        if (!keep(bit)) after.unreadable.erase(name);
    if (p.joinDateGiven) after.unreadable.erase("join_date");
    if (after.emailConsent != stored.emailConsent) after.unreadable.erase("email_consent_at");
    if (after.smsConsent != stored.smsConsent) after.unreadable.erase("sms_consent_at");
    if (after != stored) after.version = stored.version + 1;
    return after;
}

} // namespace md::db
