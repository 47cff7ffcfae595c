// SMS encoding, length in parts and cost: GSM-7 (extension characters take two septets) or UCS-2.
#include "domain/campaigns/sms_encoding.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace md::campaigns;

namespace {
std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(sms_encoding)

BOOST_AUTO_TEST_CASE(plain_latin_text_is_gsm7_up_to_160_characters_in_one_part) {
    const auto a = analyseSms(repeat("a", 160), 5);
    BOOST_TEST((a.encoding == SmsEncoding::Gsm7));
    BOOST_TEST(a.units == 160);
    BOOST_TEST(a.parts == 1);
    BOOST_TEST(a.cost == 5);
    BOOST_TEST(analyseSms(repeat("a", 161)).parts == 2);
    BOOST_TEST(analyseSms(repeat("a", 306)).parts == 2);
    BOOST_TEST(analyseSms(repeat("a", 307), 5).cost == 15);
}

BOOST_AUTO_TEST_CASE(extension_characters_count_two_septets_and_are_not_split) {
    const auto a = analyseSms("Price: 5€ {sale}");
    BOOST_TEST((a.encoding == SmsEncoding::Gsm7));
    BOOST_TEST(a.characters == 16);
    BOOST_TEST(a.units == 19);
    BOOST_TEST(analyseSms(repeat("€", 80)).parts == 1);
    BOOST_TEST(analyseSms(repeat("€", 81)).parts == 2);
    // 152 septets then a two-septet character: it moves whole to the second part.
    BOOST_TEST(analyseSms(repeat("a", 152) + "€" + repeat("a", 152)).parts == 3);
}

BOOST_AUTO_TEST_CASE(gsm_alphabet_letters_beyond_ascii_stay_gsm7_but_a_backtick_does_not) {
    BOOST_TEST((analyseSms("Ünïcödé? ¥100 Øre ΔΣ").encoding == SmsEncoding::Ucs2)); // ï is not GSM
    BOOST_TEST((analyseSms("Über ¥100 Øre ΔΣ ñ").encoding == SmsEncoding::Gsm7));
    BOOST_TEST((analyseSms("it`s").encoding == SmsEncoding::Ucs2));
}

BOOST_AUTO_TEST_CASE(chinese_text_is_ucs2_70_characters_per_single_part_67_when_split) {
    const auto a = analyseSms(repeat("积", 70), 4);
    BOOST_TEST((a.encoding == SmsEncoding::Ucs2));
    BOOST_TEST(a.units == 70);
    BOOST_TEST(a.parts == 1);
    BOOST_TEST(analyseSms(repeat("积", 71)).parts == 2);
    BOOST_TEST(analyseSms(repeat("积", 134)).parts == 2);
    BOOST_TEST(analyseSms(repeat("积", 135), 4).cost == 12);
}

BOOST_AUTO_TEST_CASE(an_emoji_counts_two_utf16_units_and_is_never_split) {
    const auto a = analyseSms("会员日🎉");
    BOOST_TEST(a.characters == 4);
    BOOST_TEST(a.units == 5);
    BOOST_TEST(analyseSms(repeat("🎉", 35)).parts == 1);
    BOOST_TEST(analyseSms(repeat("🎉", 36)).parts == 2);
    BOOST_TEST(analyseSms(repeat("a", 66) + "🎉").parts == 1); // 68 units: one part
    BOOST_TEST(analyseSms(repeat("a", 70) + "🎉").parts == 2); // 72 units: the emoji starts part two
    BOOST_TEST(analyseSms(repeat("a", 66) + "🎉" + repeat("a", 5)).units == 73);
    BOOST_TEST(analyseSms(repeat("a", 66) + "🎉" + repeat("a", 5)).parts == 2);
}

BOOST_AUTO_TEST_CASE(an_empty_text_is_one_gsm7_part) {
    const auto a = analyseSms("");
    BOOST_TEST(a.parts == 1);
    BOOST_TEST(std::string(encodingName(a.encoding)) == "GSM-7");
}

BOOST_AUTO_TEST_SUITE_END()
