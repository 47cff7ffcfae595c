// domain/ is standard C++ only: the GUI, database and network libraries depend on it, never the
// other way round. This test keeps that true as files are added.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// Header names included by `source` that belong to a library domain/ must not use.
std::vector<std::string> forbiddenIncludes(const std::string& source) {
    static const char* const kForbidden[] = {"wx/", "soci", "Poco/", "boost/"};
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
        std::size_t end = line.find_first_of(">\"", p + 1);
        std::string header = line.substr(p + 1, end == std::string::npos ? std::string::npos : end - p - 1);
        for (const char* f : kForbidden)
            if (header.rfind(f, 0) == 0) found.push_back(header);
    }
    return found;
}

} // namespace

BOOST_AUTO_TEST_SUITE(layering)

BOOST_AUTO_TEST_CASE(checker_flags_toolkit_database_and_boost_headers) {
    BOOST_TEST(forbiddenIncludes("#include <wx/string.h>\n").size() == 1u);
    BOOST_TEST(forbiddenIncludes("  #  include \"soci/soci.h\"\n").size() == 1u);
    BOOST_TEST(forbiddenIncludes("#include <Poco/Net/SMTPClientSession.h>\n").size() == 1u);
    BOOST_TEST(forbiddenIncludes("#include <boost/optional.hpp>\n").size() == 1u);
    BOOST_TEST(
        forbiddenIncludes("#include <string>\n#include \"domain/money.h\"\n// wx/ in a comment\n").empty());
}

BOOST_AUTO_TEST_CASE(domain_sources_include_only_standard_and_domain_headers) {
    const std::filesystem::path dir = std::filesystem::path(MEMBERDESK_SOURCE_DIR) / "domain";
    BOOST_REQUIRE(std::filesystem::is_directory(dir));
    int scanned = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        auto ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp" && ext != ".hpp" && ext != ".inl") continue;
        std::ifstream f(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        ++scanned;
        for (const auto& header : forbiddenIncludes(ss.str()))
            BOOST_ERROR(entry.path().filename().string() << " includes <" << header << ">");
    }
    BOOST_TEST(scanned > 10);
}

BOOST_AUTO_TEST_SUITE_END()
