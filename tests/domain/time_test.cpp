#include "domain/time.h"

#include <boost/test/unit_test.hpp>

using namespace std::chrono;

namespace {

md::Date ymd(int y, unsigned m, unsigned d) {
    return md::Date{year{y} / month{m} / day{d}};
}

std::string ts(std::string_view text) {
    auto r = md::parseTimestamp(text);
    BOOST_TEST_INFO("input: " << text << " error: " << (r ? "" : r.error()));
    BOOST_REQUIRE(r.ok());
    return md::formatTimestamp(r.value());
}

} // namespace

BOOST_AUTO_TEST_SUITE(dates_and_timestamps)

BOOST_AUTO_TEST_CASE(iso_slash_and_compact_dates_parse_to_the_same_day) {
    BOOST_TEST((md::parseDate("2024-03-01").value() == ymd(2024, 3, 1)));
    BOOST_TEST((md::parseDate("2024/03/01").value() == ymd(2024, 3, 1)));
    BOOST_TEST((md::parseDate("20240301").value() == ymd(2024, 3, 1)));
    BOOST_TEST((md::parseDate(" 2024/3/1 ").value() == ymd(2024, 3, 1)));
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_rejected_as_no_such_date) {
    auto r = md::parseDate("2023-02-29");
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().find("no such date") != std::string::npos);
    BOOST_TEST(!md::parseDate("2024-13-01").ok());
    BOOST_TEST(!md::parseDate("2024-04-31").ok());
    BOOST_TEST(md::parseDate("2024-02-29").ok());
}

BOOST_AUTO_TEST_CASE(malformed_dates_are_rejected) {
    for (auto s :
         {"", "2024", "2024-03", "2024-03-01x", "24-03-01", "2024-03/01", "202403011", "2024-003-01"})
        BOOST_TEST(!md::parseDate(s).ok(), s);
}

BOOST_AUTO_TEST_CASE(format_date_is_iso_with_zero_padding) {
    BOOST_TEST(md::formatDate(ymd(2024, 3, 1)) == "2024-03-01");
    BOOST_TEST(md::formatDate(ymd(999, 12, 31)) == "0999-12-31");
}

BOOST_AUTO_TEST_CASE(utc_timestamp_round_trips) {
    BOOST_TEST(ts("2024-03-01T10:15:00Z") == "2024-03-01T10:15:00Z");
}

BOOST_AUTO_TEST_CASE(offset_is_converted_to_utc) {
    BOOST_TEST(ts("2024-03-01T18:15:00+08:00") == "2024-03-01T10:15:00Z");
    BOOST_TEST(ts("2024-03-01T02:00:00+08:00") == "2024-02-29T18:00:00Z");
    BOOST_TEST(ts("2024-03-01T10:15:00-05:30") == "2024-03-01T15:45:00Z");
    BOOST_TEST(ts("2024-03-01T18:15:00+0800") == "2024-03-01T10:15:00Z");
    BOOST_TEST(ts("2024-03-01T18:15:00+08") == "2024-03-01T10:15:00Z");
}

BOOST_AUTO_TEST_CASE(timestamp_without_offset_is_utc) {
    BOOST_TEST(ts("2024-03-01 10:15:00") == "2024-03-01T10:15:00Z");
    BOOST_TEST(ts("2024-03-01T10:15:00") == "2024-03-01T10:15:00Z");
    BOOST_TEST(ts("2024-03-01T10:15") == "2024-03-01T10:15:00Z");
}

BOOST_AUTO_TEST_CASE(date_alone_is_midnight_utc) {
    BOOST_TEST(ts("2024-03-01") == "2024-03-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(fractional_seconds_are_dropped) {
    BOOST_TEST(ts("2024-03-01T10:15:00.987Z") == "2024-03-01T10:15:00Z");
}

BOOST_AUTO_TEST_CASE(malformed_timestamps_are_rejected) {
    for (auto s : {"2024-03-01T25:00:00Z", "2024-03-01T10:60:00Z", "2024-03-01T10:15:00Q", "2024-03-01T10",
                   "2024-03-01T10:15:00Zjunk", "2024-03-01T10:15:00+8", "2023-02-29T00:00:00Z", "now"})
        BOOST_TEST(!md::parseTimestamp(s).ok(), s);
}

BOOST_AUTO_TEST_CASE(today_and_now_agree_and_now_has_whole_seconds) {
    auto now = md::nowUtc();
    BOOST_TEST((floor<days>(now) == md::today() || floor<days>(now) + days{1} == md::today()));
    BOOST_TEST((now.time_since_epoch().count() > 1700000000));
}

BOOST_AUTO_TEST_SUITE_END()
