// Every edge of ARCHITECTURE.md, not only domain's: which project folders and third-party libraries
// each library's sources may include. (front_end_layering_test.cpp adds the main.cpp exception for
// persistence in gui/ and cli/; layering_test.cpp checks domain against toolkits.)
#include "tests/domain/include_scan.h"

#include <boost/test/unit_test.hpp>

#include <map>

namespace {

/// Include prefixes each library must not use.
const std::map<std::string, std::vector<std::string>>& forbidden() {
    static const std::map<std::string, std::vector<std::string>> rules = {
        {"domain",
         {"app/", "persistence/", "demo/", "gui/", "cli/", "campaigns/", "wx/", "soci", "Poco/", "unicode/"}},
        {"demo", {"app/", "persistence/", "gui/", "cli/", "wx/", "soci", "Poco/"}},
        {"persistence", {"app/", "demo/", "gui/", "cli/", "wx/", "Poco/"}},
        {"app", {"persistence/", "gui/", "cli/", "campaigns/", "wx/", "soci", "Poco/", "unicode/"}},
        {"campaigns", {"persistence/", "demo/", "gui/", "cli/", "wx/", "soci"}},
        {"gui", {"cli/", "soci"}},
        {"cli", {"gui/", "wx/", "soci"}},
    };
    return rules;
}

std::vector<std::string> breaches(const std::string& dir, int& scanned) {
    std::vector<std::string> out;
    scanned = md::test::forEachSource(dir, [&](const std::filesystem::path& path, const std::string& text) {
        for (const auto& header : md::test::includedHeaders(text))
            for (const auto& prefix : forbidden().at(dir))
                if (header.rfind(prefix, 0) == 0) out.push_back(path.filename().string() + ": " + header);
    });
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(architecture_edges)

BOOST_AUTO_TEST_CASE(the_include_reader_finds_project_and_library_headers) {
    BOOST_TEST(md::test::includedHeaders(
                   "#include \"persistence/database.h\"\n# include <wx/wx.h>\n// #include <x>\n")
                   .size() == 2u);
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
