#include "demo/demo_generator.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace md;

namespace {

struct DemoData {
    std::vector<Member> members;
    std::vector<Transaction> transactions;
    std::vector<std::size_t> owner; ///< per transaction: index into members
};

DemoData generate(std::int64_t members, std::uint64_t seed) {
    DemoOptions o;
    o.members = members;
    o.seed = seed;
    DemoData d;
    DemoGenerator(o).generate([&](const Member& m) { d.members.push_back(m); },
                              [&](const Transaction& t) {
                                  d.transactions.push_back(t);
                                  d.owner.push_back(d.members.size() - 1);
                              });
    return d;
}

// One 20k-member data set shared by the statistical tests: generating it once keeps the suite fast.
const DemoData& large() {
    static const DemoData d = generate(20000, 42);
    return d;
}

bool isLatinName(const std::string& name) {
    return !name.empty() && static_cast<unsigned char>(name[0]) < 0x80;
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo_generator)

BOOST_AUTO_TEST_CASE(same_seed_gives_identical_members_and_transactions) {
    const DemoData a = generate(1500, 7), b = generate(1500, 7);
    BOOST_TEST(a.members.size() == 1500u);
    BOOST_TEST((a.members == b.members));
    BOOST_TEST(a.transactions.size() == b.transactions.size());
    BOOST_TEST((a.transactions == b.transactions));
}

BOOST_AUTO_TEST_CASE(different_seed_gives_different_data) {
    const DemoData a = generate(500, 1), b = generate(500, 2);
    int sameName = 0, samePhone = 0;
    for (std::size_t i = 0; i < a.members.size(); ++i) {
        sameName += a.members[i].name == b.members[i].name;
        samePhone += a.members[i].phone == b.members[i].phone;
    }
    BOOST_TEST(sameName < 100);
    BOOST_TEST(samePhone == 0);
    BOOST_TEST((a.transactions != b.transactions));
}

BOOST_AUTO_TEST_CASE(stores_cover_the_big_cities_with_unique_codes) {
    const auto stores = DemoGenerator(DemoOptions{}).stores();
    BOOST_TEST(stores.size() == 24u);
    std::set<std::string> codes, cities;
    for (const auto& s : stores) {
        codes.insert(s.code);
        cities.insert(s.city);
    }
    BOOST_TEST(codes.size() == stores.size());
    for (const char* city : {"上海", "北京", "广州", "深圳", "成都", "杭州"})
        BOOST_TEST(cities.count(city) == 1u);
    BOOST_TEST(stores.front().code == "BJ001"); // in code order
    BOOST_TEST((std::find(stores.begin(), stores.end(), Store{0, "SH001", "上海南京西路店", "上海"}) !=
                stores.end()));

    DemoOptions many;
    many.stores = 40;
    std::set<std::string> manyCodes;
    for (const auto& s : DemoGenerator(many).stores())
        manyCodes.insert(s.code);
    BOOST_TEST(manyCodes.size() == 40u);
}

BOOST_AUTO_TEST_CASE(phones_are_valid_cn_mobiles_and_unique) {
    std::set<std::string> phones;
    for (const auto& m : large().members) {
        BOOST_REQUIRE(m.phone.has_value());
        const auto reparsed = PhoneNumber::parse(m.phone->e164());
        BOOST_TEST(reparsed.ok(), m.phone->e164() << ": " << (reparsed.ok() ? "" : reparsed.error()));
        BOOST_TEST(m.phone->e164().size() == 14u); // +86 and 11 digits
        phones.insert(m.phone->e164());
    }
    BOOST_TEST(phones.size() == large().members.size());
}

BOOST_AUTO_TEST_CASE(cards_are_sequential_and_emails_unique) {
    std::set<std::string> emails;
    int withEmail = 0;
    for (std::size_t i = 0; i < large().members.size(); ++i) {
        const auto& m = large().members[i];
        char expected[32];
        std::snprintf(expected, sizeof expected, "MD%08zu", i + 1);
        BOOST_TEST(m.card.str() == expected);
        BOOST_TEST(validateMember(m).empty(), m.card.str() << ": " << validateMember(m));
        if (m.email) {
            ++withEmail;
            emails.insert(m.email->key());
        }
    }
    BOOST_TEST(emails.size() == static_cast<std::size_t>(withEmail));
    const double share = withEmail / static_cast<double>(large().members.size());
    BOOST_TEST(share > 0.65);
    BOOST_TEST(share < 0.75);
}

BOOST_AUTO_TEST_CASE(members_are_plausible_people) {
    const DemoOptions opt;
    int latin = 0, female = 0, emailGranted = 0, emailAsked = 0, smsGranted = 0;
    for (const auto& m : large().members) {
        latin += isLatinName(m.name);
        female += m.gender == Gender::Female;
        BOOST_TEST((m.joinDate >= opt.start && m.joinDate <= opt.end));
        BOOST_REQUIRE(m.birthday.has_value());
        const auto ageDays = (m.joinDate - *m.birthday).count();
        BOOST_TEST(ageDays >= 18 * 365);
        BOOST_TEST(ageDays <= 71 * 366);
        BOOST_TEST(m.smsConsent.source == "demo");
        BOOST_TEST((m.smsConsent.at == Timestamp{m.joinDate}));
        smsGranted += m.smsConsent.granted;
        if (m.email) {
            ++emailAsked;
            emailGranted += m.emailConsent.granted;
        } else {
            BOOST_TEST(!m.emailConsent.granted);
        }
    }
    const double n = static_cast<double>(large().members.size());
    BOOST_TEST(latin / n > 0.12);
    BOOST_TEST(latin / n < 0.18);
    BOOST_TEST(female / n > 0.5);
    BOOST_TEST(smsGranted / n > 0.65);
    BOOST_TEST(smsGranted / n < 0.75);
    BOOST_TEST(emailGranted / static_cast<double>(emailAsked) > 0.55);
    BOOST_TEST(emailGranted / static_cast<double>(emailAsked) < 0.65);
    // Join dates grow with the card number, and sign-ups grow over the years.
    for (std::size_t i = 1; i < large().members.size(); ++i)
        BOOST_TEST((large().members[i - 1].joinDate <= large().members[i].joinDate));
}

BOOST_AUTO_TEST_CASE(transactions_follow_their_member_in_time_order_within_the_period) {
    const auto& d = large();
    const Timestamp endExclusive{DemoOptions{}.end + std::chrono::days{1}};
    std::set<std::string> storeOrders;
    for (std::size_t i = 0; i < d.transactions.size(); ++i) {
        const auto& t = d.transactions[i];
        const auto& m = d.members[d.owner[i]];
        BOOST_TEST(t.cardNo == m.card.str());
        BOOST_TEST((t.occurredAt >= Timestamp{m.joinDate} && t.occurredAt < endExclusive));
        if (i > 0 && d.owner[i - 1] == d.owner[i])
            BOOST_TEST((d.transactions[i - 1].occurredAt <= t.occurredAt));
        BOOST_TEST(storeOrders.insert(t.storeCode + "|" + t.orderId).second, "duplicate order " << t.orderId);
        BOOST_TEST(t.amount.minor() > 0);
        BOOST_TEST(t.amount.minor() % 10 == 0);
        BOOST_TEST(t.amount.currency() == "CNY");
        BOOST_TEST((t.items >= 1 && t.items <= 6));
        BOOST_TEST(!t.category.empty());
    }
    const double perMember = d.transactions.size() / static_cast<double>(d.members.size());
    BOOST_TEST(perMember > 6.0);
    BOOST_TEST(perMember < 14.0);
}

BOOST_AUTO_TEST_CASE(some_members_never_buy) {
    const auto& d = large();
    const std::set<std::size_t> buyers(d.owner.begin(), d.owner.end());
    const double share = buyers.size() / static_cast<double>(d.members.size());
    BOOST_TEST(share > 0.70);
    BOOST_TEST(share < 0.85);
}

BOOST_AUTO_TEST_CASE(refunds_follow_a_purchase_in_the_same_store) {
    const auto& d = large();
    std::size_t refunds = 0, purchases = 0;
    for (std::size_t i = 0; i < d.transactions.size(); ++i) {
        const auto& r = d.transactions[i];
        if (r.kind == TransactionKind::Purchase) {
            ++purchases;
            continue;
        }
        ++refunds;
        bool matched = false;
        for (std::size_t j = i; j-- > 0 && d.owner[j] == d.owner[i] && !matched;) {
            const auto& p = d.transactions[j];
            matched = p.kind == TransactionKind::Purchase && p.storeCode == r.storeCode &&
                      p.amount.minor() >= r.amount.minor() && p.occurredAt < r.occurredAt &&
                      r.occurredAt - p.occurredAt <= std::chrono::days{11};
        }
        BOOST_TEST(matched, "refund " << r.orderId << " has no earlier purchase it could refund");
    }
    const double share = refunds / static_cast<double>(purchases);
    BOOST_TEST(share > 0.02);
    BOOST_TEST(share < 0.04);
}

BOOST_AUTO_TEST_CASE(weekends_are_busier_and_stores_trade_in_opening_hours) {
    std::map<unsigned, std::size_t> byWeekday;
    std::size_t storeSales = 0, purchases = 0;
    double revenue = 0;
    std::map<SalesChannel, std::size_t> channels;
    for (const auto& t : large().transactions) {
        if (t.kind != TransactionKind::Purchase) continue;
        ++purchases;
        revenue += static_cast<double>(t.amount.minor()) / 100.0;
        ++channels[t.channel];
        const auto local = t.occurredAt + std::chrono::hours{8}; // China Standard Time
        const auto day = std::chrono::floor<std::chrono::days>(local);
        ++byWeekday[std::chrono::weekday{day}.c_encoding()];
        if (t.channel == SalesChannel::Store) {
            ++storeSales;
            const auto hour = std::chrono::floor<std::chrono::hours>(local - day).count();
            BOOST_TEST((hour >= 10 && hour < 22), t.orderId << " at local hour " << hour);
        }
    }
    const double weekend = (byWeekday[0] + byWeekday[6]) / 2.0;
    const double weekday = (byWeekday[1] + byWeekday[2] + byWeekday[3] + byWeekday[4] + byWeekday[5]) / 5.0;
    BOOST_TEST(weekend > 1.2 * weekday);
    const double n = static_cast<double>(purchases);
    BOOST_TEST(storeSales / n > 0.55);
    BOOST_TEST(storeSales / n < 0.65);
    BOOST_TEST(channels[SalesChannel::Online] / n > 0.16);
    BOOST_TEST(channels[SalesChannel::Phone] / n < 0.08);
    BOOST_TEST(revenue / n > 200.0); // mean order value ~¥250
    BOOST_TEST(revenue / n < 300.0);
}

BOOST_AUTO_TEST_CASE(a_member_is_the_same_whatever_the_data_set_size) {
    // Each member draws from its own stream: a bigger demo only adds members (join dates spread out).
    const DemoData small = generate(50, 42);
    for (std::size_t i = 0; i < small.members.size(); ++i) {
        BOOST_TEST(small.members[i].name == large().members[i].name);
        BOOST_TEST((small.members[i].phone == large().members[i].phone));
    }
}

BOOST_AUTO_TEST_CASE(zero_members_generate_nothing) {
    const DemoData d = generate(0, 42);
    BOOST_TEST(d.members.empty());
    BOOST_TEST(d.transactions.empty());
}

BOOST_AUTO_TEST_SUITE_END()
