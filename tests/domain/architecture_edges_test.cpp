// Every edge of ARCHITECTURE.md, not only domain's: which project folders and third-party libraries
// each library's sources may include. (front_end_layering_test.cpp adds the main.cpp exception for
// persistence in gui/ and cli/; layering_test.cpp checks domain against toolkits.)
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> includes(const std::string& source) {
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

/// Include prefixes each library must not use.
const std::map<std::string, std::vector<std::string>>& forbidden() {
    static const std::map<std::string, std::vector<std::string>> rules = {
        {"domain", {"app/", "persistence/", "demo/", "gui/", "cli/", "wx/", "soci", "Poco/", "unicode/"}},
        {"demo", {"app/", "persistence/", "gui/", "cli/", "wx/", "soci", "Poco/"}},
        {"persistence", {"app/", "demo/", "gui/", "cli/", "wx/", "Poco/"}},
        {"app", {"persistence/", "gui/", "cli/", "wx/", "soci", "Poco/", "unicode/"}},
        {"gui", {"cli/", "soci"}},
        {"cli", {"gui/", "wx/", "soci"}},
    };
    return rules;
}

std::vector<std::string> breaches(const std::string& dir, int& scanned) {
    std::vector<std::string> out;
    const auto root = std::filesystem::path(MEMBERDESK_SOURCE_DIR) / dir;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        std::ifstream f(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        ++scanned;
        for (const auto& header : includes(ss.str()))
            for (const auto& prefix : forbidden().at(dir))
                if (header.rfind(prefix, 0) == 0)
                    out.push_back(entry.path().filename().string() + ": " + header);
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(architecture_edges)

BOOST_AUTO_TEST_CASE(the_include_reader_finds_project_and_library_headers) {
    BOOST_TEST(
        includes("#include \"persistence/database.h\"\n# include <wx/wx.h>\n// #include <x>\n").size() == 2u);
}

BOOST_AUTO_TEST_CASE(each_library_includes_only_what_it_may_depend_on) {
    for (const auto& [dir, _] : forbidden()) {
        int scanned = 0;
        const auto found = breaches(dir, scanned);
        BOOST_TEST_INFO(dir);
        BOOST_TEST(scanned > 0);
        for (const auto& b : found)
            BOOST_ERROR(dir << "/" << b);
    }
}

BOOST_AUTO_TEST_SUITE_END()
