// The email, SMS and delivery-rule settings: each value is checked before it is stored, passwords are
// never shown, and the unsubscribe signing secret is made once and never shown or settable.
// Runs on SQLite and PostgreSQL.
#include "app/delivery_settings.h"
#include "app/settings.h"
#include "domain/user_error.h"
#include "persistence/audit.h"
#include "tests/app/app_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::test;

namespace {

std::string refusal(AppFixture& f, const std::string& key, const std::string& value) {
    try {
        app::setSetting(f.ctx, f.store, key, value);
    } catch (const UserError& e) {
        return e.code() + ": " + e.param("reason");
    }
    return "accepted";
}

} // namespace

BOOST_AUTO_TEST_SUITE(delivery_settings)

BOOST_FIXTURE_TEST_CASE(every_key_the_campaigns_need_is_known_with_a_default, AppFixture) {
    for (const char* key :
         {"smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.password", "smtp.verify", "smtp.from",
          "smtp.connections", "sms.gateway", "sms.url", "sms.user", "sms.password", "sms.from",
          "sms.cost_per_part", "unsubscribe.url", "quiet_hours", "frequency_cap", "timezone"})
        BOOST_CHECK_NO_THROW(app::getSetting(ctx, store, key));
    BOOST_TEST(app::getSetting(ctx, store, "smtp.verify") == "true");
    BOOST_TEST(app::getSetting(ctx, store, "quiet_hours") == "21:00-09:00");
    BOOST_TEST(app::getSetting(ctx, store, "frequency_cap") == "2/7d");
}

BOOST_FIXTURE_TEST_CASE(good_values_are_stored_and_read_back, AppFixture) {
    const std::vector<std::pair<std::string, std::string>> good = {
        {"smtp.host", "smtp.example.cn"},
        {"smtp.port", "465"},
        {"smtp.security", "smtps"},
        {"smtp.verify", "false"},
        {"smtp.from", "会员中心 <news@shop.example.cn>"},
        {"smtp.connections", "8"},
        {"sms.gateway", "http"},
        {"sms.url", "https://api.example.cn/sms"},
        {"sms.from", "MemberDesk"},
        {"sms.cost_per_part", "0.04"},
        {"unsubscribe.url", "https://shop.example.cn/u"},
        {"quiet_hours", "22:30-08:00"},
        {"frequency_cap", "3/14d"}};
    for (const auto& [key, value] : good) {
        BOOST_TEST_INFO(key);
        BOOST_TEST(refusal(*this, key, value) == "accepted");
        BOOST_TEST(app::getSetting(ctx, store, key) == value);
    }
}

BOOST_FIXTURE_TEST_CASE(bad_values_are_refused_with_a_reason_and_the_old_value_stays, AppFixture) {
    BOOST_TEST(refusal(*this, "smtp.port", "70000") ==
               "setting.invalid: the port is a whole number from 1 to 65535");
    BOOST_TEST(refusal(*this, "smtp.security", "tls") ==
               "setting.invalid: expected one of: none, starttls, smtps");
    BOOST_TEST(refusal(*this, "smtp.verify", "yes").starts_with("setting.invalid"));
    BOOST_TEST(refusal(*this, "smtp.from", "News <not-an-address>").starts_with("setting.invalid"));
    BOOST_TEST(refusal(*this, "smtp.connections", "0").starts_with("setting.invalid"));
    BOOST_TEST(refusal(*this, "sms.gateway", "twilio") == "setting.invalid: expected one of: kannel, http");
    BOOST_TEST(refusal(*this, "unsubscribe.url", "http://shop.example.cn/u")
                   .starts_with("setting.invalid: an https"));
    BOOST_TEST(refusal(*this, "quiet_hours", "9pm-9am").starts_with("setting.invalid: expected HH:MM-HH:MM"));
    BOOST_TEST(refusal(*this, "frequency_cap", "2 per week").starts_with("setting.invalid"));
    BOOST_TEST(refusal(*this, "sms.cost_per_part", "-0.05") ==
               "setting.invalid: the price cannot be negative");
    BOOST_TEST(refusal(*this, "smtp.host", "smtp example.cn").starts_with("setting.invalid"));
    BOOST_TEST(app::getSetting(ctx, store, "smtp.port") == "587");
}

BOOST_FIXTURE_TEST_CASE(passwords_are_masked_in_the_list_and_in_the_audit_trail, AppFixture) {
    app::setSetting(ctx, store, "smtp.password", "hunter2");
    app::setSetting(ctx, store, "sms.password", "s3cret");
    for (const auto& s : app::listSettings(ctx, store))
        if (s.key.ends_with("password")) BOOST_TEST(s.value == "********");
    for (const auto& e : db::auditTrail(*check, "setting", "smtp.password"))
        BOOST_TEST(e.afterJson.value_or("").find("hunter2") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(the_unsubscribe_secret_is_made_once_and_never_listed_set_or_audited_in_clear,
                        AppFixture) {
    const auto secret = app::unsubscribeSecret(ctx, store);
    BOOST_TEST(secret.size() == 64u);
    BOOST_TEST(app::unsubscribeSecret(ctx, store) == secret);
    for (const auto& s : app::listSettings(ctx, store))
        BOOST_TEST(s.value.find(secret) == std::string::npos);
    BOOST_CHECK_THROW(app::getSetting(ctx, store, app::kUnsubscribeSecretKey), UserError);
    BOOST_TEST(refusal(*this, app::kUnsubscribeSecretKey, "mine").starts_with("setting.unknown_key"));
    for (const auto& e : db::auditTrail(*check, "setting", app::kUnsubscribeSecretKey))
        BOOST_TEST(e.afterJson.value_or("").find(secret) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
