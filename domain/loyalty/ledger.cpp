#include "domain/loyalty/ledger.h"

#include <array>
#include <utility>

namespace md::loyalty {

namespace {
constexpr std::array<std::pair<EntryKind, const char*>, 5> kKinds{{{EntryKind::Earn, "earn"},
                                                                   {EntryKind::Redeem, "redeem"},
                                                                   {EntryKind::Adjust, "adjust"},
                                                                   {EntryKind::Expire, "expire"},
                                                                   {EntryKind::Reverse, "reverse"}}};
} // namespace

std::string toCode(EntryKind k) {
    for (const auto& [kind, code] : kKinds)
        if (kind == k) return code;
    return "?";
}

std::optional<EntryKind> parseEntryKind(const std::string& s) {
    for (const auto& [kind, code] : kKinds)
        if (s == code) return kind;
    return std::nullopt;
}

} // namespace md::loyalty
