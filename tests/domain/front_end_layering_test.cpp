// The front ends (gui/, cli/) reach the database only through app/ and the ports in domain/: only each
// executable's main.cpp names persistence/ or SOCI, to wire the concrete store in (ARCHITECTURE.md).
// This test keeps that true as files are added.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// The headers `source` includes that name persistence or SOCI.
std::vector<std::string> persistenceIncludes(const std::string& source) {
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
        const std::string header =
            line.substr(p + 1, end == std::string::npos ? std::string::npos : end - p - 1);
        if (header.rfind("persistence/", 0) == 0 || header.rfind("soci/", 0) == 0 ||
            header.rfind("soci-", 0) == 0 || header == "soci.h")
            found.push_back(header);
    }
    return found;
}

/// Every source file under `dir` except main.cpp that includes persistence or SOCI, as "file: header".
std::vector<std::string> violations(const char* dir, int& scanned) {
    std::vector<std::string> out;
    const std::filesystem::path root = std::filesystem::path(MEMBERDESK_SOURCE_DIR) / dir;
    BOOST_REQUIRE(std::filesystem::is_directory(root));
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const auto ext = entry.path().extension().string();
        if (ext != ".h" && ext != ".cpp" && ext != ".hpp" && ext != ".inl") continue;
        if (entry.path().filename() == "main.cpp" && entry.path().parent_path() == root) continue;
        std::ifstream f(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        ++scanned;
        for (const auto& header : persistenceIncludes(ss.str()))
            out.push_back(std::string(dir) + "/" + entry.path().filename().string() + " includes " + header);
    }
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(front_end_layering)

BOOST_AUTO_TEST_CASE(checker_flags_persistence_and_soci_headers_only) {
    BOOST_TEST(persistenceIncludes("#include \"persistence/database.h\"\n").size() == 1u);
    BOOST_TEST(persistenceIncludes("  #  include <soci/soci.h>\n").size() == 1u);
    BOOST_TEST(persistenceIncludes("#include <soci-postgresql.h>\n").size() == 1u);
    BOOST_TEST(persistenceIncludes("#include \"app/members.h\"\n#include \"domain/unit_of_work.h\"\n"
                                   "// persistence/ in a comment\n#include <wx/frame.h>\n")
                   .empty());
}

BOOST_AUTO_TEST_CASE(gui_files_other_than_main_do_not_include_persistence_or_soci) {
    int scanned = 0;
    for (const auto& v : violations("gui", scanned))
        BOOST_ERROR(v);
    BOOST_TEST(scanned > 10);
}

BOOST_AUTO_TEST_CASE(cli_files_other_than_main_do_not_include_persistence_or_soci) {
    int scanned = 0;
    for (const auto& v : violations("cli", scanned))
        BOOST_ERROR(v);
    BOOST_TEST(scanned > 5);
}

BOOST_AUTO_TEST_SUITE_END()
