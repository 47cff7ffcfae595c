// Previewing a campaign message for one member: that member's tier, points and expiry merged in, and an
// SMS with its encoding, parts and cost at the configured price. Runs on SQLite and PostgreSQL.
#include "app/message_preview.h"
#include "app/settings.h"
#include "app/tiers.h"
#include "domain/user_error.h"
#include "tests/app/loyalty_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::test;

BOOST_AUTO_TEST_SUITE(message_preview)

BOOST_AUTO_TEST_CASE(an_email_preview_merges_the_members_own_tier_points_and_store) {
    LoyaltyFixture f;
    f.importLines({"A1,2025-03-01 10:00,128.00,purchase,food,"});
    app::setTier(f.ctx, f.store, f.card, "GOLD", date("2025-08-31"), "vip");
    const auto r =
        app::previewEmail(f.ctx, f.store,
                          {"{{name}}，您有 {{points}} 积分",
                           "<p>{{#if tier == \"GOLD\"}}金卡{{else}}会员{{/if}} {{card_no}} @{{store}}</p>",
                           "{{points_expiring}} 分 {{points_expiry_date}} 过期 {{coupon}}"},
                          f.card, {{"coupon", "XMAS"}});
    BOOST_TEST(r.subject == "王小明，您有 128 积分");
    BOOST_TEST(r.html == "<p>金卡 MD000001 @SH001</p>");
    const auto p = f.points();
    BOOST_TEST_REQUIRE(p.balance.nextExpiry.has_value());
    BOOST_TEST(r.text == std::to_string(p.balance.expiringSoon) + " 分 " + formatDate(*p.balance.nextExpiry) +
                             " 过期 XMAS");
}

BOOST_AUTO_TEST_CASE(an_sms_preview_shows_encoding_parts_and_cost_at_the_configured_price) {
    LoyaltyFixture f;
    app::setSetting(f.ctx, f.store, "sms.cost_per_part", "0.04");
    std::string text = "【会员中心】{{name}}您好";
    while (text.size() < 220)
        text += "，积分";
    const auto p = app::previewSms(f.ctx, f.store, text, f.card);
    BOOST_TEST(p.text.starts_with("【会员中心】王小明您好"));
    BOOST_TEST((p.analysis.encoding == campaigns::SmsEncoding::Ucs2));
    BOOST_TEST(p.analysis.parts == 2);
    BOOST_TEST(p.analysis.cost == 8);
}

BOOST_AUTO_TEST_CASE(a_preview_of_a_broken_template_or_an_unknown_card_is_refused) {
    LoyaltyFixture f;
    BOOST_CHECK_EXCEPTION(
        app::previewSms(f.ctx, f.store, "{{nmae}}", f.card), UserError,
        [](const UserError& e) { return e.code() == "template.invalid" && e.param("subject") == "nmae"; });
    BOOST_CHECK_EXCEPTION(app::previewSms(f.ctx, f.store, "{{name}}", "MD999999"), UserError,
                          [](const UserError& e) { return e.code() == "member.unknown_card"; });
}

BOOST_AUTO_TEST_SUITE_END()
