#include "domain/phone_number.h"

#include <boost/test/unit_test.hpp>

using md::PhoneNumber;

namespace {

std::string e164(std::string_view text) {
    auto r = PhoneNumber::parse(text);
    BOOST_TEST_INFO("input: " << text << " error: " << (r ? "" : r.error()));
    BOOST_REQUIRE(r.ok());
    return r.value().e164();
}

std::string reason(std::string_view text) {
    auto r = PhoneNumber::parse(text);
    BOOST_TEST_INFO("input: " << text);
    BOOST_REQUIRE(!r.ok());
    return r.error();
}

} // namespace

BOOST_AUTO_TEST_SUITE(phone_number)

BOOST_AUTO_TEST_CASE(mobile_with_country_code_and_spaces_normalises_to_e164) {
    BOOST_TEST(e164("+86 138 0013 8000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(bare_cn_mobile_gets_default_region_country_code) {
    BOOST_TEST(e164("13800138000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(dashes_and_country_code_with_dashes_are_ignored) {
    BOOST_TEST(e164("138-0013-8000") == "+8613800138000");
    BOOST_TEST(e164("+86-138-0013-8000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(bracketed_country_code_is_accepted) {
    BOOST_TEST(e164("(+86) 138 0013 8000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(punctuation_without_digits_is_reported_as_no_digits) {
    BOOST_TEST(reason("--") == "contains no digits");
}

BOOST_AUTO_TEST_CASE(international_prefix_00_is_read_as_plus) {
    BOOST_TEST(e164("0086 13800138000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(country_code_without_plus_on_a_13_digit_mobile_is_accepted) {
    BOOST_TEST(e164("8613800138000") == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(beijing_landline_with_bracketed_area_code_drops_trunk_zero) {
    BOOST_TEST(e164("(010) 6552 9988") == "+861065529988");
    BOOST_TEST(e164("+86 10 6552 9988") == "+861065529988");
}

BOOST_AUTO_TEST_CASE(three_digit_area_code_landline_is_accepted) {
    BOOST_TEST(e164("0755-8888 6666") == "+8675588886666");
}

BOOST_AUTO_TEST_CASE(foreign_number_with_plus_keeps_its_digits) {
    BOOST_TEST(e164("+1 415 555 0100") == "+14155550100");
    BOOST_TEST(e164("+44 20 7946 0958") == "+442079460958");
}

BOOST_AUTO_TEST_CASE(every_mobile_prefix_13_to_19_is_valid_and_12_is_not) {
    for (char second = '3'; second <= '9'; ++second)
        BOOST_TEST(PhoneNumber::parse(std::string("1") + second + "800138000").ok());
    BOOST_TEST(reason("12800138000").find("13 to 19") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_input_is_rejected_as_empty) {
    BOOST_TEST(reason("") == "empty");
    BOOST_TEST(reason("   ") == "empty");
}

BOOST_AUTO_TEST_CASE(letters_are_rejected_as_letters) {
    BOOST_TEST(reason("138abc38000") == "contains letters");
}

BOOST_AUTO_TEST_CASE(short_mobile_reports_how_many_digits_it_has_and_needs) {
    BOOST_TEST(reason("138001380") == "too few digits: 9, a Chinese mobile number has 11");
}

BOOST_AUTO_TEST_CASE(long_mobile_reports_too_many_digits) {
    BOOST_TEST(reason("138001380001") == "too many digits: 12, a Chinese mobile number has 11");
}

BOOST_AUTO_TEST_CASE(foreign_number_needs_8_to_15_digits) {
    BOOST_TEST(reason("+1 555 01").find("too few digits: 6") != std::string::npos);
    BOOST_TEST(reason("+1 2345 6789 0123 4567").find("too many digits") != std::string::npos);
    BOOST_TEST(e164("+49 3012345") == "+493012345");
}

BOOST_AUTO_TEST_CASE(local_landline_without_area_code_asks_for_the_area_code) {
    BOOST_TEST(reason("6552 9988").find("area code") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plus_in_the_middle_and_other_symbols_are_rejected) {
    BOOST_TEST(reason("138+0013").find("'+'") != std::string::npos);
    BOOST_TEST(reason("138*0013*8000") == "contains '*'");
    BOOST_TEST(reason("+86") == "no digits after the country code");
    BOOST_TEST(reason("+0 123 4567 89") == "country codes never start with 0");
}

BOOST_AUTO_TEST_CASE(full_width_digits_are_rejected_with_a_reason) {
    BOOST_TEST(reason("１３８００１３８０００").find("other than digits") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cn_mobile_displays_in_national_groups) {
    BOOST_TEST(PhoneNumber::parse("+8613800138000").value().display() == "138 0013 8000");
    BOOST_TEST(PhoneNumber::parse("+1 415 555 0100").value().display() == "+14155550100");
}

BOOST_AUTO_TEST_CASE(digits_drop_the_plus) {
    BOOST_TEST(PhoneNumber::parse("13800138000").value().digits() == "8613800138000");
}

BOOST_AUTO_TEST_CASE(digits_of_keeps_only_digits) {
    BOOST_TEST(md::digitsOf("+86 (138)-0013") == "861380013");
    BOOST_TEST(md::digitsOf("abc") == "");
}

BOOST_AUTO_TEST_CASE(looks_like_phone_input_accepts_typed_fragments_only) {
    BOOST_TEST(md::looksLikePhoneInput("138 0013"));
    BOOST_TEST(md::looksLikePhoneInput("+86-138"));
    BOOST_TEST(md::looksLikePhoneInput("(010) 6552"));
    BOOST_TEST(!md::looksLikePhoneInput("MD0001"));
    BOOST_TEST(!md::looksLikePhoneInput("  "));
    BOOST_TEST(!md::looksLikePhoneInput("138+0013"));
    BOOST_TEST(!md::looksLikePhoneInput("王 138"));
}

BOOST_AUTO_TEST_SUITE_END()
