// The strict JSON document model: what it accepts, what it refuses and where it says the fault is.
#include "domain/json.h"

#include <boost/test/unit_test.hpp>

#include <limits>
#include <string>

using namespace md;

namespace {

json::Value parsed(std::string_view text) {
    auto r = json::parse(text);
    BOOST_TEST_INFO("input: " << text << (r ? "" : " error: " + r.error().describe()));
    BOOST_REQUIRE(r.ok());
    return r.value();
}

json::SyntaxError refused(std::string_view text) {
    auto r = json::parse(text);
    BOOST_TEST_INFO("input: " << text);
    BOOST_REQUIRE(!r.ok());
    return r.error();
}

bool says(const json::SyntaxError& e, std::string_view part) {
    BOOST_TEST_INFO("reason: " << e.reason);
    return e.reason.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(json_document)

BOOST_AUTO_TEST_CASE(scalars_parse_to_their_kinds) {
    BOOST_TEST(parsed("null").isNull());
    BOOST_TEST(parsed(" true ").asBool() == true);
    BOOST_TEST(parsed("false").asBool() == false);
    BOOST_TEST(parsed("42").asInteger() == 42);
    BOOST_TEST(parsed("-7").asInteger() == -7);
    BOOST_TEST(parsed("0").asInteger() == 0);
    BOOST_TEST(parsed("\"金卡\"").asString() == "金卡");
}

BOOST_AUTO_TEST_CASE(objects_keep_their_keys_in_file_order) {
    const json::Value v = parsed(R"({"z": 1, "a": [true, null], "m": {"k": "v"}})");
    const json::Object& o = v.asObject();
    BOOST_REQUIRE(o.size() == 3u);
    BOOST_TEST(o.members()[0].key == "z");
    BOOST_TEST(o.members()[1].key == "a");
    BOOST_TEST(o.members()[2].key == "m");
    BOOST_TEST(o.find("a")->asArray().size() == 2u);
    BOOST_TEST(o.find("m")->asObject().find("k")->asString() == "v");
    BOOST_TEST(o.find("missing") == nullptr);
}

BOOST_AUTO_TEST_CASE(the_extreme_64_bit_integers_parse_and_one_beyond_is_refused) {
    BOOST_TEST(parsed("9223372036854775807").asInteger() == std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(parsed("-9223372036854775808").asInteger() == std::numeric_limits<std::int64_t>::min());
    BOOST_TEST(says(refused("9223372036854775808"), "does not fit in a 64-bit integer"));
    BOOST_TEST(says(refused("-9223372036854775809"), "does not fit in a 64-bit integer"));
    BOOST_TEST(says(refused("[1, 123456789012345678901234567890]"), "123456789012345678901234567890"));
}

BOOST_AUTO_TEST_CASE(fractions_exponents_and_leading_zeros_are_refused) {
    BOOST_TEST(says(refused("1.5"), "whole numbers"));
    BOOST_TEST(says(refused("1e3"), "whole numbers"));
    BOOST_TEST(says(refused("012"), "start with 0"));
    BOOST_TEST(says(refused("-"), "digit after '-'"));
    BOOST_TEST(says(refused("+1"), "expected a value"));
}

BOOST_AUTO_TEST_CASE(trailing_commas_are_refused_with_the_closing_bracket_named) {
    BOOST_TEST(says(refused("[1, 2,]"), "trailing comma before ']'"));
    BOOST_TEST(says(refused(R"({"a": 1,})"), "trailing comma before '}'"));
    BOOST_TEST(says(refused("[,]"), "expected a value"));
}

BOOST_AUTO_TEST_CASE(a_duplicate_key_is_refused_at_the_second_occurrence) {
    const auto e = refused("{\n  \"name\": 1,\n  \"name\": 2\n}");
    BOOST_TEST(says(e, "duplicate key \"name\""));
    BOOST_TEST(e.line == 3);
    BOOST_TEST(e.column == 3);
}

BOOST_AUTO_TEST_CASE(errors_give_line_and_column_counting_characters_not_bytes) {
    // "金卡" is six bytes but two characters: the stray 'x' is in column 7, not 11.
    const auto e = refused("[1,\n\"金卡\", x]");
    BOOST_TEST(e.line == 2);
    BOOST_TEST(e.column == 7);
    BOOST_TEST(e.describe() == "line 2, column 7: expected a value, found 'x'");
}

BOOST_AUTO_TEST_CASE(raw_control_characters_inside_strings_are_refused) {
    BOOST_TEST(says(refused("\"a\nb\""), "control character U+000A"));
    BOOST_TEST(says(refused("\"a\tb\""), "write \\t"));
    BOOST_TEST(says(refused(std::string_view("\"a\0b\"", 5)), "U+0000"));
}

BOOST_AUTO_TEST_CASE(escapes_decode_including_surrogate_pairs_to_utf8) {
    BOOST_TEST(parsed(R"("a\"b\\c\/d\b\f\n\r\t")").asString() == "a\"b\\c/d\b\f\n\r\t");
    BOOST_TEST(parsed(R"("\u91d1\u5361")").asString() == "金卡");
    BOOST_TEST(parsed(R"("\u00e9")").asString() == "\xC3\xA9");
    BOOST_TEST(parsed(R"("\ud83d\ude00")").asString() == "\xF0\x9F\x98\x80"); // U+1F600
    BOOST_TEST(parsed(R"("\uD83D\uDE00")").asString() == "\xF0\x9F\x98\x80");
}

BOOST_AUTO_TEST_CASE(lone_surrogates_and_bad_escapes_are_refused) {
    BOOST_TEST(says(refused(R"("\ud83d")"), "without a low surrogate"));
    BOOST_TEST(says(refused(R"("\ud83d\u0041")"), "without a low surrogate"));
    BOOST_TEST(says(refused(R"("\ude00")"), "low surrogate without"));
    BOOST_TEST(says(refused(R"("\u12G4")"), "four hex digits"));
    BOOST_TEST(says(refused(R"("\x41")"), "unknown escape \\x"));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_refused_inside_and_outside_strings) {
    BOOST_TEST(says(refused("\"\xC3\""), "invalid UTF-8"));               // truncated sequence
    BOOST_TEST(says(refused("\"\xC0\xAF\""), "invalid UTF-8 byte 0xC0")); // overlong '/'
    BOOST_TEST(says(refused("\"\xED\xA0\x80\""), "invalid UTF-8"));       // encoded surrogate
    BOOST_TEST(says(refused("\"\xF4\x90\x80\x80\""), "invalid UTF-8"));   // above U+10FFFF
    BOOST_TEST(says(refused("\xFF"), "invalid UTF-8 byte 0xFF"));
}

BOOST_AUTO_TEST_CASE(full_width_punctuation_from_a_chinese_keyboard_is_named) {
    BOOST_TEST(says(refused("[1\xEF\xBC\x8C 2]"), "U+FF0C")); // ，
}

BOOST_AUTO_TEST_CASE(nesting_is_limited_to_64_levels) {
    const std::string ok = std::string(64, '[') + std::string(64, ']');
    BOOST_TEST(parsed(ok).isArray());
    const std::string deep = std::string(65, '[') + std::string(65, ']');
    const auto e = refused(deep);
    BOOST_TEST(says(e, "more than 64 levels"));
    BOOST_TEST(e.column == 65);
    std::string objects;
    for (int i = 0; i < 65; ++i)
        objects += "{\"a\":";
    objects += "1" + std::string(65, '}');
    BOOST_TEST(says(refused(objects), "more than 64 levels"));
}

BOOST_AUTO_TEST_CASE(anything_after_the_value_and_incomplete_input_are_refused) {
    BOOST_TEST(says(refused("{} {}"), "after the JSON value"));
    BOOST_TEST(says(refused(""), "end of the input"));
    BOOST_TEST(says(refused("   "), "end of the input"));
    BOOST_TEST(says(refused("[1, 2"), "ends inside an array"));
    BOOST_TEST(says(refused(R"({"a": 1)"), "ends inside an object"));
    BOOST_TEST(says(refused(R"("abc)"), "no closing"));
    BOOST_TEST(says(refused("tru"), "true, false or null"));
    BOOST_TEST(says(refused("{'a': 1}"), "expected a key in double quotes"));
    BOOST_TEST(says(refused("['a']"), "double quotes"));
    BOOST_TEST(says(refused("[1] // note"), "after the JSON value"));
    BOOST_TEST(says(refused("// note\n[1]"), "comments"));
    BOOST_TEST(says(refused(R"({"a" 1})"), "expected ':'"));
    BOOST_TEST(says(refused("[1 2]"), "expected ',' or ']'"));
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_is_skipped) {
    BOOST_TEST(parsed("\xEF\xBB\xBF[1]").asArray().size() == 1u);
    BOOST_TEST(refused("\xEF\xBB\xBF[x]").column == 2);
}

BOOST_AUTO_TEST_CASE(compact_output_has_no_whitespace_and_reparses_equal) {
    json::Object o;
    o.set("name", "黑卡");
    o.set("n", std::int64_t{-12});
    o.set("list", json::Array{true, nullptr, "x"});
    o.set("empty", json::Object{});
    const std::string text = json::write(o);
    BOOST_TEST(text == R"({"name":"黑卡","n":-12,"list":[true,null,"x"],"empty":{}})");
    BOOST_TEST((parsed(text) == json::Value(o)));
}

BOOST_AUTO_TEST_CASE(pretty_output_indents_and_keeps_scalar_arrays_on_one_line) {
    json::Object inner;
    inner.set("tiers", json::Array{"GOLD", "BLACK"});
    json::Object o;
    o.set("a", 1);
    o.set("rules", json::Array{inner, json::Array{}});
    const std::string expected = "{\n"
                                 "  \"a\": 1,\n"
                                 "  \"rules\": [\n"
                                 "    {\n"
                                 "      \"tiers\": [\"GOLD\", \"BLACK\"]\n"
                                 "    },\n"
                                 "    []\n"
                                 "  ]\n"
                                 "}";
    BOOST_TEST(json::write(o, true) == expected);
    BOOST_TEST((parsed(json::write(o, true)) == json::Value(o)));
}

BOOST_AUTO_TEST_CASE(control_characters_are_escaped_and_utf8_is_kept) {
    const std::string s = std::string("a\"\\\n\t\x01\x7F") + "金";
    BOOST_TEST(json::write(json::Value(s)) == "\"a\\\"\\\\\\n\\t\\u0001\\u007f金\"");
    BOOST_TEST(parsed(json::write(json::Value(s))).asString() == s);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_written_as_a_replacement_character) {
    const std::string text = json::write(json::Value(std::string("a\xFF"
                                                                 "b")));
    BOOST_TEST(text == "\"a\\ufffdb\"");
    BOOST_TEST(json::parse(text).ok());
}

BOOST_AUTO_TEST_CASE(quote_escapes_c1_controls_and_keeps_other_utf8) {
    // U+009B (CSI as a C1 control) could drive a terminal; U+00A0 and 金 are ordinary text.
    BOOST_TEST(json::quote("\xC2\x9B[2J\xC2\xA0\xE9\x87\x91") == "\"\\u009b[2J\xC2\xA0\xE9\x87\x91\"");
    BOOST_TEST(json::quote("\xE9\x87") == "\"\\ufffd\\ufffd\""); // cut short: one replacement per byte
}

BOOST_AUTO_TEST_CASE(set_replaces_an_existing_key_in_place_and_erase_removes_it) {
    json::Object o;
    o.set("a", 1);
    o.set("b", 2);
    o.set("a", 3);
    BOOST_REQUIRE(o.size() == 2u);
    BOOST_TEST(o.members()[0].key == "a");
    BOOST_TEST(o.find("a")->asInteger() == 3);
    BOOST_TEST(o.erase("a"));
    BOOST_TEST(!o.erase("a"));
    BOOST_REQUIRE(o.size() == 1u);
    BOOST_TEST(o.members()[0].key == "b");
}

BOOST_AUTO_TEST_CASE(asking_a_value_for_another_kind_throws) {
    BOOST_CHECK_THROW(json::Value(1).asString(), std::logic_error);
    BOOST_CHECK_THROW(json::Value("x").asInteger(), std::logic_error);
    BOOST_CHECK_THROW(json::parse("[").value(), std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
