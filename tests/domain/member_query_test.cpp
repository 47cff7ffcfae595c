#include "domain/member_query.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using md::classifyQuery;
using md::QueryKind;
using md::QueryTerm;
using Terms = std::vector<QueryTerm>;

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
    // Ten digits that can start a mobile are searched as its start too (see phone_prefix tests).
    const auto terms = classifyQuery("1380013800").terms();
    BOOST_TEST((std::find(terms.begin(), terms.end(), QueryTerm{QueryKind::LastDigits, "0083100831"}) !=
                terms.end()));
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

BOOST_AUTO_TEST_CASE(full_width_digits_from_a_chinese_input_method_read_as_ascii) {
    auto q = classifyQuery("１３８　００１３　８０００"); // full-width digits, ideographic spaces
    BOOST_TEST((q.kind == QueryKind::Phone));
    BOOST_TEST(q.key == "+8613800138000");
    auto card = classifyQuery("ｍｄ０００１２３４５");
    BOOST_TEST((card.kind == QueryKind::Card));
    BOOST_TEST(card.key == "MD00012345");
    BOOST_TEST(classifyQuery("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ").key == "wang@example.cn");
}

BOOST_AUTO_TEST_CASE(fold_width_maps_the_full_width_block_and_leaves_chinese_alone) {
    BOOST_TEST(md::foldWidth("\xEF\xBC\x81") == "!");            // U+FF01
    BOOST_TEST(md::foldWidth("\xEF\xBD\x9E") == "~");            // U+FF5E
    BOOST_TEST(md::foldWidth("\xEF\xBD\x9F") == "\xEF\xBD\x9F"); // U+FF5F is not ASCII's twin
    BOOST_TEST(md::foldWidth("王　小明") == "王 小明");
    BOOST_TEST(md::foldWidth("\xEF\xBC") == "\xEF\xBC"); // a cut-off sequence passes through
    BOOST_TEST(md::foldWidth("ａ\xEF\xBC") == "a\xEF\xBC");
}

BOOST_AUTO_TEST_CASE(a_card_read_out_in_groups_is_a_card_and_also_a_name) {
    auto q = classifyQuery("MD 0000 0009");
    BOOST_TEST((q.kind == QueryKind::Card));
    BOOST_TEST(q.key == "MD00000009");
    BOOST_TEST((q.alsoAs == Terms{{QueryKind::NamePrefix, "md 0000 0009"}}));
    BOOST_TEST(classifyQuery("ｍｄ　００００　０００９").key == "MD00000009");
    BOOST_TEST(classifyQuery("VIP 2001").key == "VIP2001");
}

BOOST_AUTO_TEST_CASE(a_card_without_its_letters_is_searched_by_its_digits) {
    auto q = classifyQuery("00000009");
    BOOST_TEST(
        (q.terms() == Terms{{QueryKind::LastDigits, "90000000"}, {QueryKind::CardDigits, "00000009"}}));
    BOOST_TEST((classifyQuery("0000 0009").terms() == q.terms()));
    BOOST_TEST((classifyQuery("2024000012345").terms() ==
                Terms{{QueryKind::Card, "2024000012345"}, {QueryKind::CardDigits, "2024000012345"}}));
}

BOOST_AUTO_TEST_CASE(seven_or_more_first_digits_of_a_mobile_are_a_phone_prefix) {
    auto q = classifyQuery("153 1120");
    BOOST_TEST((q.kind == QueryKind::PhonePrefix));
    BOOST_TEST(q.key == "+861531120");
    // The same digits might be a number's end or a card's digits: those are searched too.
    BOOST_TEST((q.alsoAs == Terms{{QueryKind::LastDigits, "0211351"}, {QueryKind::CardDigits, "1531120"}}));
    BOOST_TEST(classifyQuery("１５３１１２０").key == "+861531120");
    BOOST_TEST((classifyQuery("153 112").kind == QueryKind::LastDigits)); // six digits: too few
}

BOOST_AUTO_TEST_CASE(phone_prefix_keys_follow_how_the_number_was_written) {
    BOOST_TEST(classifyQuery("(010) 6552 9").key == "+861065529"); // trunk 0 dropped
    BOOST_TEST((classifyQuery("(010) 6552 9").alsoAs.empty()));    // not a plain digit run
    BOOST_TEST(classifyQuery("+1 415 555").key == "+1415555");     // country code given
    BOOST_TEST((classifyQuery("+1 415 555").alsoAs.empty()));
    BOOST_TEST(classifyQuery("0086 153 1120").key == "+861531120");       // international 00
    BOOST_TEST((classifyQuery("5551234").kind == QueryKind::LastDigits)); // cannot start a CN number
}

BOOST_AUTO_TEST_CASE(terms_are_empty_for_an_empty_query) {
    BOOST_TEST(classifyQuery("800").terms().empty());
}

BOOST_AUTO_TEST_CASE(card_digits_keep_only_digits_in_order) {
    BOOST_TEST(md::cardDigits("MD00000009") == "00000009");
    BOOST_TEST(md::cardDigits("VIP-2001") == "2001");
    BOOST_TEST(md::cardDigits("ABCD") == "");
}

BOOST_AUTO_TEST_SUITE_END()
