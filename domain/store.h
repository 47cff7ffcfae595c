#pragma once
#include <cstdint>
#include <string>

namespace md {

struct Store {
    std::int64_t id = 0;
    std::string code; ///< "SH001"
    std::string name; ///< "上海南京西路店"
    std::string city;
    bool operator==(const Store&) const = default;
};

} // namespace md
