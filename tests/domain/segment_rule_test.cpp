// Segment rules in their JSON form: what is accepted, what is refused and how the refusal names the
// node, field, op or value; writing a rule back gives the same rule.
#include "domain/segments/rule.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::segments;

namespace {

std::string refusal(const std::string& text) {
    const auto r = parseRule(text);
    return r ? "accepted" : r.error();
}

} // namespace

BOOST_AUTO_TEST_SUITE(segment_rules)

BOOST_AUTO_TEST_CASE(the_issue_example_parses_into_groups_and_typed_conditions) {
    const auto r = parseRule(R"({"and":[{"field":"tier","op":"in","value":["GOLD","BLACK"]},)"
                             R"({"field":"last_purchase_days","op":"<=","value":90},)"
                             R"({"not":{"field":"store","op":"=","value":"SH001"}}]})");
    BOOST_TEST_REQUIRE(r.ok(), (r ? std::string() : r.error()));
    const Node& n = r.value();
    BOOST_TEST((n.kind == Node::Kind::And));
    BOOST_TEST_REQUIRE(n.children.size() == 3u);
    BOOST_TEST(n.children[0].leaf.texts == (std::vector<std::string>{"GOLD", "BLACK"}));
    BOOST_TEST(n.children[1].leaf.number == 90);
    BOOST_TEST((n.children[1].leaf.op == Op::Le));
    BOOST_TEST((n.children[2].kind == Node::Kind::Not));
    BOOST_TEST(n.children[2].children.at(0).leaf.texts.at(0) == "SH001");
}

BOOST_AUTO_TEST_CASE(values_are_normalised_for_the_compiler) {
    BOOST_TEST(parseRule(R"({"field":"revenue","op":">=","value":"1,000.50"})").value().leaf.number ==
               100050);
    BOOST_TEST(parseRule(R"({"field":"join_date","op":"<","value":"1970-01-03"})").value().leaf.number == 2);
    BOOST_TEST(parseRule(R"({"field":"sms_consent","op":"=","value":true})").value().leaf.number == 1);
    const auto w =
        parseRule(R"({"field":"purchases_in_category","op":">=","value":2,"category":"美妆","days":30})");
    BOOST_TEST_REQUIRE(w.ok(), (w ? std::string() : w.error()));
    BOOST_TEST(w.value().leaf.subject == "美妆");
    BOOST_TEST(w.value().leaf.days == 30);
}

BOOST_AUTO_TEST_CASE(unknown_fields_and_ops_are_refused_by_name_and_path) {
    BOOST_TEST(
        refusal(R"({"or":[{"field":"age","op":">","value":1},{"field":"tierr","op":"=","value":"A"}]})")
            .starts_with("$.or[1]: unknown field \"tierr\" (fields: store, gender, age,"));
    BOOST_TEST(refusal(R"({"not":{"field":"age","op":"~","value":1}})") ==
               "$.not: unknown op \"~\" is not allowed on age (ops: =, !=, <, <=, >, >=)");
    BOOST_TEST(refusal(R"({"field":"store","op":"<","value":"SH001"})") ==
               "$: op \"<\" is not allowed on store (ops: =, !=, in, not_in)");
    BOOST_TEST(refusal(R"({"xor":[]})") == "$: unknown group \"xor\"; use \"and\", \"or\" or \"not\"");
    BOOST_TEST(refusal(R"({"field":"age","op":">","value":1,"days":3})") ==
               "$: unknown key \"days\" in a condition on age");
}

BOOST_AUTO_TEST_CASE(wrong_types_and_out_of_range_values_are_refused) {
    BOOST_TEST(refusal(R"({"field":"age","op":">","value":"30"})") ==
               "$: the value of age must be a whole number, not a string");
    BOOST_TEST(refusal(R"({"field":"age","op":">","value":151})") ==
               "$: the value of age must be between 0 and 150, not 151");
    BOOST_TEST(refusal(R"({"field":"tier","op":"in","value":"GOLD"})") ==
               "$: the value of tier must be a list of one or more strings, not a string");
    BOOST_TEST(refusal(R"({"field":"tier","op":"in","value":[]})") ==
               "$: the value of tier must be a list of one or more strings, not an array");
    BOOST_TEST(refusal(R"({"field":"gender","op":"=","value":"X"})") ==
               R"($: "X" is not a value of gender (values: "F", "M", "O", ""))");
    BOOST_TEST(refusal(R"({"field":"revenue","op":">","value":100})") ==
               "$: the value of revenue must be an amount in yuan as a string (\"1000.00\"), not a number");
    BOOST_TEST(refusal(R"({"field":"join_date","op":">","value":"2024-02-30"})")
                   .starts_with("$: the value of join_date is not a date"));
    BOOST_TEST(refusal(R"({"field":"email_consent","op":"=","value":1})") ==
               "$: the value of email_consent must be true or false, not a number");
    BOOST_TEST(refusal(R"({"field":"purchases_in_store","op":">=","value":1,"days":30})") ==
               "$: purchases_in_store needs \"store\": the store to count purchases of (a string)");
    BOOST_TEST(refusal(R"({"field":"purchases_in_store","op":">=","value":1,"store":"SH001","days":0})") ==
               "$: purchases_in_store needs \"days\": the window in days, 1 to 3660");
    BOOST_TEST(refusal(R"({"field":"birthday_within_days","op":"<","value":3})") ==
               "$: op \"<\" is not allowed on birthday_within_days (ops: =)");
}

BOOST_AUTO_TEST_CASE(malformed_structure_is_refused) {
    BOOST_TEST(refusal("[1]") ==
               "$: expected an object (a condition or an and / or / not group), found an array");
    BOOST_TEST(refusal(R"({"and":[]})") == "$.and: \"and\" takes a list of one or more conditions or groups");
    BOOST_TEST(refusal(R"({"and":[1],"or":[]})").starts_with("$: a group has exactly one key"));
    BOOST_TEST(refusal(R"({"field":"age","op":">"})") == "$: a condition on age needs \"value\"");
    BOOST_TEST(refusal(R"({"field":"age",)").starts_with("the rule is not valid JSON: line 1"));
    std::string deep = R"({"field":"age","op":">","value":1})";
    for (int i = 0; i < kMaxDepth; ++i)
        deep = R"({"not":)" + deep + "}";
    BOOST_TEST(refusal(deep).find("nested deeper than 16 levels") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_written_rule_reads_back_the_same) {
    const std::string text =
        R"({"or":[{"field":"tier","op":"not_in","value":["GOLD"]},)"
        R"({"not":{"field":"purchases_in_channel","op":"=","value":0,"channel":"app","days":7}},)"
        R"({"field":"store","op":"=","value":"x'); DROP TABLE members; --\u0001"}]})";
    const auto r = parseRule(text);
    BOOST_TEST_REQUIRE(r.ok(), (r ? std::string() : r.error()));
    const std::string written = writeRule(r.value());
    BOOST_TEST(written == text);
    BOOST_TEST(writeRule(parseRule(written).value()) == written);
}

BOOST_AUTO_TEST_CASE(every_catalogue_field_has_help_and_ops) {
    for (const FieldSpec& f : fieldCatalogue()) {
        BOOST_TEST(!f.help.empty(), f.name);
        BOOST_TEST(!f.ops.empty(), f.name);
    }
    BOOST_TEST(findField("tier") != nullptr);
    BOOST_TEST(findField("TIER") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
