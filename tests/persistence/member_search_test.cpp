// Searching members the way the search box does: classifyQuery() then repository search/count, each
// kind answered from its own index.
#include "domain/member_query.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace md;
using namespace md::db;

namespace {

struct SearchFixture {
    test::TestDatabase t;
    std::unique_ptr<Database> d = t.open();
    SociMemberRepository repo{*d};

    SearchFixture() {
        test::addStores(*d);
        add("MD000101", "王小明", "13800138000", "xm.wang@example.cn");
        add("MD000102", "王芳", "13912348000", "fang@example.cn");
        add("MD000103", "李娜", "13700001234", "li.na@example.cn");
        add("MD000104", "Wang Lei", "+1 415 555 0100", "wang.lei@example.com");
        add("MD000105", "Walter Smith", "13600005678", "walter@Example.COM");
        add("VIP-2001", "Anna Müller", "13500009999", "anna@example.de");
    }
    void add(const char* card, const char* name, const char* phone, const char* email) {
        Member m = test::sampleMember(card, name, phone);
        m.email = EmailAddress::parse(email).value();
        repo.insert(m, d->actor());
    }
    std::vector<std::string> cards(const std::string& typed, QueryKind expected) {
        auto q = classifyQuery(typed);
        BOOST_TEST((q.kind == expected), "\"" << typed << "\" classified as " << static_cast<int>(q.kind));
        std::vector<std::string> out;
        for (const auto& row : repo.search(q, 50))
            out.push_back(row.card);
        BOOST_TEST(repo.count(q) == static_cast<std::int64_t>(out.size()));
        return out;
    }
};

using Cards = std::vector<std::string>;

} // namespace

BOOST_FIXTURE_TEST_SUITE(member_search, SearchFixture)

BOOST_AUTO_TEST_CASE(a_full_phone_number_in_any_format_finds_its_member) {
    BOOST_TEST(cards("138 0013 8000", QueryKind::Phone) == Cards{"MD000101"});
    BOOST_TEST(cards("+86 138-0013-8000", QueryKind::Phone) == Cards{"MD000101"});
    BOOST_TEST(cards("13811112222", QueryKind::Phone).empty());
}

BOOST_AUTO_TEST_CASE(the_last_four_digits_find_every_member_whose_number_ends_so) {
    auto found = cards("8000", QueryKind::LastDigits);
    std::sort(found.begin(), found.end());
    BOOST_TEST(found == (Cards{"MD000101", "MD000102"}));
    BOOST_TEST(cards("0100", QueryKind::LastDigits) == Cards{"MD000104"}); // a US number, same index
    BOOST_TEST(cards("4321", QueryKind::LastDigits).empty());
}

BOOST_AUTO_TEST_CASE(a_card_number_matches_exactly_then_as_a_prefix) {
    BOOST_TEST(cards("md000103", QueryKind::Card) == Cards{"MD000103"});
    BOOST_TEST(cards("VIP-2001", QueryKind::Card) == Cards{"VIP-2001"});
    BOOST_TEST(cards("MD00010", QueryKind::Card) ==
               (Cards{"MD000101", "MD000102", "MD000103", "MD000104", "MD000105"}));
}

BOOST_AUTO_TEST_CASE(a_chinese_name_prefix_finds_names_starting_with_it) {
    BOOST_TEST(cards("王", QueryKind::NamePrefix) ==
               (Cards{"MD000101", "MD000102"})); // 小 U+5C0F < 芳 U+82B3
    BOOST_TEST(cards("王小", QueryKind::NamePrefix) == Cards{"MD000101"});
    BOOST_TEST(cards("李娜", QueryKind::NamePrefix) == Cards{"MD000103"});
}

BOOST_AUTO_TEST_CASE(a_latin_name_prefix_ignores_case_and_orders_by_name) {
    BOOST_TEST(cards("wa", QueryKind::NamePrefix) == (Cards{"MD000105", "MD000104"})); // walter < wang
    BOOST_TEST(cards("WANG l", QueryKind::NamePrefix) == Cards{"MD000104"});
    BOOST_TEST(cards("anna m", QueryKind::NamePrefix) == Cards{"VIP-2001"});
}

BOOST_AUTO_TEST_CASE(an_email_matches_regardless_of_case) {
    BOOST_TEST(cards("WALTER@example.com", QueryKind::Email) == Cards{"MD000105"});
    BOOST_TEST(cards("li.na@example.cn", QueryKind::Email) == Cards{"MD000103"});
    BOOST_TEST(cards("nobody@example.cn", QueryKind::Email).empty());
}

BOOST_AUTO_TEST_CASE(an_empty_query_counts_everyone_and_limit_caps_the_rows) {
    BOOST_TEST(repo.count(MemberQuery{}) == 6);
    BOOST_TEST(repo.search(MemberQuery{}, 4).size() == 4u);
    BOOST_TEST(repo.search(classifyQuery("MD0001"), 2).size() == 2u);
}

BOOST_AUTO_TEST_CASE(search_values_are_bound_not_spliced_into_sql) {
    MemberQuery q;
    q.kind = QueryKind::NamePrefix;
    q.key = "x' OR '1'='1";
    q.text = q.key;
    BOOST_TEST(repo.search(q, 50).empty());
    BOOST_TEST(repo.count(q) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
