#pragma once
// Reading #include lines out of the source tree, for the tests that keep the library edges of
// ARCHITECTURE.md true.
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace md::test {

/// The header names in `source`'s #include lines ("persistence/database.h", "wx/frame.h"), in order;
/// comments and other lines are ignored.
inline std::vector<std::string> includedHeaders(const std::string& source) {
    std::vector<std::string> found;
    std::istringstream in(source);
    std::string line;
    while (std::getline(in, line)) {
        std::size_t p = line.find_first_not_of(" \t");
        if (p == std::string::npos || line[p] != '#') continue;
        p = line.find_first_not_of(" \t", p + 1);
        if (p == std::string::npos || line.compare(p, 7, "include") != 0) continue;
        p = line.find_first_of("<\"", p + 7);
        if (p == std::string::npos) continue;
        const std::size_t end = line.find_first_of(">\"", p + 1);
        found.push_back(line.substr(p + 1, end == std::string::npos ? std::string::npos : end - p - 1));
    }
    return found;
}

/// Calls fn(path, text) for every C++ source or header below MEMBERDESK_SOURCE_DIR/dir; returns how many.
inline int forEachSource(const std::string& dir,
                         const std::function<void(const std::filesystem::path&, const std::string&)>& fn) {
    const auto root = std::filesystem::path(MEMBERDESK_SOURCE_DIR) / dir;
    int scanned = 0;
    if (!std::filesystem::is_directory(root)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp" && ext != ".hpp" && ext != ".inl"))
            continue;
        std::ifstream f(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        ++scanned;
        fn(entry.path(), ss.str());
    }
    return scanned;
}

} // namespace md::test
