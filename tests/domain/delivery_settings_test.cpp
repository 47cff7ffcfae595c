// The text forms of the delivery settings: sender mailbox, quiet hours (which may wrap past midnight)
// and the frequency cap.
#include "domain/campaigns/delivery_settings.h"

#include <boost/test/unit_test.hpp>

using namespace md::campaigns;

BOOST_AUTO_TEST_SUITE(delivery_settings_text)

BOOST_AUTO_TEST_CASE(a_mailbox_reads_with_or_without_a_name_and_quotes) {
    const auto m = parseMailbox("会员中心 <News@Shop.Example.CN>");
    BOOST_TEST_REQUIRE(m.ok());
    BOOST_TEST(m.value().name == "会员中心");
    BOOST_TEST(m.value().address == "News@shop.example.cn");
    BOOST_TEST(m.value().domain() == "shop.example.cn");
    BOOST_TEST(parseMailbox("\"Shop, Ltd\" <a@b.cn>").value().name == "Shop, Ltd");
    BOOST_TEST(parseMailbox("a@b.cn").value().name.empty());
    BOOST_TEST(!parseMailbox("Shop <a@b.cn").ok());
    BOOST_TEST(!parseMailbox("Shop <not an address>").ok());
}

BOOST_AUTO_TEST_CASE(quiet_hours_wrap_past_midnight_start_inclusive_end_exclusive) {
    const auto q = parseQuietHours("21:00-09:00");
    BOOST_TEST_REQUIRE(q.ok());
    BOOST_TEST_REQUIRE(q.value().has_value());
    BOOST_TEST(q.value()->contains(21 * 60));
    BOOST_TEST(q.value()->contains(3 * 60));
    BOOST_TEST(!q.value()->contains(9 * 60));
    BOOST_TEST(!q.value()->contains(20 * 60 + 59));
    const auto day = parseQuietHours("12:00-13:30").value();
    BOOST_TEST(day->contains(13 * 60 + 29));
    BOOST_TEST(!day->contains(13 * 60 + 30));
    BOOST_TEST(!parseQuietHours("off").value().has_value());
    BOOST_TEST(!parseQuietHours("24:00-09:00").ok());
    BOOST_TEST(!parseQuietHours("9-21").ok());
    BOOST_TEST(!parseQuietHours("09:00-09:00").ok());
}

BOOST_AUTO_TEST_CASE(a_frequency_cap_is_messages_per_days) {
    const auto c = parseFrequencyCap("2/7d");
    BOOST_TEST_REQUIRE(c.ok());
    BOOST_TEST(c.value()->messages == 2);
    BOOST_TEST(c.value()->days == 7);
    BOOST_TEST(!parseFrequencyCap("").value().has_value());
    BOOST_TEST(!parseFrequencyCap("2/7").ok());
    BOOST_TEST(!parseFrequencyCap("0/7d").ok());
    BOOST_TEST(!parseFrequencyCap("x/7d").ok());
}

BOOST_AUTO_TEST_SUITE_END()
