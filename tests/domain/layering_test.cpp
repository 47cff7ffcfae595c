// domain/ is standard C++ only: the GUI, database and network libraries depend on it, never the
// other way round. This test keeps that true as files are added.
#include "tests/domain/include_scan.h"

#include <boost/test/unit_test.hpp>

namespace {

/// Header names included by `source` that belong to a library domain/ must not use.
std::vector<std::string> forbiddenIncludes(const std::string& source) {
    static const char* const kForbidden[] = {"wx/", "soci", "Poco/", "boost/"};
    std::vector<std::string> found;
    for (const auto& header : md::test::includedHeaders(source))
        for (const char* f : kForbidden)
            if (header.rfind(f, 0) == 0) found.push_back(header);
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
    const int scanned = md::test::forEachSource("domain", [](const auto& path, const std::string& text) {
        for (const auto& header : forbiddenIncludes(text))
            BOOST_ERROR(path.filename().string() << " includes <" << header << ">");
    });
    BOOST_TEST(scanned > 10);
}

BOOST_AUTO_TEST_SUITE_END()
