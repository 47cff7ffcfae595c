#include "domain/member.h"
#include "domain/text.h"

#include "domain/csv.h"

namespace md {
namespace {

using text::trim;

/// ASCII case-insensitive comparison; the Chinese spellings are compared byte for byte.
bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

bool anyOf(std::string_view s, std::initializer_list<std::string_view> options) {
    for (auto o : options)
        if (equalsIgnoreCase(s, o)) return true;
    return false;
}

constexpr std::size_t kMaxNameBytes = 200;

} // namespace

std::string toCode(Gender g) {
    switch (g) {
    case Gender::Female:
        return "F";
    case Gender::Male:
        return "M";
    case Gender::Other:
        return "O";
    case Gender::Unknown:
        break;
    }
    return "";
}

Expected<Gender> parseGender(std::string_view text) {
    std::string_view s = trim(text);
    if (anyOf(s, {"", "u", "unknown", "未知", "保密"})) return Gender::Unknown;
    if (anyOf(s, {"f", "female", "woman", "女"})) return Gender::Female;
    if (anyOf(s, {"m", "male", "man", "男"})) return Gender::Male;
    if (anyOf(s, {"o", "other", "其他"})) return Gender::Other;
    return Invalid{"unknown gender \"" + std::string(s) + "\"; use F, M, O or leave it empty"};
}

std::string toCode(MemberStatus s) {
    switch (s) {
    case MemberStatus::Active:
        return "active";
    case MemberStatus::Suspended:
        return "suspended";
    case MemberStatus::Closed:
        return "closed";
    }
    return "active";
}

Expected<MemberStatus> parseMemberStatus(std::string_view text) {
    std::string_view s = trim(text);
    if (anyOf(s, {"active", "正常"})) return MemberStatus::Active;
    if (anyOf(s, {"suspended", "冻结"})) return MemberStatus::Suspended;
    if (anyOf(s, {"closed", "注销"})) return MemberStatus::Closed;
    return Invalid{"unknown member status \"" + std::string(s) + "\"; use active, suspended or closed"};
}

std::string validateMember(const Member& m) {
    std::string_view name = trim(m.name);
    if (name.empty()) return "a name is required";
    if (name.size() > kMaxNameBytes) return "the name is too long";
    if (!isValidUtf8(name)) return "the name contains invalid characters (not UTF-8)";
    if (!m.phone && !m.email) return "a phone number or an email address is required";
    if (m.homeStore.size() > 32) return "the home store code is too long";
    return {};
}

} // namespace md
