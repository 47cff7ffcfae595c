#pragma once
// One line of a member import file -> a valid Member, or the reason it is rejected. Pure: the store
// codes come in, nothing goes to the database.
#include "domain/member.h"
#include "persistence/import_session.h"

#include <string>
#include <unordered_map>

namespace md::db {

struct ParsedMember {
    Member member;
    bool joinDateGiven = false; ///< an upsert keeps the stored join date when the file leaves it empty
};

class MemberLineParser {
public:
    /// stores: upper-cased code -> code as stored. now: the consent time of every imported answer.
    MemberLineParser(const ImportSession& session, std::unordered_map<std::string, std::string> stores,
                     Timestamp now, Date today);
    Expected<ParsedMember> parse(const CsvRecord& r) const;
    /// Upsert: the line's values over the stored member. What the file cannot say (id) is kept, so is
    /// every column the file does not have (status included) and an empty join_date; an empty status
    /// is active; a consent answer that did not change keeps its original source and time. The version
    /// is bumped only on a change.
    Member applyTo(const Member& stored, const ParsedMember& p) const;

private:
    const ImportSession& m_session;
    std::unordered_map<std::string, std::string> m_stores;
    Timestamp m_now;
    Date m_today;
    int m_card, m_name, m_phone, m_email, m_birthday, m_gender, m_join, m_store, m_emailConsent, m_smsConsent,
        m_status;
};

/// Upper-cased code -> code, for the case-insensitive "unknown store" check.
std::unordered_map<std::string, std::string> loadStoreCodes(Database& db);

} // namespace md::db
