// The generic HTTP gateway's requests as settings describe them: fields escaped for where they land
// (URL, JSON body, form body, header), and the success rule applied to the answer.
#include "campaigns/http_sms_sender.h"

#include <boost/test/unit_test.hpp>

using namespace md::campaigns;

namespace {

struct Probe : HttpSmsSender {
    using HttpSmsSender::classify;
    using HttpSmsSender::HttpSmsSender;
    using HttpSmsSender::requestFor;
};

HttpSmsConfig jsonConfig() {
    HttpSmsConfig c;
    c.url = "https://api.example.cn/v1/sms?sender={{from}}";
    c.method = "POST";
    c.headers =
        parseHeaderList("Content-Type: application/json | Authorization: Basic {{user}}:{{password}}");
    c.body = R"({"to":"{{to}}","content":"{{text}}"})";
    c.successRule = "status=200 body~\"code\":0";
    c.user = "acme";
    c.password = "pw";
    c.from = "Member Desk";
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(http_sms_request)

BOOST_AUTO_TEST_CASE(a_json_body_gets_json_escaped_text_and_the_url_percent_encoded_fields) {
    const Probe p(jsonConfig());
    const auto r = p.requestFor({"+8613800138000", "会员\"日\"\n双倍", {}});
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.target == "/v1/sms?sender=Member%20Desk");
    BOOST_TEST(r.body == R"({"to":"+8613800138000","content":"会员\"日\"\u000a双倍"})");
    BOOST_TEST_REQUIRE(r.headers.size() == 2u);
    BOOST_TEST(r.headers[1].second == "Basic acme:pw");
}

BOOST_AUTO_TEST_CASE(a_form_body_gets_percent_encoded_fields) {
    auto c = jsonConfig();
    c.headers = parseHeaderList("Content-Type: application/x-www-form-urlencoded");
    c.body = "to={{to}}&msg={{text}}";
    const auto r = Probe(c).requestFor({"+86138", "a&b=积", {}});
    BOOST_TEST(r.body == "to=%2B86138&msg=a%26b%3D%E7%A7%AF");
}

BOOST_AUTO_TEST_CASE(the_success_rule_decides_sent_and_other_answers_are_classified_by_status) {
    const Probe p(jsonConfig());
    BOOST_TEST(p.classify(200, R"({"code":0,"id":"x"})").sent());
    BOOST_TEST((p.classify(200, R"({"code":17,"msg":"blacklisted"})").kind == Outcome::Kind::Permanent));
    BOOST_TEST((p.classify(429, "slow down").kind == Outcome::Kind::Transient));
    BOOST_TEST((p.classify(503, "").kind == Outcome::Kind::Transient));
    BOOST_TEST((p.classify(401, "bad key").kind == Outcome::Kind::Permanent));
}

BOOST_AUTO_TEST_SUITE_END()
