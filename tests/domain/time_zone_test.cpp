#include "domain/posix_tz_rule.h"
#include "domain/time_zone.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace std::chrono;

namespace {

md::Timestamp at(std::string_view iso) {
    return md::parseTimestamp(iso).value();
}

md::LocalSeconds local(int y, unsigned mo, unsigned d, int h, int mi) {
    return md::LocalSeconds(local_days(year{y} / month{mo} / day{d}).time_since_epoch() + hours(h) +
                            minutes(mi));
}

md::TimeZone zone(std::string_view name) {
    auto z = md::TimeZone::load(name);
    BOOST_TEST_INFO("zone " << name << ": " << (z.ok() ? "" : z.error()));
    BOOST_REQUIRE(z.ok());
    return z.value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(time_zone)

BOOST_AUTO_TEST_CASE(shanghai_is_eight_hours_ahead_today_and_kept_summer_time_in_1988) {
    const auto sh = zone("Asia/Shanghai");
    BOOST_TEST(sh.offsetAt(at("2026-12-03T00:00:00Z")).count() == 8 * 3600);
    BOOST_TEST(sh.offsetAt(at("2040-07-01T00:00:00Z")).count() == 8 * 3600);
    // China observed daylight saving time 1986-1991.
    BOOST_TEST(sh.offsetAt(at("1988-07-01T00:00:00Z")).count() == 9 * 3600);
}

BOOST_AUTO_TEST_CASE(the_local_date_changes_at_local_midnight_not_utc_midnight) {
    const auto sh = zone("Asia/Shanghai");
    // 2026-12-02 16:30 UTC is 00:30 on the 3rd in Shanghai.
    BOOST_TEST(md::formatDate(sh.localDate(at("2026-12-02T16:30:00Z"))) == "2026-12-03");
    BOOST_TEST(md::formatDate(sh.localDate(at("2026-12-02T15:30:00Z"))) == "2026-12-02");
}

BOOST_AUTO_TEST_CASE(a_wall_time_in_shanghai_names_the_instant_eight_hours_earlier) {
    const auto sh = zone("Asia/Shanghai");
    BOOST_TEST(md::formatTimestamp(sh.fromLocal(local(2024, 3, 1, 18, 15))) == "2024-03-01T10:15:00Z");
}

BOOST_AUTO_TEST_CASE(new_york_follows_its_rule_beyond_the_listed_transitions) {
    const auto ny = zone("America/New_York");
    BOOST_TEST(ny.offsetAt(at("2030-07-01T12:00:00Z")).count() == -4 * 3600);
    BOOST_TEST(ny.offsetAt(at("2030-12-01T12:00:00Z")).count() == -5 * 3600);
    BOOST_TEST(ny.offsetAt(at("2090-07-01T12:00:00Z")).count() == -4 * 3600);
    // 2030: summer time from 10 March 07:00 UTC to 3 November 06:00 UTC.
    BOOST_TEST(ny.offsetAt(at("2030-03-10T06:59:59Z")).count() == -5 * 3600);
    BOOST_TEST(ny.offsetAt(at("2030-03-10T07:00:00Z")).count() == -4 * 3600);
    BOOST_TEST(ny.offsetAt(at("2030-11-03T05:59:59Z")).count() == -4 * 3600);
    BOOST_TEST(ny.offsetAt(at("2030-11-03T06:00:00Z")).count() == -5 * 3600);
}

BOOST_AUTO_TEST_CASE(a_repeated_wall_time_is_its_first_occurrence_and_a_skipped_one_moves_forward) {
    const auto ny = zone("America/New_York");
    BOOST_TEST(md::formatTimestamp(ny.fromLocal(local(2024, 11, 3, 1, 30))) == "2024-11-03T05:30:00Z");
    BOOST_TEST(md::formatTimestamp(ny.fromLocal(local(2024, 3, 10, 2, 30))) == "2024-03-10T07:30:00Z");
}

BOOST_AUTO_TEST_CASE(southern_hemisphere_summer_spans_the_new_year) {
    const auto syd = zone("Australia/Sydney");
    BOOST_TEST(syd.offsetAt(at("2035-01-15T00:00:00Z")).count() == 11 * 3600);
    BOOST_TEST(syd.offsetAt(at("2035-07-15T00:00:00Z")).count() == 10 * 3600);
}

BOOST_AUTO_TEST_CASE(names_that_are_not_zones_are_refused) {
    for (const char* bad : {"", "Mars/Olympus", "../../etc/passwd", "/etc/localtime", "Asia/../Asia/Shanghai",
                            "Asia/Shanghai\n", "zone.tab", "Asia"}) {
        BOOST_TEST_INFO("name: " << bad);
        BOOST_TEST(!md::TimeZone::load(bad).ok());
    }
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_tzif_is_refused_not_misread) {
    const auto dir = std::filesystem::temp_directory_path() / ("md_tz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "Fake");
    std::ofstream(dir / "Fake" / "Zone") << "TZif2 but truncated";
    const auto r = md::TimeZone::load("Fake/Zone", dir);
    std::filesystem::remove_all(dir);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.error().find("not a time zone file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(posix_rules_parse_quoted_names_and_refuse_garbage) {
    BOOST_TEST(md::PosixTzRule::parse("<+08>-8").value().offsetAt(at("2024-01-01T00:00:00Z")).count() ==
               8 * 3600);
    BOOST_TEST(md::PosixTzRule::parse("IST-2IDT,M3.4.4/26,M10.5.0").ok());
    BOOST_TEST(!md::PosixTzRule::parse("EST5EDT,M13.1.0,M11.1.0").ok());
    BOOST_TEST(!md::PosixTzRule::parse("X").ok());
}

BOOST_AUTO_TEST_SUITE_END()
