#pragma once
#include "expected.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace md {

struct Store {
    std::int64_t id = 0;
    std::string code; ///< "SH001"
    std::string name; ///< "上海南京西路店"
    std::string city;
    bool operator==(const Store&) const = default;
};

inline constexpr std::size_t kMaxStoreCodeLength = 16;

/// Trims and upper-cases a store code ("sh001" -> "SH001"); letters A-Z, digits, '-' and '_' only.
Expected<std::string> normaliseStoreCode(std::string_view text);
/// "" when s can be stored (code as normaliseStoreCode accepts it, a name, no control characters).
std::string validateStore(const Store& s);

} // namespace md
