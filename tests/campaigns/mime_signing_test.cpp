// MIME composition and the signed values, without a server: encoded words, line lengths, header
// injection, deterministic Message-IDs and unsubscribe tokens.
#include "campaigns/mime_email.h"
#include "campaigns/signing.h"
#include "campaigns/transport_settings.h"

#include <boost/test/unit_test.hpp>

#include <sstream>

using namespace md::campaigns;

namespace {

std::size_t longestLine(const std::string& data) {
    std::size_t longest = 0, start = 0;
    for (auto end = data.find("\r\n"); end != std::string::npos;
         start = end + 2, end = data.find("\r\n", start))
        longest = std::max(longest, end - start);
    return longest;
}

EmailEnvelope envelope() {
    return {{"会员中心", "news@shop.example.cn"},
            "0123456789abcdef",
            "https://shop.example.cn/u",
            "unsub@shop.example.cn"};
}

} // namespace

BOOST_AUTO_TEST_SUITE(mime_and_signing)

BOOST_AUTO_TEST_CASE(ascii_header_text_stays_readable_and_other_text_becomes_short_encoded_words) {
    BOOST_TEST(encodeHeaderText("Your points") == "Your points");
    std::string subject;
    for (int i = 0; i < 40; ++i)
        subject += "积分";
    const auto encoded = encodeHeaderText(subject);
    std::istringstream lines(encoded);
    int words = 0;
    for (std::string line; std::getline(lines, line); ++words) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.starts_with(" ")) line.erase(0, 1);
        BOOST_TEST(line.starts_with("=?UTF-8?B?"));
        BOOST_TEST(line.size() <= 75u);
    }
    BOOST_TEST(words == 6); // 240 bytes in words of at most 45 whole characters' bytes
}

BOOST_AUTO_TEST_CASE(a_line_break_in_a_merged_subject_or_name_cannot_add_a_header) {
    EmailMessage m;
    m.from = {"Shop", "news@shop.example.cn"};
    m.to = {"Eve\r\nBcc: victim@example.com", "eve@example.com"};
    m.subject = "Hi\r\nBcc: victim@example.com";
    m.messageId = "<x@shop.example.cn>";
    const auto out = composeEmail(m);
    BOOST_TEST(out.data.find("\r\nBcc:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_line_stays_far_below_998_bytes_even_for_one_long_chinese_paragraph) {
    std::string html = "<p>", text;
    for (int i = 0; i < 3000; ++i) {
        html += "会员积分";
        text += "points ";
    }
    EmailMessage m;
    m.from = {"会员中心", "news@shop.example.cn"};
    m.to = {"王小明", "wang@example.com"};
    m.subject = "积分";
    m.html = html;
    m.text = text;
    m.messageId = "<x@shop.example.cn>";
    BOOST_TEST(longestLine(composeEmail(m).data) <= 78u);
}

BOOST_AUTO_TEST_CASE(the_message_id_and_token_are_the_same_for_a_resend_and_differ_per_member_and_channel) {
    const RenderedEmail content{"s", "<p>h</p>", "t"};
    const auto first = campaignEmail(envelope(), 7, 1001, {"", "a@example.com"}, content, {});
    const auto again = campaignEmail(envelope(), 7, 1001, {"", "a@example.com"}, content, {});
    const auto other = campaignEmail(envelope(), 7, 1002, {"", "b@example.com"}, content, {});
    BOOST_TEST(first.messageId == again.messageId);
    BOOST_TEST(first.unsubscribeUrl == again.unsubscribeUrl);
    BOOST_TEST(first.messageId != other.messageId);
    BOOST_TEST(first.messageId.starts_with("<md.7.1001.email."));
    BOOST_TEST(first.messageId.ends_with("@shop.example.cn>"));
    BOOST_TEST(messageId("k", 7, 1001, "sms", "d") != messageId("k", 7, 1001, "email", "d"));
    BOOST_TEST(messageId("other secret", 7, 1001, "email", "shop.example.cn") != first.messageId);
}

BOOST_AUTO_TEST_CASE(a_signed_token_verifies_and_names_its_campaign_and_member) {
    const auto token = signUnsubscribeToken("secret", 42, 123456);
    const auto v = verifyUnsubscribeToken("secret", token);
    BOOST_TEST_REQUIRE(v.has_value());
    BOOST_TEST(v->campaignId == 42);
    BOOST_TEST(v->memberId == 123456);
    BOOST_TEST(token.find_first_not_of("0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_") ==
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_token_with_another_member_another_secret_or_a_changed_signature_is_refused) {
    const auto token = signUnsubscribeToken("secret", 42, 123456);
    const auto sig = token.substr(token.rfind('.') + 1);
    BOOST_TEST(!verifyUnsubscribeToken("secret", "42.123457." + sig));
    BOOST_TEST(!verifyUnsubscribeToken("other", token));
    auto bent = token;
    bent.back() = bent.back() == 'A' ? 'B' : 'A';
    BOOST_TEST(!verifyUnsubscribeToken("secret", bent));
    BOOST_TEST(!verifyUnsubscribeToken("secret", ""));
    BOOST_TEST(!verifyUnsubscribeToken("secret", "42.x." + sig));
    BOOST_TEST(!verifyUnsubscribeToken("secret", "-1.5." + sig));
}

BOOST_AUTO_TEST_CASE(the_unsubscribe_headers_carry_the_token_in_the_https_link_and_the_mailto) {
    const auto m = campaignEmail(envelope(), 7, 1001, {"", "a@example.com"}, {"s", "h", "t"}, {});
    const auto token = signUnsubscribeToken(envelope().secret, 7, 1001);
    BOOST_TEST(m.unsubscribeUrl == "https://shop.example.cn/u?token=" + token);
    BOOST_TEST(m.unsubscribeMailto == "mailto:unsub@shop.example.cn?subject=unsubscribe%20" + token);
    const auto data = composeEmail(m).data;
    BOOST_TEST(data.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
