// The front ends (gui/, cli/) reach the database only through app/ and the ports in domain/: only each
// executable's main.cpp names persistence/ or SOCI, to wire the concrete store in (ARCHITECTURE.md).
// This test keeps that true as files are added.
#include "tests/domain/include_scan.h"

#include <boost/test/unit_test.hpp>

namespace {

/// The headers `source` includes that name persistence or SOCI.
std::vector<std::string> persistenceIncludes(const std::string& source) {
    std::vector<std::string> found;
    for (const auto& header : md::test::includedHeaders(source))
        if (header.rfind("persistence/", 0) == 0 || header.rfind("soci/", 0) == 0 ||
            header.rfind("soci-", 0) == 0 || header == "soci.h")
            found.push_back(header);
    return found;
}

/// Every source file under `dir` except its main.cpp that includes persistence or SOCI.
std::vector<std::string> violations(const std::string& dir, int& scanned) {
    std::vector<std::string> out;
    const auto mainFile = std::filesystem::path(MEMBERDESK_SOURCE_DIR) / dir / "main.cpp";
    scanned = md::test::forEachSource(dir, [&](const std::filesystem::path& path, const std::string& text) {
        if (path == mainFile) return;
        for (const auto& header : persistenceIncludes(text))
            out.push_back(dir + "/" + path.filename().string() + " includes " + header);
    });
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
