// SMS through the real Kannel (smsbox + bearerbox + fakesmsc): what arrives at the fake SMSC is read
// from its log. Also the generic HTTP gateway, pointed at the same sendsms interface by settings alone.
#include "campaigns/http_sms_sender.h"
#include "campaigns/kannel_sender.h"
#include "domain/user_error.h"
#include "tests/campaigns/peers.h"

#include <boost/test/unit_test.hpp>

using namespace md::campaigns;
using md::test::peerEnv;

namespace {

KannelConfig kannel() {
    return {peerEnv("MEMBERDESK_TEST_KANNEL_URL"), peerEnv("MEMBERDESK_TEST_KANNEL_USER"),
            peerEnv("MEMBERDESK_TEST_KANNEL_PASSWORD"), "10086"};
}

// A phone number unique to this test run, so a test finds its own message in the shared log.
std::string uniqueNumber() {
    auto tag = md::test::uniqueTag();
    std::erase(tag, 'x');
    return "1380" + tag.substr(0, 7);
}

// The text field of a fakesmsc log line "... Got message N: <from to coding text>".
std::string loggedText(const std::string& line, std::string& coding) {
    const auto open = line.find('<');
    std::string rest = line.substr(open + 1, line.rfind('>') - open - 1);
    for (int field = 0; field < 2; ++field)
        rest = rest.substr(rest.find(' ') + 1);
    coding = rest.substr(0, rest.find(' '));
    return rest.substr(rest.find(' ') + 1);
}

} // namespace

BOOST_AUTO_TEST_SUITE(kannel_peer)

BOOST_AUTO_TEST_CASE(a_chinese_sms_arrives_intact_as_ucs2) {
    KannelSender sender(kannel());
    const auto to = uniqueNumber();
    const std::string text = "【会员中心】王小明您好，您有300积分将于2026-12-31过期🎉";
    const auto outcome = sender.send({to, text, {}});
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    BOOST_TEST(outcome.code == 202);
    std::string coding;
    const auto logged = loggedText(md::test::fakesmscLineWith(to), coding);
    BOOST_TEST(coding == "ucs-2");
    BOOST_TEST(md::test::decodeUcs2Log(logged) == text);
}

BOOST_AUTO_TEST_CASE(a_gsm_text_with_extension_characters_arrives_as_text) {
    KannelSender sender(kannel());
    const auto to = uniqueNumber();
    const auto outcome =
        sender.send({to, "Gold week: 5€ off [members] {today}", "http://127.0.0.1:9/dlr?id=1&s=%d"});
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    std::string coding;
    BOOST_TEST(loggedText(md::test::fakesmscLineWith(to), coding) == "Gold week: 5€ off [members] {today}");
    BOOST_TEST(coding == "text");
}

BOOST_AUTO_TEST_CASE(bad_credentials_are_a_permanent_failure_with_the_gateways_answer) {
    auto config = kannel();
    config.password = "wrong";
    const auto outcome = KannelSender(config).send({uniqueNumber(), "x", {}});
    BOOST_TEST((outcome.kind == Outcome::Kind::Permanent));
    BOOST_TEST(outcome.code == 403);
    BOOST_TEST(outcome.answer == "Authorization failed for sendsms");
}

BOOST_AUTO_TEST_CASE(an_unreachable_gateway_is_a_transient_failure) {
    auto config = kannel();
    config.url = "http://127.0.0.1:" + std::to_string(md::test::deadPort()) + "/cgi-bin/sendsms";
    const auto outcome = KannelSender(config).send({uniqueNumber(), "x", {}});
    BOOST_TEST((outcome.kind == Outcome::Kind::Transient));
    BOOST_TEST(!outcome.outcomeUnknown);
}

BOOST_AUTO_TEST_CASE(many_messages_share_a_few_keep_alive_connections) {
    KannelSender sender(kannel(), {2, true, {}, std::chrono::seconds(10)});
    std::vector<OutgoingSms> batch;
    const auto prefix = uniqueNumber().substr(0, 9);
    for (int i = 0; i < 20; ++i)
        batch.push_back({prefix + std::to_string(10 + i), "积分提醒 " + std::to_string(i), {}});
    for (const auto& o : sender.sendAll(batch))
        BOOST_TEST(o.sent(), o.answer);
    md::test::fakesmscLineWith(prefix + "29");
}

BOOST_AUTO_TEST_CASE(the_generic_http_gateway_sends_by_url_template_and_success_rule) {
    HttpSmsConfig c;
    const auto base = peerEnv("MEMBERDESK_TEST_KANNEL_URL");
    c.url = base + "?username={{user}}&password={{password}}&from={{from}}&to={{to}}&text={{text}}"
                   "&charset=UTF-8&coding=2";
    c.method = "GET";
    c.successRule = "status=202 body~Accepted";
    c.user = peerEnv("MEMBERDESK_TEST_KANNEL_USER");
    c.password = peerEnv("MEMBERDESK_TEST_KANNEL_PASSWORD");
    c.from = "10086";
    const auto to = uniqueNumber();
    const auto outcome = HttpSmsSender(c).send({to, "会员日 & 双倍积分", {}});
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    std::string coding;
    BOOST_TEST(md::test::decodeUcs2Log(loggedText(md::test::fakesmscLineWith(to), coding)) ==
               "会员日 & 双倍积分");

    c.password = "wrong";
    const auto refused = HttpSmsSender(c).send({uniqueNumber(), "x", {}});
    BOOST_TEST((refused.kind == Outcome::Kind::Permanent));
    BOOST_TEST(refused.code == 403);
}

BOOST_AUTO_TEST_CASE(a_2xx_answer_that_fails_the_body_rule_is_a_permanent_failure) {
    HttpSmsConfig c;
    c.url = peerEnv("MEMBERDESK_TEST_KANNEL_URL") +
            "?username={{user}}&password={{password}}&to={{to}}&text={{text}}";
    c.method = "GET";
    c.successRule = "status=2xx body~\"status\":\"OK\"";
    c.user = peerEnv("MEMBERDESK_TEST_KANNEL_USER");
    c.password = peerEnv("MEMBERDESK_TEST_KANNEL_PASSWORD");
    const auto outcome = HttpSmsSender(c).send({uniqueNumber(), "hello", {}});
    BOOST_TEST((outcome.kind == Outcome::Kind::Permanent));
    BOOST_TEST(outcome.answer == "0: Accepted for delivery");
}

BOOST_AUTO_TEST_CASE(a_gateway_template_with_an_unknown_field_or_an_unreadable_rule_is_refused) {
    HttpSmsConfig c;
    c.url = "http://127.0.0.1:1/send?to={{phone}}";
    BOOST_CHECK_THROW(HttpSmsSender{c}, md::UserError);
    c.url = "http://127.0.0.1:1/send";
    c.successRule = "ok";
    BOOST_CHECK_THROW(HttpSmsSender{c}, md::UserError);
}

BOOST_AUTO_TEST_CASE(json_bodies_escape_quotes_and_line_breaks_and_header_lists_parse) {
    BOOST_TEST(jsonEscape("a\"b\\c\nd会") == "a\\\"b\\\\c\\u000ad会");
    const auto h = parseHeaderList("Content-Type: application/json | Authorization: Bearer abc:def");
    BOOST_TEST_REQUIRE(h.size() == 2u);
    BOOST_TEST(h[1].first == "Authorization");
    BOOST_TEST(h[1].second == "Bearer abc:def");
}

BOOST_AUTO_TEST_SUITE_END()
