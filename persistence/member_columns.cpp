#include "persistence/member_columns.h"

namespace md::db {

std::string memberReadColumns(const std::string& alias) {
    std::string out;
    for (const auto& c : kMemberColumnTable)
        if (c.read) out += (out.empty() ? "" : ", ") + (alias.empty() ? "" : alias + ".") + c.name;
    return out;
}

std::size_t memberReadColumnCount() {
    std::size_t n = 0;
    for (const auto& c : kMemberColumnTable)
        n += c.read ? 1 : 0;
    return n;
}

std::vector<std::string> memberColumnNames(bool MemberColumn::*flag) {
    std::vector<std::string> out;
    for (const auto& c : kMemberColumnTable)
        if (c.*flag) out.emplace_back(c.name);
    return out;
}

bool isIntegerMemberColumn(std::string_view name) {
    for (const auto& c : kMemberColumnTable)
        if (name == c.name) return c.integer;
    return false;
}

} // namespace md::db
