// Searching members the way the search box does: classifyQuery() then repository search/count, each
// kind answered from its own index.
#include "domain/member_query.h"
#include "persistence/member_mapping.h"
#include "persistence/member_repository.h"
#include "tests/persistence/member_samples.h"
#include "tests/support/test_database.h"

#include <boost/test/unit_test.hpp>

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <regex>

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

BOOST_AUTO_TEST_CASE(full_width_digits_from_a_chinese_input_method_find_the_member) {
    BOOST_TEST(cards("１３８００１３８０００", QueryKind::Phone) == Cards{"MD000101"});
    BOOST_TEST(cards("８０００", QueryKind::LastDigits) == (Cards{"MD000101", "MD000102"}));
    BOOST_TEST(cards("ＭＤ０００１０３", QueryKind::Card) == Cards{"MD000103"});
}

BOOST_AUTO_TEST_CASE(a_card_read_out_in_groups_finds_the_card) {
    BOOST_TEST(cards("MD 0001 03", QueryKind::Card) == Cards{"MD000103"});
    BOOST_TEST(cards("md 000 10", QueryKind::Card) ==
               (Cards{"MD000101", "MD000102", "MD000103", "MD000104", "MD000105"})); // still a prefix
}

BOOST_AUTO_TEST_CASE(a_card_typed_without_its_letters_finds_the_card) {
    BOOST_TEST(cards("000103", QueryKind::LastDigits) == Cards{"MD000103"});
    BOOST_TEST(cards("0001 03", QueryKind::LastDigits) == Cards{"MD000103"});
    BOOST_TEST(cards("2001", QueryKind::LastDigits) == Cards{"VIP-2001"});
}

BOOST_AUTO_TEST_CASE(the_first_seven_digits_of_a_phone_find_it_by_prefix) {
    BOOST_TEST(cards("138 0013", QueryKind::PhonePrefix) == Cards{"MD000101"});
    BOOST_TEST(cards("１３９１２３４", QueryKind::PhonePrefix) == Cards{"MD000102"});
    BOOST_TEST(cards("+1 415 555", QueryKind::PhonePrefix) == Cards{"MD000104"});
    BOOST_TEST(cards("137 0000", QueryKind::PhonePrefix) == Cards{"MD000103"});
    BOOST_TEST(cards("150 0000", QueryKind::PhonePrefix).empty());
}

BOOST_AUTO_TEST_CASE(a_member_matched_by_two_readings_is_listed_and_counted_once) {
    // Its card's digits are its phone number's start: found by PhonePrefix and by CardDigits.
    Member m = test::sampleMember("MD1380013800", "重复", "13800138001");
    repo.insert(m, d->actor());
    BOOST_TEST(cards("1380013800", QueryKind::PhonePrefix) == (Cards{"MD000101", "MD1380013800"}));
}

BOOST_AUTO_TEST_CASE(a_phone_prefix_search_is_an_index_range_not_a_scan) {
    if (t.isPostgres()) {
        // Six rows are cheaper to scan; forbid that to see whether the index can serve.
        d->sql() << "SET enable_seqscan = off";
        d->sql() << "SET enable_bitmapscan = off";
    }
    const auto q = classifyQuery("+86 138 0013"); // one reading only, so one statement
    BOOST_TEST((q.kind == QueryKind::PhonePrefix));
    BOOST_TEST(q.alsoAs.empty());
    BOOST_TEST(repo.search(q, 50).size() == 1u);
    // Replay the statement with its values inlined (test data only) under EXPLAIN.
    const std::map<std::string, std::string> values = {
        {"k", "'" + q.key + "'"}, {"u", "'" + prefixUpperBound(q.key) + "'"}, {"n", "50"}};
    std::string query = d->sql().get_last_query(), inlined;
    std::regex placeholder(R"(:([a-z][a-z0-9]*))");
    std::size_t pos = 0;
    for (std::sregex_iterator it(query.begin(), query.end(), placeholder), end; it != end; ++it) {
        inlined += query.substr(pos, it->position() - pos) + values.at((*it)[1].str());
        pos = it->position() + it->length();
    }
    inlined += query.substr(pos);
    std::string plan;
    soci::rowset<soci::row> rows = d->sql().prepare
                                   << (t.isPostgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + inlined;
    for (const auto& r : rows)
        plan += rowText(r, t.isPostgres() ? 0 : 3) + "\n";
    if (t.isPostgres()) {
        BOOST_TEST(plan.find("Index Scan using members_phone ") != std::string::npos, plan);
        BOOST_TEST(plan.find("Index Cond") != std::string::npos, plan);
    } else {
        BOOST_TEST(plan.find("SEARCH members USING INDEX members_phone (phone>? AND phone<?)") !=
                       std::string::npos,
                   plan);
    }
}

BOOST_AUTO_TEST_SUITE_END()
