#pragma once
// The members table's columns in one order, with what each reader and writer does with them. Every
// SELECT of a member, the bulk writers, the repository's INSERT/UPDATE and the export take their column
// lists from here, so a column added to the table is added in one place.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace md::db {

struct MemberColumn {
    const char* name;
    bool integer;   ///< bound and read as an integer
    bool read;      ///< part of a Member as read back (memberFromRow)
    bool updatable; ///< rewritten when a member is updated (derived search keys included)
    bool bound;     ///< bound by name from a Member (MemberBinds); the rest are keys, versions or times
    bool exported;  ///< a column of the export/import file format
};

// Bulk inserts write every column but id in this order; readers select the `read` ones in this order.
inline constexpr MemberColumn kMemberColumnTable[] = {
    {"id", true, true, false, false, false},
    {"card_no", false, true, false, true, true},
    {"card_digits", false, false, false, false, false},
    {"name", false, true, true, true, true},
    {"name_key", false, false, true, true, false},
    {"name_sort", false, false, true, false, false},
    {"phone", false, true, true, true, true},
    {"phone_rev", false, false, true, true, false},
    {"email", false, true, true, true, true},
    {"email_key", false, false, true, true, false},
    {"birthday", false, true, true, true, true},
    {"gender", false, true, true, true, true},
    {"join_date", false, true, true, true, true},
    {"home_store", false, true, true, true, true},
    {"email_consent", true, true, true, true, true},
    {"email_consent_source", false, true, true, true, false},
    {"email_consent_at", false, true, true, true, false},
    {"sms_consent", true, true, true, true, true},
    {"sms_consent_source", false, true, true, true, false},
    {"sms_consent_at", false, true, true, true, false},
    {"status", false, true, true, true, true},
    {"version", true, true, true, false, false},
    {"created_at", false, false, false, false, false},
    {"updated_at", false, false, true, false, false},
};

/// Position of a `read` column in memberReadColumns(); a name that is not one fails to compile where
/// it is used in a constant expression.
constexpr std::size_t memberReadIndex(std::string_view name) {
    std::size_t i = 0;
    for (const auto& c : kMemberColumnTable) {
        if (!c.read) continue;
        if (name == c.name) return i;
        ++i;
    }
    throw "not a column read into a Member";
}

/// "id, card_no, name, ..." (the `read` columns), each prefixed with "alias." when alias is given.
std::string memberReadColumns(const std::string& alias = "");
std::size_t memberReadColumnCount();
/// Names of the columns with the given flag, in table order.
std::vector<std::string> memberColumnNames(bool MemberColumn::*flag);
bool isIntegerMemberColumn(std::string_view name);

} // namespace md::db
