#include "domain/email_address.h"

#include <boost/test/unit_test.hpp>

using md::EmailAddress;

namespace {

std::string reason(std::string_view text) {
    auto r = EmailAddress::parse(text);
    BOOST_TEST_INFO("input: " << text);
    BOOST_REQUIRE(!r.ok());
    return r.error();
}

} // namespace

BOOST_AUTO_TEST_SUITE(email_address)

BOOST_AUTO_TEST_CASE(address_is_trimmed_and_domain_lower_cased_local_part_kept) {
    auto e = EmailAddress::parse("  Wang.Li@Example.COM ");
    BOOST_REQUIRE(e.ok());
    BOOST_TEST(e.value().str() == "Wang.Li@example.com");
}

BOOST_AUTO_TEST_CASE(key_is_fully_lower_cased) {
    BOOST_TEST(EmailAddress::parse("Wang.Li@Example.COM").value().key() == "wang.li@example.com");
}

BOOST_AUTO_TEST_CASE(common_real_addresses_are_accepted) {
    for (auto a : {"a@b.cn", "li+crm@mail.qq.com", "x_y-z@sub-domain.example.com.cn", "12345@163.com"})
        BOOST_TEST(EmailAddress::parse(a).ok(), a);
}

BOOST_AUTO_TEST_CASE(missing_or_extra_at_sign_is_rejected) {
    BOOST_TEST(reason("") == "empty");
    BOOST_TEST(reason("wang.example.com") == "has no @");
    BOOST_TEST(reason("a@b@c.com") == "has more than one @");
}

BOOST_AUTO_TEST_CASE(empty_local_part_or_domain_is_rejected) {
    BOOST_TEST(reason("@example.com") == "nothing before the @");
    BOOST_TEST(reason("wang@") == "nothing after the @");
}

BOOST_AUTO_TEST_CASE(spaces_inside_are_rejected) {
    BOOST_TEST(reason("wang li@example.com") == "contains a space");
    BOOST_TEST(reason("wang@exa mple.com") == "contains a space");
}

BOOST_AUTO_TEST_CASE(domain_without_dot_is_rejected) {
    BOOST_TEST(reason("wang@localhost").find("no dot") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(consecutive_or_edge_dots_are_rejected) {
    BOOST_TEST(reason("wang..li@example.com") == "contains two dots in a row");
    BOOST_TEST(reason("wang@example..com") == "contains two dots in a row");
    BOOST_TEST(!EmailAddress::parse(".wang@example.com").ok());
    BOOST_TEST(!EmailAddress::parse("wang@example.com.").ok());
}

BOOST_AUTO_TEST_CASE(domain_labels_allow_only_letters_digits_and_hyphens) {
    BOOST_TEST(!EmailAddress::parse("wang@exa_mple.com").ok());
    BOOST_TEST(!EmailAddress::parse("wang@-example.com").ok());
    BOOST_TEST(!EmailAddress::parse("wang@example.123").ok());
}

BOOST_AUTO_TEST_CASE(non_ascii_local_part_is_rejected_with_a_reason) {
    BOOST_TEST(reason("王@example.com").find("non-Latin") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_addresses_pasted_together_are_rejected) {
    BOOST_TEST(!EmailAddress::parse("a@b.com,c@d.com").ok());
    BOOST_TEST(!EmailAddress::parse("<wang@example.com>").ok());
}

BOOST_AUTO_TEST_SUITE_END()
