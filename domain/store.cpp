#include "store.h"

namespace md {

Expected<std::string> normaliseStoreCode(std::string_view text) {
    std::string code;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        code.push_back(c);
    }
    while (!code.empty() && code.back() == ' ')
        code.pop_back();
    while (!code.empty() && code.front() == ' ')
        code.erase(0, 1);
    if (code.empty()) return Invalid{"store code is empty"};
    if (code.size() > kMaxStoreCodeLength)
        return Invalid{"store code " + code + " is longer than " + std::to_string(kMaxStoreCodeLength) +
                       " characters"};
    for (char c : code)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return Invalid{"store code \"" + code + "\" may hold only letters A-Z, digits, '-' and '_'"};
    return code;
}

std::string validateStore(const Store& s) {
    if (auto code = normaliseStoreCode(s.code); !code) return code.error();
    if (s.name.empty()) return "store name is empty";
    if (s.name.size() > 200) return "store name is longer than 200 bytes";
    if (s.city.size() > 100) return "city is longer than 100 bytes";
    for (unsigned char c : s.name + s.city)
        if (c < 0x20 || c == 0x7f) return "store name and city may not hold control characters";
    return {};
}

} // namespace md
