// The body and header encodings MIME email is written with.
#include "campaigns/mime_encoding.h"

#include <boost/test/unit_test.hpp>

using namespace md::campaigns;

namespace {

std::vector<std::string> linesOf(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto end = s.find("\r\n"); end != std::string::npos; start = end + 2, end = s.find("\r\n", start))
        out.push_back(s.substr(start, end - start));
    BOOST_TEST(start == s.size()); // every line ends in CRLF
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(mime_encoding)

BOOST_AUTO_TEST_CASE(base64_matches_the_rfc_4648_vectors) {
    BOOST_TEST(base64("") == "");
    BOOST_TEST(base64("f") == "Zg==");
    BOOST_TEST(base64("fo") == "Zm8=");
    BOOST_TEST(base64("foobar") == "Zm9vYmFy");
    BOOST_TEST(base64("积分") == "56ev5YiG");
}

BOOST_AUTO_TEST_CASE(base64_body_lines_are_76_characters) {
    std::string out;
    appendBase64Lines(out, std::string(100, 'x'));
    const auto lines = linesOf(out);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0].size() == 76u);
    BOOST_TEST(lines[1].size() == 60u); // 100 bytes: 136 characters
    BOOST_TEST(lines[1].ends_with("eHh4eA=="));
}

BOOST_AUTO_TEST_CASE(quoted_printable_keeps_ascii_readable_and_encodes_the_rest) {
    std::string out;
    appendQuotedPrintable(out, "a=b 积\nend \r\nx\t");
    BOOST_TEST(out == "a=3Db =E7=A7=AF\r\nend=20\r\nx=09\r\n");
}

BOOST_AUTO_TEST_CASE(quoted_printable_lines_stay_within_76_characters_with_soft_breaks) {
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "Double points 双倍积分 ";
    std::string out;
    appendQuotedPrintable(out, text);
    for (const auto& line : linesOf(out))
        BOOST_TEST(line.size() <= 76u);
    // Decoding the soft breaks away gives the original line back.
    std::string joined;
    for (const auto& line : linesOf(out))
        joined += line.ends_with("=") ? line.substr(0, line.size() - 1) : line;
    BOOST_TEST(joined.find("=E5=8F=8C=E5=80=8D") != std::string::npos);
    BOOST_TEST(joined.find("=\r") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_date_is_rfc_5322_in_utc) {
    BOOST_TEST(rfc5322Date(md::Timestamp(std::chrono::seconds(1790000000))) ==
               "Mon, 21 Sep 2026 14:13:20 +0000");
    BOOST_TEST(rfc5322Date(md::Timestamp(std::chrono::seconds(0))) == "Thu, 1 Jan 1970 00:00:00 +0000");
}

BOOST_AUTO_TEST_SUITE_END()
