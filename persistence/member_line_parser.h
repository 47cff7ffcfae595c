#pragma once
// One line of a member import file -> a valid Member, or the reason it is rejected. Pure: the store
// codes come in, nothing goes to the database.
#include "domain/member.h"
#include "persistence/import_session.h"

#include <string>
#include <unordered_map>

namespace md::db {

struct ParsedMember {
    /// The optional fields of a line; in `empty`, those whose cell was empty.
    enum Field : unsigned {
        kPhone = 1u << 0,
        kEmail = 1u << 1,
        kBirthday = 1u << 2,
        kGender = 1u << 3,
        kStore = 1u << 4,
        kEmailConsent = 1u << 5,
        kSmsConsent = 1u << 6,
        kStatus = 1u << 7,
        kJoinDate = 1u << 8,
    };
    Member member;
    /// Upsert keeps the stored value of every field whose cell was empty; "<clear>" clears it.
    unsigned empty = 0;
    bool joinDateGiven = false; ///< an upsert keeps the stored join date when the file leaves it empty
};

class MemberLineParser {
public:
    /// stores: upper-cased code -> code as stored. now: the consent time of every imported answer, the
    /// default join date, and the limit for dates that cannot be in the future.
    MemberLineParser(const ImportSession& session, std::unordered_map<std::string, std::string> stores,
                     Timestamp now, Date today);
    Expected<ParsedMember> parse(const CsvRecord& r) const;
    /// Upsert: the line's values over the stored member. What the file cannot say (id) is kept, so is
    /// every column the file does not have and every empty cell (a cell reading "<clear>" clears the
    /// value instead); a consent answer that did not change keeps its original source and time. The
    /// version is bumped only on a change.
    Member applyTo(const Member& stored, const ParsedMember& p) const;

private:
    /// Why a birthday or join date cannot be right (before 1900, in the future), or "".
    std::string implausibleDate(std::string_view column, Date d) const;

    const ImportSession& m_session;
    std::unordered_map<std::string, std::string> m_stores;
    Timestamp m_now;
    Date m_today, m_latestDate;
    int m_card, m_name, m_phone, m_email, m_birthday, m_gender, m_join, m_store, m_emailConsent, m_smsConsent,
        m_status;
};

/// Upper-cased code -> code, for the case-insensitive "unknown store" check.
std::unordered_map<std::string, std::string> loadStoreCodes(Database& db);

} // namespace md::db
