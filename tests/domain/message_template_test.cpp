// Message templates: merge fields, if-blocks, HTML escaping and the checks that refuse a broken template.
#include "domain/campaigns/template.h"
#include "domain/user_error.h"

#include <boost/test/unit_test.hpp>

using namespace md::campaigns;

namespace {

MergeValues gold() {
    return {{"name", "王小明 <Tom & \"Jerry\">"},
            {"card_no", "8800123"},
            {"tier", "GOLD"},
            {"points", "1,280"},
            {"points_expiring", "300"},
            {"points_expiry_date", "2026-12-31"},
            {"store", "SH001"}};
}

std::string render(const std::string& src, const MergeValues& v, bool html = false,
                   const std::set<std::string>& custom = {}) {
    std::vector<TemplateProblem> problems;
    auto t = TextTemplate::parse(src, custom, "text", problems);
    BOOST_TEST_REQUIRE(problems.empty());
    return t.render(v, html);
}

std::vector<TemplateProblem> problemsOf(const std::string& src) {
    return checkSmsTemplate(src);
}

} // namespace

BOOST_AUTO_TEST_SUITE(message_template)

BOOST_AUTO_TEST_CASE(merge_fields_are_replaced_with_the_members_values) {
    BOOST_TEST(
        render("{{card_no}}: {{ points }} 分, {{points_expiring}} 分 {{points_expiry_date}} 过期 @{{store}}",
               gold()) == "8800123: 1,280 分, 300 分 2026-12-31 过期 @SH001");
}

BOOST_AUTO_TEST_CASE(custom_fields_come_from_the_map_when_declared) {
    BOOST_TEST(render("券码 {{coupon}}", {{"coupon", "XMAS26"}}, false, {"coupon"}) == "券码 XMAS26");
}

BOOST_AUTO_TEST_CASE(values_are_escaped_in_html_parts_only) {
    BOOST_TEST(render("<b>{{name}}</b>", gold(), true) ==
               "<b>王小明 &lt;Tom &amp; &quot;Jerry&quot;&gt;</b>");
    BOOST_TEST(render("<b>{{name}}</b>", gold(), false) == "<b>王小明 <Tom & \"Jerry\"></b>");
}

BOOST_AUTO_TEST_CASE(if_blocks_test_equality_inequality_and_nest) {
    const std::string src =
        R"({{#if tier == "GOLD"}}金卡{{#if points_expiring}} 有{{points_expiring}}分将过期{{/if}})"
        R"({{else}}会员{{/if}}{{#if tier != "GOLD"}}!{{/if}})";
    BOOST_TEST(render(src, gold()) == "金卡 有300分将过期");
    auto v = gold();
    v["points_expiring"] = "0";
    BOOST_TEST(render(src, v) == "金卡");
    v["tier"] = "SILVER";
    BOOST_TEST(render(src, v) == "会员!");
}

BOOST_AUTO_TEST_CASE(a_missing_value_renders_empty) {
    BOOST_TEST(render("[{{store}}]", {}) == "[]");
}

BOOST_AUTO_TEST_CASE(an_unknown_field_is_named_with_its_line_and_column) {
    const auto p = problemsOf("您好\n亲爱的{{nmae}}");
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].code == "template.unknown_field");
    BOOST_TEST(p[0].subject == "nmae");
    BOOST_TEST(p[0].line == 2u);
    BOOST_TEST(p[0].column == 4u);
    BOOST_TEST(p[0].message == "sms line 2, column 4: unknown merge field 'nmae'");
}

BOOST_AUTO_TEST_CASE(an_unclosed_block_is_named_where_it_opens) {
    const auto p = problemsOf("ab {{#if tier == \"GOLD\"}}x{{#if points}}y{{/if}}");
    BOOST_TEST_REQUIRE(p.size() == 1u);
    BOOST_TEST(p[0].code == "template.unclosed_block");
    BOOST_TEST(p[0].column == 4u);
    BOOST_TEST(p[0].subject == "{{#if tier == \"GOLD\"}}");
}

BOOST_AUTO_TEST_CASE(stray_close_else_unterminated_tags_and_bad_conditions_are_refused) {
    BOOST_TEST(problemsOf("x{{/if}}").at(0).code == "template.unexpected_close");
    BOOST_TEST(problemsOf("{{else}}").at(0).code == "template.unexpected_else");
    BOOST_TEST(problemsOf("hi {{name").at(0).code == "template.unclosed_tag");
    BOOST_TEST(problemsOf("{{#if tier = \"GOLD\"}}x{{/if}}").at(0).code == "template.bad_condition");
    BOOST_TEST(problemsOf("{{#if tier == \"GOLD}}x{{/if}}").at(0).code == "template.bad_condition");
    BOOST_TEST(problemsOf("{{#if level == \"GOLD\"}}x{{/if}}").at(0).code == "template.unknown_field");
}

BOOST_AUTO_TEST_CASE(an_email_template_is_checked_in_all_three_parts_and_refused_with_a_user_error) {
    const EmailTemplate t{"{{name}} 您好", "<p>{{bogus}}</p>", "{{#if tier}}x"};
    const auto p = checkEmailTemplate(t);
    BOOST_TEST_REQUIRE(p.size() == 2u);
    BOOST_TEST(p[0].part == "html");
    BOOST_TEST(p[1].part == "text");
    try {
        CompiledEmail c(t);
        BOOST_FAIL("an invalid template compiled");
    } catch (const md::UserError& e) {
        BOOST_TEST(e.code() == "template.invalid");
        BOOST_TEST(e.param("subject") == "bogus");
        BOOST_TEST(e.param("part") == "html");
    }
}

BOOST_AUTO_TEST_CASE(a_compiled_email_previews_one_members_message) {
    const CompiledEmail c({"{{name}}，您的积分", "<p>{{name}}: {{points}}</p>", "{{name}}: {{points}}"});
    const auto r = c.render(gold());
    BOOST_TEST(r.subject == "王小明 <Tom & \"Jerry\">，您的积分");
    BOOST_TEST(r.html == "<p>王小明 &lt;Tom &amp; &quot;Jerry&quot;&gt;: 1,280</p>");
    BOOST_TEST(r.text == "王小明 <Tom & \"Jerry\">: 1,280");
}

BOOST_AUTO_TEST_SUITE_END()
