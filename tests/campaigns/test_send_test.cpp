// "Send a test" of a template rendered for one member, through the real peers.
#include "app/settings.h"
#include "campaigns/kannel_sender.h"
#include "campaigns/smtp_sender.h"
#include "campaigns/test_send.h"
#include "domain/user_error.h"
#include "tests/app/loyalty_fixture.h"
#include "tests/campaigns/peers.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::campaigns;

BOOST_AUTO_TEST_SUITE(send_a_test)

BOOST_AUTO_TEST_CASE(a_test_email_carries_the_members_values_and_is_marked_as_a_test) {
    test::LoyaltyFixture f;
    app::setSetting(f.ctx, f.store, "smtp.from", "会员中心 <news@shop.example.cn>");
    SmtpSender sender(test::smtpPeer("MEMBERDESK_TEST_SMTP"));
    const auto tag = test::uniqueTag();
    const auto outcome =
        sendTestEmail(f.ctx, f.store, {"{{name}} " + tag, "<p>{{card_no}}</p>", "{{card_no}}"}, f.card,
                      "tester+" + tag + "@example.com", sender);
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    const auto mail = test::parseMail(test::storedMessage("tester+" + tag + "@")).asObject();
    BOOST_TEST(mail.find("subject")->asString() == "[TEST] 王小明 " + tag);
    BOOST_TEST(mail.find("parts")->asArray().at(1).asObject().find("text")->asString() == "<p>MD000001</p>");
}

BOOST_AUTO_TEST_CASE(a_test_to_a_bad_address_is_refused_before_anything_is_sent) {
    test::LoyaltyFixture f;
    SmtpSender sender(test::smtpPeer("MEMBERDESK_TEST_SMTP"));
    BOOST_CHECK_EXCEPTION(sendTestEmail(f.ctx, f.store, {"s", "h", "t"}, f.card, "not an address", sender),
                          UserError, [](const UserError& e) { return e.code() == "email.invalid"; });
}

BOOST_AUTO_TEST_CASE(a_test_sms_reaches_the_fake_smsc_with_the_members_name) {
    test::LoyaltyFixture f;
    KannelSender sender({test::peerEnv("MEMBERDESK_TEST_KANNEL_URL"),
                         test::peerEnv("MEMBERDESK_TEST_KANNEL_USER"),
                         test::peerEnv("MEMBERDESK_TEST_KANNEL_PASSWORD"), "10086"});
    auto number = test::uniqueTag();
    std::erase(number, 'x');
    number = "1371" + number.substr(0, 7);
    const auto outcome = sendTestSms(f.ctx, f.store, "{{name}}您好", f.card, number, sender);
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    const auto line = test::fakesmscLineWith(number);
    BOOST_TEST(test::decodeUcs2Log(line.substr(line.find("ucs-2 ") + 6,
                                               line.rfind('>') - line.find("ucs-2 ") - 6)) == "王小明您好");
}

BOOST_AUTO_TEST_SUITE_END()
