// Email through the real aiosmtpd peer: the stored message is read back with Python's email parser and
// checked for structure, encodings, headers and merged fields; then logins, TLS and failures.
#include "campaigns/signing.h"
#include "campaigns/smtp_sender.h"
#include "campaigns/transport_settings.h"
#include "domain/campaigns/template.h"
#include "tests/campaigns/peers.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include <unistd.h>

using namespace md::campaigns;
using md::test::parseMail;
using md::test::smtpPeer;
using md::test::storedMessage;

namespace {

// A secret of this run's own: the Message-IDs differ from those a previous run left in the same peer.
const EmailEnvelope kEnvelope{{"会员中心 MemberDesk", "news@shop.example.cn"},
                              "test-secret-" + std::to_string(::getpid()),
                              "https://shop.example.cn/unsubscribe",
                              "unsub@shop.example.cn"};

OutgoingEmail memberEmail(std::int64_t campaign, std::int64_t member, const std::string& tag) {
    const CompiledEmail t({"{{name}}，您的 {{points}} 积分即将过期 " + tag,
                           "<p>{{name}} 您好</p>{{#if tier == \"GOLD\"}}<p>金卡专享</p>{{/if}}"
                           "<p>{{points_expiring}} 分将于 {{points_expiry_date}} 过期</p>",
                           "{{name}} 您好\n{{points_expiring}} 分将于 {{points_expiry_date}} 过期"});
    const MergeValues v = {{"name", "王小明 <VIP>"},
                           {"tier", "GOLD"},
                           {"points", "1,280"},
                           {"points_expiring", "300"},
                           {"points_expiry_date", "2026-12-31"}};
    return composeEmail(campaignEmail(kEnvelope, campaign, member, {"王小明", "wang@example.com"},
                                      t.render(v), md::Timestamp(std::chrono::seconds(1790000000))));
}

SmtpConfig withLogin(SmtpConfig c) {
    c.user = md::test::peerEnv("MEMBERDESK_TEST_SMTP_USER");
    c.password = md::test::peerEnv("MEMBERDESK_TEST_SMTP_PASSWORD");
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(smtp_peer)

BOOST_AUTO_TEST_CASE(a_campaign_email_arrives_as_multipart_alternative_with_chinese_intact) {
    SmtpSender sender(withLogin(smtpPeer("MEMBERDESK_TEST_SMTP")));
    const auto tag = md::test::uniqueTag();
    const auto email = memberEmail(9, 1001, tag);
    const auto outcome = sender.send(email);
    BOOST_TEST_REQUIRE(outcome.sent(), outcome.answer);
    BOOST_TEST(outcome.code == 250);

    const auto mail = parseMail(storedMessage(email.messageId)).asObject();
    auto str = [&](const char* k) { return mail.find(k)->asString(); };
    BOOST_TEST(str("content_type") == "multipart/alternative");
    BOOST_TEST(str("subject") == "王小明 <VIP>，您的 1,280 积分即将过期 " + tag);
    BOOST_TEST(str("from_name") == "会员中心 MemberDesk");
    BOOST_TEST(str("message_id") == email.messageId);
    BOOST_TEST(str("mime_version") == "1.0");
    BOOST_TEST(!str("date").empty());
    BOOST_TEST(mail.find("defects")->asInteger() == 0);
    BOOST_TEST(mail.find("longest_line")->asInteger() <= 998);

    const auto& parts = mail.find("parts")->asArray();
    BOOST_TEST_REQUIRE(parts.size() == 2u);
    const auto& text = parts[0].asObject();
    const auto& html = parts[1].asObject();
    BOOST_TEST(text.find("type")->asString() == "text/plain");
    BOOST_TEST(html.find("type")->asString() == "text/html");
    BOOST_TEST(html.find("charset")->asString() == "utf-8");
    BOOST_TEST(text.find("text")->asString().find("王小明 <VIP> 您好") != std::string::npos);
    BOOST_TEST(html.find("text")->asString().find("<p>王小明 &lt;VIP&gt; 您好</p><p>金卡专享</p>") !=
               std::string::npos);
    BOOST_TEST(html.find("text")->asString().find("300 分将于 2026-12-31 过期") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_mostly_latin_email_goes_quoted_printable_and_decodes_to_the_same_text) {
    SmtpSender sender(smtpPeer("MEMBERDESK_TEST_SMTP"));
    std::string text = "Dear member,\n.a line that starts with a dot\nprice = 5 \n";
    for (int i = 0; i < 30; ++i)
        text += "Double points on member day (会员日) for everyone. ";
    EmailMessage m;
    m.from = kEnvelope.from;
    m.to = {"Tom", "tom@example.com"};
    m.subject = "Member day " + md::test::uniqueTag();
    m.text = text;
    m.html = "<p>" + text + "</p>";
    m.messageId = "<" + md::test::uniqueTag() + ".qp@shop.example.cn>";
    BOOST_TEST_REQUIRE(sender.send(composeEmail(m)).sent());
    const auto mail = parseMail(storedMessage(m.messageId)).asObject();
    const auto& parts = mail.find("parts")->asArray();
    BOOST_TEST_REQUIRE(parts.size() == 2u);
    BOOST_TEST(parts[0].asObject().find("encoding")->asString() == "quoted-printable");
    // Text travels in canonical form: each line break arrives as CRLF, nothing else changes.
    std::string canonical;
    for (char c : text)
        canonical += c == '\n' ? std::string("\r\n") : std::string(1, c);
    BOOST_TEST(parts[0].asObject().find("text")->asString() == canonical);
    BOOST_TEST(mail.find("subject")->asString() == m.subject);
    BOOST_TEST(mail.find("list_unsubscribe")->asString() == "None");
}

BOOST_AUTO_TEST_CASE(the_stored_message_carries_one_click_unsubscribe_with_a_token_that_verifies) {
    SmtpSender sender(smtpPeer("MEMBERDESK_TEST_SMTP"));
    const auto email = memberEmail(9, 1002, md::test::uniqueTag());
    BOOST_TEST_REQUIRE(sender.send(email).sent());
    const auto mail = parseMail(storedMessage(email.messageId)).asObject();
    const auto header = mail.find("list_unsubscribe")->asString();
    const auto token = signUnsubscribeToken(kEnvelope.secret, 9, 1002);
    BOOST_TEST(header == "<https://shop.example.cn/unsubscribe?token=" + token +
                             ">, <mailto:unsub@shop.example.cn?subject=unsubscribe%20" + token + ">");
    BOOST_TEST(mail.find("list_unsubscribe_post")->asString() == "List-Unsubscribe=One-Click");
    const auto v = verifyUnsubscribeToken(kEnvelope.secret, token);
    BOOST_TEST_REQUIRE(v.has_value());
    BOOST_TEST(v->memberId == 1002);
}

BOOST_AUTO_TEST_CASE(a_batch_over_several_kept_open_connections_arrives_once_each) {
    auto config = smtpPeer("MEMBERDESK_TEST_SMTP");
    config.connections = 3;
    SmtpSender sender(config);
    std::vector<OutgoingEmail> batch;
    for (int m = 0; m < 12; ++m)
        batch.push_back(memberEmail(10, 2000 + m, md::test::uniqueTag()));
    const auto outcomes = sender.sendAll(batch);
    std::set<std::string> files;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        BOOST_TEST(outcomes[i].sent(), outcomes[i].answer);
        files.insert(storedMessage(batch[i].messageId).string());
    }
    BOOST_TEST(files.size() == batch.size());
}

BOOST_AUTO_TEST_CASE(a_refused_login_is_a_permanent_failure_with_the_servers_answer) {
    auto config = withLogin(smtpPeer("MEMBERDESK_TEST_SMTP"));
    config.password = "wrong";
    const auto outcome = SmtpSender(config).send(memberEmail(11, 1, md::test::uniqueTag()));
    BOOST_TEST((outcome.kind == Outcome::Kind::Permanent));
    BOOST_TEST(outcome.code == 535);
    BOOST_TEST(outcome.answer.find("535") != std::string::npos, outcome.answer);
    BOOST_TEST(outcome.answer.find("uthentication") != std::string::npos, outcome.answer);
}

BOOST_AUTO_TEST_CASE(a_dead_port_is_a_transient_failure_that_certainly_did_not_send) {
    auto config = smtpPeer("MEMBERDESK_TEST_SMTP");
    config.port = md::test::deadPort();
    const auto outcome = SmtpSender(config).send(memberEmail(11, 2, md::test::uniqueTag()));
    BOOST_TEST((outcome.kind == Outcome::Kind::Transient));
    BOOST_TEST(!outcome.outcomeUnknown);
    BOOST_TEST(outcome.answer.find("cannot connect") != std::string::npos, outcome.answer);
}

BOOST_AUTO_TEST_CASE(starttls_refuses_an_unknown_certificate_by_default) {
    auto config = withLogin(smtpPeer("MEMBERDESK_TEST_SMTP_STARTTLS"));
    config.security = SmtpConfig::Security::StartTls;
    const auto outcome = SmtpSender(config).send(memberEmail(12, 1, md::test::uniqueTag()));
    BOOST_TEST((outcome.kind == Outcome::Kind::Permanent));
    BOOST_TEST(outcome.answer.find("TLS") != std::string::npos, outcome.answer);
}

BOOST_AUTO_TEST_CASE(starttls_with_login_works_when_the_ca_file_is_trusted_or_verification_is_off) {
    auto config = withLogin(smtpPeer("MEMBERDESK_TEST_SMTP_STARTTLS"));
    config.security = SmtpConfig::Security::StartTls;
    config.caFile = md::test::peerEnv("MEMBERDESK_TEST_SMTP_CA");
    const auto email = memberEmail(12, 2, md::test::uniqueTag());
    const auto outcome = SmtpSender(config).send(email);
    BOOST_TEST(outcome.sent(), outcome.answer);
    storedMessage(email.messageId);

    config.caFile.clear();
    config.verify = false;
    const auto unverified = SmtpSender(config).send(memberEmail(12, 3, md::test::uniqueTag()));
    BOOST_TEST(unverified.sent(), unverified.answer);
}

BOOST_AUTO_TEST_CASE(smtps_refuses_an_unknown_certificate_and_works_with_its_ca_file) {
    auto config = smtpPeer("MEMBERDESK_TEST_SMTPS");
    config.security = SmtpConfig::Security::Smtps;
    BOOST_TEST((SmtpSender(config).send(memberEmail(13, 1, md::test::uniqueTag())).kind ==
                Outcome::Kind::Permanent));
    config.caFile = md::test::peerEnv("MEMBERDESK_TEST_SMTP_CA");
    const auto email = memberEmail(13, 2, md::test::uniqueTag());
    const auto outcome = SmtpSender(withLogin(config)).send(email);
    BOOST_TEST(outcome.sent(), outcome.answer);
    storedMessage(email.messageId);
}

BOOST_AUTO_TEST_CASE(a_resend_after_an_unknown_outcome_carries_the_same_message_id_and_token) {
    SmtpSender sender(smtpPeer("MEMBERDESK_TEST_SMTP"));
    const std::int64_t campaign = ::getpid(); // a fresh Message-ID for each run against the same peer
    const auto first = memberEmail(campaign, 77, "resend");
    const auto resend = memberEmail(campaign, 77, "resend");
    BOOST_TEST(first.messageId == resend.messageId);
    BOOST_TEST_REQUIRE(sender.send(first).sent());
    BOOST_TEST_REQUIRE(sender.send(resend).sent());
    // Both copies reach the server with one Message-ID, which is what lets a mail system drop the second.
    const auto dir = md::test::peerEnv("MEMBERDESK_TEST_SMTP_DIR");
    int copies = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(e.path(), std::ios::binary);
        const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        copies += data.find("Message-ID: " + first.messageId + "\r\n") != std::string::npos;
    }
    BOOST_TEST(copies == 2);
}

BOOST_AUTO_TEST_SUITE_END()
