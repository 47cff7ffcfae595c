#include "domain/money.h"

#include <boost/test/unit_test.hpp>

#include <stdexcept>

using md::Money;

namespace {

std::int64_t minor(std::string_view text) {
    auto r = Money::parse(text);
    BOOST_TEST_INFO("input: " << text << " error: " << (r ? "" : r.error()));
    BOOST_REQUIRE(r.ok());
    return r.value().minor();
}

bool rejects(std::string_view text) {
    return !Money::parse(text).ok();
}

} // namespace

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(two_one_and_no_decimals_parse_to_fen) {
    BOOST_TEST(minor("128.50") == 12850);
    BOOST_TEST(minor("128.5") == 12850);
    BOOST_TEST(minor("128") == 12800);
    BOOST_TEST(minor("0.05") == 5);
}

BOOST_AUTO_TEST_CASE(negative_amounts_parse) {
    BOOST_TEST(minor("-3.20") == -320);
    BOOST_TEST(minor("-\xC2\xA5"
                     "3.20") == -320);
    BOOST_TEST(minor("\xC2\xA5-3.20") == -320);
}

BOOST_AUTO_TEST_CASE(thousands_separators_and_yuan_sign_are_accepted) {
    BOOST_TEST(minor("1,234.50") == 123450);
    BOOST_TEST(minor("1,234,567") == 123456700);
    BOOST_TEST(minor("\xC2\xA5"
                     "128.50") == 12850);
    BOOST_TEST(minor("\xEF\xBF\xA5"
                     "128.50") == 12850); // full-width ￥
}

BOOST_AUTO_TEST_CASE(surrounding_blanks_are_trimmed) {
    BOOST_TEST(minor("128.50 ") == 12850);
    BOOST_TEST(minor("  128.50\r") == 12850);
}

BOOST_AUTO_TEST_CASE(more_than_two_decimals_are_rejected) {
    BOOST_TEST(rejects("12.345"));
    BOOST_TEST(Money::parse("12.345").error().find("2 decimal places") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_exponents_and_empty_input_are_rejected) {
    BOOST_TEST(rejects("abc"));
    BOOST_TEST(rejects("1e5"));
    BOOST_TEST(rejects(""));
    BOOST_TEST(rejects("-"));
    BOOST_TEST(rejects("."));
    BOOST_TEST(rejects("12."));
    BOOST_TEST(rejects("1.2.3"));
    BOOST_TEST(rejects("--3"));
}

BOOST_AUTO_TEST_CASE(misplaced_thousands_separators_are_rejected) {
    BOOST_TEST(rejects("12,34"));
    BOOST_TEST(rejects(",123"));
    BOOST_TEST(rejects("1234,567"));
    BOOST_TEST(rejects("1,234,"));
}

BOOST_AUTO_TEST_CASE(amounts_beyond_int64_fen_are_rejected_as_too_large) {
    BOOST_TEST(minor("92233720368547758.07") == INT64_MAX);
    BOOST_TEST(rejects("92233720368547758.08"));
    BOOST_TEST(Money::parse("99999999999999999999").error().find("too large") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(currency_is_cny_unless_given) {
    BOOST_TEST(Money::parse("1").value().currency() == "CNY");
    BOOST_TEST(Money::parse("1", "USD").value().currency() == "USD");
}

BOOST_AUTO_TEST_CASE(decimal_string_always_has_two_decimals) {
    BOOST_TEST(Money(12850).toDecimalString() == "128.50");
    BOOST_TEST(Money(-320).toDecimalString() == "-3.20");
    BOOST_TEST(Money(0).toDecimalString() == "0.00");
    BOOST_TEST(Money(-5).toDecimalString() == "-0.05");
    BOOST_TEST(Money(INT64_MIN).toDecimalString() == "-92233720368547758.08");
}

BOOST_AUTO_TEST_CASE(decimal_string_round_trips_through_parse) {
    for (std::int64_t v : {0LL, 1LL, -1LL, 99LL, 100LL, 123456789LL, -987654321LL})
        BOOST_TEST(Money::parse(Money(v).toDecimalString()).value().minor() == v);
}

BOOST_AUTO_TEST_CASE(format_uses_currency_symbol_and_thousands_grouping) {
    BOOST_TEST(Money(123450).format() == "\xC2\xA5"
                                         "1,234.50");
    BOOST_TEST(Money(123450, "USD").format("en_US") == "$1,234.50");
    BOOST_TEST(Money(123450, "EUR").format() == "1,234.50 EUR");
    BOOST_TEST(Money(-12345678900).format() == "-\xC2\xA5"
                                               "123,456,789.00");
    BOOST_TEST(Money(99).format() == "\xC2\xA5"
                                     "0.99");
    BOOST_TEST(Money(100000).format() == "\xC2\xA5"
                                         "1,000.00");
}

BOOST_AUTO_TEST_CASE(arithmetic_in_one_currency_adds_and_subtracts_fen) {
    BOOST_TEST((Money(150) + Money(275)).minor() == 425);
    BOOST_TEST((Money(150) - Money(275)).minor() == -125);
}

BOOST_AUTO_TEST_CASE(mixing_currencies_throws) {
    BOOST_CHECK_THROW(Money(1) + Money(1, "USD"), std::invalid_argument);
    BOOST_CHECK_THROW(Money(1) - Money(1, "USD"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(overflowing_sum_throws_rather_than_wrapping) {
    BOOST_CHECK_THROW(Money(INT64_MAX) + Money(1), std::overflow_error);
}

BOOST_AUTO_TEST_SUITE_END()
