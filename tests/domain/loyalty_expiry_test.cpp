#include "domain/loyalty/expiry.h"

#include <boost/test/unit_test.hpp>

using namespace md::loyalty;
using namespace std::chrono;

namespace {

md::Date ymd(int y, unsigned m, unsigned d) {
    return md::Date{year{y} / month{m} / day{d}};
}

ExpiryPolicy policy(ExpiryKind kind) {
    ExpiryPolicy p;
    p.kind = kind;
    return p;
}

std::string expiry(const ExpiryPolicy& p, md::Date earned) {
    auto d = lotExpiry(p, earned);
    return d ? md::formatDate(*d) : "never";
}

} // namespace

BOOST_AUTO_TEST_SUITE(loyalty_expiry)

BOOST_AUTO_TEST_CASE(days_after_earn_expires_that_many_days_after_the_earning_day) {
    auto p = policy(ExpiryKind::DaysAfterEarn);
    p.days = 365;
    BOOST_TEST(expiry(p, ymd(2023, 1, 31)) == "2024-01-31");
    BOOST_TEST(expiry(p, ymd(2024, 1, 31)) == "2025-01-30"); // 2024 has a Feb 29 in between
    p.days = 0;
    BOOST_TEST(expiry(p, ymd(2024, 6, 1)) == "2024-06-01");
    p.days = 30;
    BOOST_TEST(expiry(p, ymd(2024, 12, 15)) == "2025-01-14");
}

BOOST_AUTO_TEST_CASE(end_of_month_zero_is_the_last_day_of_the_earning_month) {
    auto p = policy(ExpiryKind::EndOfMonth);
    p.months = 0;
    BOOST_TEST(expiry(p, ymd(2024, 2, 1)) == "2024-02-29");
    BOOST_TEST(expiry(p, ymd(2023, 2, 28)) == "2023-02-28");
    BOOST_TEST(expiry(p, ymd(2024, 4, 30)) == "2024-04-30");
}

BOOST_AUTO_TEST_CASE(end_of_month_counts_months_from_the_earning_month_into_later_years) {
    auto p = policy(ExpiryKind::EndOfMonth);
    p.months = 1;
    BOOST_TEST(expiry(p, ymd(2024, 1, 31)) == "2024-02-29");
    BOOST_TEST(expiry(p, ymd(2023, 1, 31)) == "2023-02-28");
    p.months = 3;
    BOOST_TEST(expiry(p, ymd(2024, 11, 5)) == "2025-02-28");
    p.months = 12;
    BOOST_TEST(expiry(p, ymd(2024, 3, 18)) == "2025-03-31");
    p.months = 25;
    BOOST_TEST(expiry(p, ymd(2024, 12, 1)) == "2027-01-31");
}

BOOST_AUTO_TEST_CASE(end_of_year_is_31_december_of_the_earning_year_plus_years) {
    auto p = policy(ExpiryKind::EndOfYear);
    p.years = 0;
    BOOST_TEST(expiry(p, ymd(2024, 1, 1)) == "2024-12-31");
    BOOST_TEST(expiry(p, ymd(2024, 12, 31)) == "2024-12-31");
    p.years = 1;
    BOOST_TEST(expiry(p, ymd(2024, 2, 29)) == "2025-12-31");
    p.years = 2;
    BOOST_TEST(expiry(p, ymd(2023, 7, 9)) == "2025-12-31");
}

BOOST_AUTO_TEST_CASE(never_and_rolling_policies_give_lots_no_expiry_date) {
    BOOST_TEST(expiry(policy(ExpiryKind::Never), ymd(2024, 3, 18)) == "never");
    BOOST_TEST(expiry(policy(ExpiryKind::Rolling), ymd(2024, 3, 18)) == "never");
}

BOOST_AUTO_TEST_CASE(rolling_expiry_is_days_after_the_last_activity) {
    auto p = policy(ExpiryKind::Rolling);
    p.days = 180;
    BOOST_TEST(md::formatDate(rollingExpiry(p, ymd(2024, 1, 1))) == "2024-06-29");
    p.days = 365;
    BOOST_TEST(md::formatDate(rollingExpiry(p, ymd(2023, 3, 1))) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(points_become_spendable_after_the_pending_days) {
    auto p = policy(ExpiryKind::DaysAfterEarn);
    p.pendingDays = 0;
    BOOST_TEST(md::formatDate(availableFrom(p, ymd(2024, 3, 18))) == "2024-03-18");
    p.pendingDays = 14;
    BOOST_TEST(md::formatDate(availableFrom(p, ymd(2024, 2, 20))) == "2024-03-05");
    p.pendingDays = 7;
    BOOST_TEST(md::formatDate(availableFrom(p, ymd(2024, 12, 28))) == "2025-01-04");
}

BOOST_AUTO_TEST_SUITE_END()
