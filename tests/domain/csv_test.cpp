#include "domain/csv.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using md::CsvReader;
using md::CsvRecord;

namespace {

std::vector<CsvRecord> readAll(const std::string& text) {
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<CsvRecord> out;
    while (auto r = reader.next())
        out.push_back(std::move(*r));
    return out;
}

using Fields = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(plain_records_split_on_commas_and_lf) {
    auto r = readAll("card,name\nMD1,Wang\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].fields == (Fields{"card", "name"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].fields == (Fields{"MD1", "Wang"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].line == 2u);
    BOOST_TEST(r[1].error == "");
}

BOOST_AUTO_TEST_CASE(crlf_line_endings_are_not_part_of_the_last_field) {
    auto r = readAll("a,b\r\nc,d\r\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].fields == (Fields{"a", "b"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].fields == (Fields{"c", "d"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].line == 2u);
}

BOOST_AUTO_TEST_CASE(final_line_without_newline_is_read) {
    auto r = readAll("a,b\nc,d");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[1].fields == (Fields{"c", "d"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_fields_and_trailing_comma_give_empty_strings) {
    auto r = readAll(",a,,\n");
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].fields == (Fields{"", "a", "", ""}), boost::test_tools::per_element());
    auto eof = readAll("a,");
    BOOST_REQUIRE(eof.size() == 1u);
    BOOST_TEST(eof[0].fields == (Fields{"a", ""}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_lines_are_skipped_but_counted) {
    auto r = readAll("\na\n\r\n\nb\n\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].line == 2u);
    BOOST_TEST(r[1].fields == (Fields{"b"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].line == 5u);
}

BOOST_AUTO_TEST_CASE(empty_input_and_bom_only_input_have_no_records) {
    BOOST_TEST(readAll("").empty());
    BOOST_TEST(readAll("\xEF\xBB\xBF").empty());
}

BOOST_AUTO_TEST_CASE(utf8_bom_is_skipped) {
    auto r = readAll("\xEF\xBB\xBF"
                     "card,姓名\n");
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].fields[0] == "card");
    BOOST_TEST(r[0].fields[1] == "姓名");
    BOOST_TEST(r[0].line == 1u);
}

BOOST_AUTO_TEST_CASE(quoted_field_keeps_commas_and_doubled_quotes_become_one) {
    auto r = readAll("\"Wang, Li\",\"say \"\"hi\"\"\",\"\"\n");
    BOOST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r[0].fields == (Fields{"Wang, Li", "say \"hi\"", ""}), boost::test_tools::per_element());
    BOOST_TEST(r[0].error == "");
}

BOOST_AUTO_TEST_CASE(quoted_field_keeps_embedded_newlines) {
    auto r = readAll("a,\"line1\nline2\r\nline3\",b\nnext\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].fields == (Fields{"a", "line1\nline2\r\nline3", "b"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_numbers_count_newlines_inside_quoted_fields) {
    auto r = readAll("h1,h2\n\"x\ny\nz\",1\nlast,2\n");
    BOOST_REQUIRE(r.size() == 3u);
    BOOST_TEST(r[1].line == 2u);
    BOOST_TEST(r[2].line == 5u);
}

BOOST_AUTO_TEST_CASE(unterminated_quote_at_eof_is_an_error_and_later_lines_are_still_read) {
    auto r = readAll("ok,1\nbad,\"oops\nfine,2\nfine,3\n");
    BOOST_REQUIRE(r.size() == 4u);
    BOOST_TEST(r[1].error == "unterminated quoted field");
    BOOST_TEST(r[1].line == 2u);
    BOOST_TEST(r[2].fields == (Fields{"fine", "2"}), boost::test_tools::per_element());
    BOOST_TEST(r[2].line == 3u);
    BOOST_TEST(r[3].line == 4u);
}

BOOST_AUTO_TEST_CASE(quote_inside_unquoted_field_is_an_error_and_reader_resyncs_at_next_line) {
    auto r = readAll("a,5\" screen,x\nb,ok\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].error == "stray quote in unquoted field 2");
    BOOST_TEST(r[1].fields == (Fields{"b", "ok"}), boost::test_tools::per_element());
    BOOST_TEST(r[1].error == "");
    BOOST_TEST(r[1].line == 2u);
}

BOOST_AUTO_TEST_CASE(characters_after_closing_quote_are_an_error) {
    auto r = readAll("\"abc\"def,1\nnext,2\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].error == "characters after the closing quote in field 1");
    BOOST_TEST(r[1].fields == (Fields{"next", "2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(invalid_utf8_names_the_field_counted_from_one) {
    auto r = readAll("ok,ok,bad\xC3(\nnext\n");
    BOOST_REQUIRE(r.size() == 2u);
    BOOST_TEST(r[0].error == "invalid UTF-8 in field 3");
    BOOST_TEST(r[0].fields.size() == 3u);
    BOOST_TEST(r[1].error == "");
}

BOOST_AUTO_TEST_CASE(records_spanning_the_internal_buffer_boundary_are_intact) {
    // Larger than one read chunk, with a quoted multi-line field placed across a chunk boundary.
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; text.size() < 700 * 1024; ++i) {
        std::string name = "name " + std::to_string(i);
        if (i % 97 == 0) name = "multi\nline \"" + std::to_string(i) + "\", here";
        expected.push_back(name);
        text += "MD" + std::to_string(i) + "," + md::csvField(name) + ",\xE7\x8E\x8B\r\n";
    }
    std::istringstream in(text);
    CsvReader reader(in);
    std::size_t n = 0, line = 1;
    while (auto r = reader.next()) {
        BOOST_REQUIRE(n < expected.size());
        BOOST_REQUIRE(r->error == "");
        BOOST_REQUIRE(r->fields.size() == 3u);
        BOOST_REQUIRE(r->fields[0] == "MD" + std::to_string(n));
        BOOST_REQUIRE(r->fields[1] == expected[n]);
        BOOST_REQUIRE(r->line == line);
        line += 1 + (expected[n].find('\n') != std::string::npos);
        ++n;
    }
    BOOST_TEST(n == expected.size());
    BOOST_TEST(reader.bytesRead() == text.size());
}

BOOST_AUTO_TEST_CASE(field_quoted_only_when_needed) {
    BOOST_TEST(md::csvField("plain") == "plain");
    BOOST_TEST(md::csvField("") == "");
    BOOST_TEST(md::csvField("a,b") == "\"a,b\"");
    BOOST_TEST(md::csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    BOOST_TEST(md::csvField("two\nlines") == "\"two\nlines\"");
    BOOST_TEST(md::csvField("cr\r") == "\"cr\r\"");
    BOOST_TEST(md::csvField(" padded") == "\" padded\"");
    BOOST_TEST(md::csvField("王小明") == "王小明");
}

BOOST_AUTO_TEST_CASE(written_records_read_back_identically) {
    std::vector<Fields> rows{{"MD1", "Wang, Li", "say \"hi\""}, {"", "multi\r\nline", " x "}, {"王", "", ""}};
    std::ostringstream out;
    for (const auto& row : rows)
        md::writeCsvRecord(out, row);
    BOOST_TEST(out.str().substr(0, 33) == "MD1,\"Wang, Li\",\"say \"\"hi\"\"\"\n,\"mul");
    auto back = readAll(out.str());
    BOOST_REQUIRE(back.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        BOOST_TEST(back[i].fields == rows[i], boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(utf8_validation_accepts_well_formed_text) {
    BOOST_TEST(md::isValidUtf8(""));
    BOOST_TEST(md::isValidUtf8("plain ascii that is longer than eight bytes"));
    BOOST_TEST(md::isValidUtf8("王小明 Élodie \xF0\x9F\x98\x80")); // CJK, Latin-1, emoji
    BOOST_TEST(md::isValidUtf8("\xF4\x8F\xBF\xBF"));               // U+10FFFF
    BOOST_TEST(md::isValidUtf8("\xED\x9F\xBF"));                   // U+D7FF, just below surrogates
}

BOOST_AUTO_TEST_CASE(utf8_validation_rejects_overlongs_surrogates_and_out_of_range) {
    BOOST_TEST(!md::isValidUtf8("\xC0\xAF"));         // overlong '/'
    BOOST_TEST(!md::isValidUtf8("\xE0\x80\xAF"));     // overlong 3-byte
    BOOST_TEST(!md::isValidUtf8("\xF0\x80\x80\xAF")); // overlong 4-byte
    BOOST_TEST(!md::isValidUtf8("\xED\xA0\x80"));     // U+D800 surrogate
    BOOST_TEST(!md::isValidUtf8("\xF4\x90\x80\x80")); // U+110000
    BOOST_TEST(!md::isValidUtf8("\xF5\x80\x80\x80"));
    BOOST_TEST(!md::isValidUtf8("\x80"));                // lone continuation
    BOOST_TEST(!md::isValidUtf8("abc\xE7\x8E"));         // truncated at end
    BOOST_TEST(!md::isValidUtf8("abcdefgh\xE7\x8Eijk")); // truncated mid-string after the fast path
    BOOST_TEST(!md::isValidUtf8("\xFF"));
}

BOOST_AUTO_TEST_SUITE_END()
