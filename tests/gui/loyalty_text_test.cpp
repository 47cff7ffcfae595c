// The loyalty sentences and the breakdown text, without windows.
#include "gui/loyalty_text.h"

#include "tests/gui/gui_fixture.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::gui;

namespace {
loyalty::Tier tier(int rank, const char* code, const char* zh, const char* en, std::int64_t entrySpend) {
    loyalty::Tier t;
    t.rank = rank;
    t.code = code;
    t.nameZh = zh;
    t.nameEn = en;
    t.entrySpendMinor = entrySpend;
    return t;
}

app::TierProgress silverTowardsGold() {
    app::TierProgress p;
    p.tier = tier(1, "SILVER", "银卡", "Silver", 100000);
    p.next = tier(2, "GOLD", "金卡", "Gold", 300000);
    p.figures.spendMinor = 268000;
    p.spendToNext = 32000;
    return p;
}
} // namespace

BOOST_AUTO_TEST_SUITE(loyalty_text)

BOOST_AUTO_TEST_CASE(a_window_with_a_last_day_names_it) {
    app::TierProgress p = silverTowardsGold();
    p.by = Date{std::chrono::year{2027} / 3 / 31};
    BOOST_TEST(nextTierSentence(p) == md::test::u8("spend ¥320 more by 2027-03-31 to reach 金卡 Gold"));
    BOOST_TEST(nextTierPercent(p) == 89);
}

BOOST_AUTO_TEST_CASE(a_rolling_window_has_no_by_date) {
    const app::TierProgress p = silverTowardsGold();
    BOOST_TEST(nextTierSentence(p) == md::test::u8("spend ¥320 more to reach 金卡 Gold"));
    BOOST_TEST(keepTierSentence(p) == md::test::u8("银卡 Silver is kept for this window"));
    BOOST_TEST(keepTierPercent(p) == 100);
}

BOOST_AUTO_TEST_CASE(spend_and_points_thresholds_are_joined_by_the_tier_mode) {
    app::TierProgress p = silverTowardsGold();
    p.pointsToNext = 150;
    BOOST_TEST(nextTierSentence(p) ==
               md::test::u8("spend ¥320 more or earn 150 more qualifying points to reach 金卡 Gold"));
    p.next->mode = loyalty::ThresholdMode::All;
    BOOST_TEST(nextTierSentence(p).Contains(wxS(" and earn 150 more")));
}

BOOST_AUTO_TEST_CASE(the_top_tier_has_no_next_sentence) {
    app::TierProgress p = silverTowardsGold();
    p.next.reset();
    BOOST_TEST(nextTierSentence(p).empty());
}

BOOST_AUTO_TEST_CASE(a_breakdown_reads_as_one_line_per_rule_and_a_total) {
    const std::string json =
        R"({"points":180,"qualifying":120,"steps":[)"
        R"({"rule":"BASE","kind":"base","points":120,"applied":true,"note":"1 per ¥1"},)"
        R"({"rule":"GOLD_X","kind":"tier_multiplier","points":60,"applied":true,"note":""},)"
        R"({"rule":"DOUBLE11","kind":"date_range","points":0,"applied":false,"note":"cap"}]})";
    const wxString text = breakdownText(json);
    BOOST_TEST(text.Contains(md::test::u8("BASE (base): +120 — 1 per ¥1")), "text: " << text);
    BOOST_TEST(text.Contains(wxS("GOLD_X (tier_multiplier): +60\n")), "text: " << text);
    BOOST_TEST(text.Contains(wxS("DOUBLE11 (date_range): +0 (not applied) — cap")), "text: " << text);
    BOOST_TEST(text.EndsWith(wxS("Total 180 points, 120 qualifying")), "text: " << text);
    BOOST_TEST(breakdownText("not json") == wxString(wxS("not json")));
}

BOOST_AUTO_TEST_SUITE_END()
