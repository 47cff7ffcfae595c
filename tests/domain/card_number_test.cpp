#include "domain/card_number.h"

#include <boost/test/unit_test.hpp>

using md::CardNumber;

BOOST_AUTO_TEST_SUITE(card_number)

BOOST_AUTO_TEST_CASE(card_number_is_stored_upper_cased) {
    BOOST_TEST(CardNumber::parse("md00012345").value().str() == "MD00012345");
}

BOOST_AUTO_TEST_CASE(letters_digits_and_dashes_are_accepted_and_blanks_trimmed) {
    BOOST_TEST(CardNumber::parse(" VIP-2024-0001 ").value().str() == "VIP-2024-0001");
    BOOST_TEST(CardNumber::parse("0000").ok());
}

BOOST_AUTO_TEST_CASE(length_must_be_4_to_32) {
    BOOST_TEST(!CardNumber::parse("ABC").ok());
    BOOST_TEST(CardNumber::parse("ABC").error().find("too short: 3") != std::string::npos);
    BOOST_TEST(CardNumber::parse(std::string(32, 'A')).ok());
    BOOST_TEST(CardNumber::parse(std::string(33, 'A')).error().find("too long: 33") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_characters_are_rejected_with_a_reason) {
    BOOST_TEST(CardNumber::parse("").error() == "card number is empty");
    BOOST_TEST(CardNumber::parse("MD 0001").error() == "card number contains a space");
    BOOST_TEST(CardNumber::parse("MD_0001").error().find("'_'") != std::string::npos);
    BOOST_TEST(!CardNumber::parse("会员0001").ok());
}

BOOST_AUTO_TEST_CASE(cards_differing_only_in_case_are_equal) {
    BOOST_TEST((CardNumber::parse("md01").value() == CardNumber::parse("MD01").value()));
    BOOST_TEST((CardNumber::parse("MD01").value() < CardNumber::parse("MD02").value()));
}

BOOST_AUTO_TEST_SUITE_END()
