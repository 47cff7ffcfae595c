#include "domain/member_query.h"

#include <boost/test/unit_test.hpp>

using md::classifyQuery;
using md::QueryKind;

BOOST_AUTO_TEST_SUITE(member_query)

BOOST_AUTO_TEST_CASE(blank_query_is_empty) {
    BOOST_TEST((classifyQuery("").kind == QueryKind::Empty));
    BOOST_TEST((classifyQuery("   ").kind == QueryKind::Empty));
}

BOOST_AUTO_TEST_CASE(complete_mobile_is_a_phone_query_keyed_by_e164) {
    auto q = classifyQuery(" 138 0013 8000 ");
    BOOST_TEST((q.kind == QueryKind::Phone));
    BOOST_TEST(q.key == "+8613800138000");
    BOOST_TEST(q.text == "138 0013 8000");
    BOOST_TEST(classifyQuery("+86-138-0013-8000").key == "+8613800138000");
}

BOOST_AUTO_TEST_CASE(four_to_ten_digits_are_last_digits_keyed_reversed) {
    auto q = classifyQuery("8000");
    BOOST_TEST((q.kind == QueryKind::LastDigits));
    BOOST_TEST(q.key == "0008");
    auto q2 = classifyQuery("0013-8000");
    BOOST_TEST((q2.kind == QueryKind::LastDigits));
    BOOST_TEST(q2.key == "00083100");
    BOOST_TEST((classifyQuery("1380013800").kind == QueryKind::LastDigits));
}

BOOST_AUTO_TEST_CASE(reversed_key_is_a_prefix_of_the_reversed_stored_number) {
    std::string stored = "8613800138000"; // E.164 digits as persistence stores them, before reversal
    std::string phoneRev(stored.rbegin(), stored.rend());
    BOOST_TEST(phoneRev.starts_with(classifyQuery("38000").key));
}

BOOST_AUTO_TEST_CASE(fewer_than_four_digits_are_empty) {
    BOOST_TEST((classifyQuery("800").kind == QueryKind::Empty));
    BOOST_TEST((classifyQuery("1").kind == QueryKind::Empty));
}

BOOST_AUTO_TEST_CASE(incomplete_international_fragment_is_empty) {
    BOOST_TEST((classifyQuery("+86 13").kind == QueryKind::Empty));
}

BOOST_AUTO_TEST_CASE(letters_with_digits_are_a_card_query_upper_cased) {
    auto q = classifyQuery("md00012345");
    BOOST_TEST((q.kind == QueryKind::Card));
    BOOST_TEST(q.key == "MD00012345");
    BOOST_TEST((classifyQuery("VIP-0001").kind == QueryKind::Card));
}

BOOST_AUTO_TEST_CASE(long_digit_string_that_is_no_phone_is_a_card) {
    auto q = classifyQuery("2024000012345");
    BOOST_TEST((q.kind == QueryKind::Card));
    BOOST_TEST(q.key == "2024000012345");
}

BOOST_AUTO_TEST_CASE(anything_with_at_is_an_email_lower_cased) {
    auto q = classifyQuery("Wang@Example.CN");
    BOOST_TEST((q.kind == QueryKind::Email));
    BOOST_TEST(q.key == "wang@example.cn");
}

BOOST_AUTO_TEST_CASE(letters_only_are_a_name_prefix) {
    auto q = classifyQuery("  Wang   Xiao ");
    BOOST_TEST((q.kind == QueryKind::NamePrefix));
    BOOST_TEST(q.key == "wang xiao");
    BOOST_TEST((classifyQuery("MD").kind == QueryKind::NamePrefix));
}

BOOST_AUTO_TEST_CASE(chinese_name_is_a_name_prefix_kept_byte_for_byte) {
    auto q = classifyQuery("王");
    BOOST_TEST((q.kind == QueryKind::NamePrefix));
    BOOST_TEST(q.key == "王");
}

BOOST_AUTO_TEST_CASE(name_with_spaces_and_digits_is_not_a_card) {
    BOOST_TEST((classifyQuery("Wang 2").kind == QueryKind::NamePrefix));
}

BOOST_AUTO_TEST_CASE(name_key_trims_lowers_and_collapses_whitespace) {
    BOOST_TEST(md::nameKey("  Li \t  MING ") == "li ming");
    BOOST_TEST(md::nameKey("王 小明") == "王 小明");
    BOOST_TEST(md::nameKey("ÉLODIE") == "Élodie"); // non-ASCII bytes are left alone
    BOOST_TEST(md::nameKey("") == "");
}

BOOST_AUTO_TEST_CASE(prefix_upper_bound_brackets_every_extension_of_the_prefix) {
    std::string p = "wang";
    std::string upper = md::prefixUpperBound(p);
    BOOST_TEST(upper == "wang\xF4\x8F\xBF\xBF");
    for (std::string k : {"wang", "wang xiao", "wang\xF4\x8F\xBF\xBE", "wang\xE7\x8E\x8B"})
        BOOST_TEST((k >= p && k < upper), k);
    for (std::string k : {"wan", "wanh", "wAng", "x"})
        BOOST_TEST(!(k >= p && k < upper), k);
}

BOOST_AUTO_TEST_SUITE_END()
