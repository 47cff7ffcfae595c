// The programme file: a valid programme round-trips; every structural fault is refused at its JSON path
// with a code a person can act on; validation problems come back too.
#include "domain/json.h"
#include "domain/loyalty/programme_json.h"
#include "tests/domain/programme_fixture.h"

#include <boost/test/unit_test.hpp>

#include <functional>

using namespace md;
using namespace md::loyalty;
using test_programme::validProgramme;

namespace {

json::Value& get(json::Value& v, std::string_view key) {
    json::Value* found = v.asObject().find(key);
    if (!found) throw std::logic_error("no key " + std::string(key));
    return *found;
}
json::Value& get(json::Value& v, std::size_t i) {
    return v.asArray().at(i);
}

/// The fixture's JSON, changed by `edit`, read back.
ProgrammeParse edited(const std::function<void(json::Value&)>& edit) {
    json::Value doc = json::parse(programmeToJson(validProgramme())).value();
    edit(doc);
    return programmeFromJson(json::write(doc));
}

/// "field code" of every problem, joined by "; ".
std::string found(const ProgrammeParse& r) {
    std::string out;
    for (const ProgrammeProblem& q : r.problems)
        out += (out.empty() ? "" : "; ") + q.field + " " + q.code;
    BOOST_TEST(r.ok() == r.programme.has_value());
    return out;
}

std::string message(const ProgrammeParse& r) {
    return r.problems.empty() ? "" : r.problems.front().message;
}

} // namespace

BOOST_AUTO_TEST_SUITE(programme_json)

BOOST_AUTO_TEST_CASE(a_valid_programme_round_trips_field_for_field) {
    const Programme p = validProgramme();
    const ProgrammeParse r = programmeFromJson(programmeToJson(p));
    BOOST_TEST(found(r) == "");
    BOOST_REQUIRE(r.programme.has_value());
    BOOST_TEST((r.programme->ladder == p.ladder));
    BOOST_TEST((r.programme->benefits == p.benefits));
    BOOST_TEST((r.programme->rules == p.rules));
    BOOST_TEST((r.programme->expiry == p.expiry));
    BOOST_TEST((*r.programme == p));
}

BOOST_AUTO_TEST_CASE(fields_that_do_not_matter_for_the_kind_still_round_trip_when_set) {
    Programme p = validProgramme();
    p.rules[2].pointsPer = 3; // a category rule does not use these, but nothing may be lost
    p.rules[2].unitMinor = 50;
    p.rules[2].dayOfMonth = 5;
    p.rules[2].capPeriod = Period::Day;
    p.rules[2].tierPercent = {{"GOLD", 200}};
    p.benefits[3].percent = 7;
    p.benefits[3].validDays = 3;
    p.expiry.days = 90;
    p.expiry.years = 2;
    const ProgrammeParse r = programmeFromJson(programmeToJson(p));
    BOOST_TEST(found(r) == "");
    BOOST_REQUIRE(r.programme.has_value());
    BOOST_TEST((r.programme->rules[2] == p.rules[2]));
    BOOST_TEST((*r.programme == p));
}

BOOST_AUTO_TEST_CASE(the_version_is_not_written_and_is_ignored_when_read) {
    Programme p = validProgramme();
    p.version = 7;
    const std::string text = programmeToJson(p);
    BOOST_TEST(text.find("version") == std::string::npos);
    const ProgrammeParse r = edited([](json::Value& d) { d.asObject().set("version", 5); });
    BOOST_TEST(found(r) == "");
    BOOST_TEST(r.programme->version == 0);
}

BOOST_AUTO_TEST_CASE(keys_come_in_the_documented_order_and_amounts_are_yuan_strings) {
    const std::string text = programmeToJson(validProgramme());
    BOOST_TEST(text.ends_with("}\n"));
    json::Value doc = json::parse(text).value();
    std::string keys;
    for (const json::Member& m : doc.asObject())
        keys += m.key + " ";
    BOOST_TEST(keys == "name currency effective_from point_value min_spend max_points_per_order "
                       "approval_threshold tiers benefits rules expiry ");
    BOOST_TEST(get(get(get(get(doc, "tiers"), "ladder"), 1), "entry_spend").asString() == "2000.00");
    BOOST_TEST(get(get(doc, "point_value"), "amount").asString() == "0.01");
    BOOST_TEST(get(doc, "min_spend").asString() == "10.00");
    BOOST_TEST(get(get(get(doc, "rules"), 0), "unit").asString() == "1.00");
}

BOOST_AUTO_TEST_CASE(a_tier_multiplier_table_is_written_in_ladder_order) {
    json::Value doc = json::parse(programmeToJson(validProgramme())).value();
    std::string keys;
    for (const json::Member& m : get(get(get(doc, "rules"), 1), "tier_percent").asObject())
        keys += m.key + " ";
    BOOST_TEST(keys == "BASE SILVER GOLD ");
}

BOOST_AUTO_TEST_CASE(an_unknown_key_is_refused_with_the_closest_known_key) {
    auto r = edited(
        [](json::Value& d) { get(get(get(d, "tiers"), "ladder"), 2).asObject().set("entry_spnd", "1.00"); });
    BOOST_TEST(found(r) == "tiers.ladder[2].entry_spnd programme.unknown_key");
    BOOST_TEST(message(r).find("did you mean \"entry_spend\"?") != std::string::npos);
    r = edited([](json::Value& d) { d.asObject().set("effectiveFrom", "2024-01-01"); });
    BOOST_TEST(message(r).find("did you mean \"effective_from\"?") != std::string::npos);
    r = edited([](json::Value& d) { get(d, "expiry").asObject().set("pending", 3); });
    BOOST_TEST(message(r).find("did you mean \"pending_days\"?") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_key_far_from_any_known_key_lists_the_known_keys) {
    auto r = edited([](json::Value& d) { get(d, "point_value").asObject().set("colour", "red"); });
    BOOST_TEST(found(r) == "point_value.colour programme.unknown_key");
    BOOST_TEST(message(r).find("known keys here: amount, points") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_wrong_type_names_the_expected_type) {
    auto r = edited(
        [](json::Value& d) { get(get(get(d, "tiers"), "ladder"), 1).asObject().set("entry_spend", 200000); });
    BOOST_TEST(found(r) == "tiers.ladder[1].entry_spend programme.wrong_type");
    BOOST_TEST(message(r).find("amount in yuan as a string") != std::string::npos);
    BOOST_TEST(message(r).find("cannot be mistaken for fen") != std::string::npos);
    r = edited([](json::Value& d) { get(get(get(d, "tiers"), "ladder"), 1).asObject().set("rank", "1"); });
    BOOST_TEST(found(r) == "tiers.ladder[1].rank programme.wrong_type"); // no rank_out_of_order repeated
    BOOST_TEST(message(r) == "rank must be a whole number, not a string");
    r = edited([](json::Value& d) { get(get(get(d, "benefits"), 0), "tiers").asArray().push_back(3); });
    BOOST_TEST(found(r) == "benefits[0].tiers[1] programme.wrong_type");
    r = edited([](json::Value& d) { get(d, "rules").asArray().push_back("BONUS"); });
    BOOST_TEST(found(r) == "rules[9] programme.wrong_type");
}

BOOST_AUTO_TEST_CASE(an_unknown_enum_code_lists_the_allowed_codes) {
    auto r = edited([](json::Value& d) { get(get(d, "rules"), 2).asObject().set("kind", "categroy"); });
    BOOST_TEST(found(r) == "rules[2].kind programme.unknown_value");
    BOOST_TEST(message(r).find("allowed: base, tier_multiplier, category, store, channel, date_range, "
                               "birthday_month, member_day, referral") != std::string::npos);
    r = edited([](json::Value& d) { get(d, "tiers").asObject().set("window", "rolling"); });
    BOOST_TEST(found(r) == "tiers.window programme.unknown_value");
    BOOST_TEST(message(r).find("rolling_12_months, calendar_year, anniversary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missing_required_key_is_named_once) {
    auto r = edited([](json::Value& d) { get(get(d, "rules"), 3).asObject().erase("code"); });
    BOOST_TEST(found(r) == "rules[3].code programme.missing_key"); // not also code_invalid
    r = edited([](json::Value& d) { d.asObject().erase("expiry"); });
    BOOST_TEST(found(r) == "expiry programme.missing_key");
}

BOOST_AUTO_TEST_CASE(optional_keys_take_their_defaults) {
    const auto r = edited([](json::Value& d) {
        for (const char* key : {"benefits", "min_spend", "approval_threshold"})
            BOOST_TEST(d.asObject().erase(key));
    });
    BOOST_TEST(found(r) == "");
    BOOST_TEST(r.programme->benefits.empty());
    BOOST_TEST(r.programme->minSpendMinor == 0);
    BOOST_TEST(r.programme->approvalThreshold == 1000);
}

BOOST_AUTO_TEST_CASE(amounts_and_dates_must_read_as_such) {
    auto r = edited([](json::Value& d) { d.asObject().set("min_spend", "12.345"); });
    BOOST_TEST(found(r) == "min_spend programme.invalid_amount");
    BOOST_TEST(message(r).find("2 decimal places") != std::string::npos);
    r = edited([](json::Value& d) { d.asObject().set("effective_from", "2023-02-29"); });
    BOOST_TEST(found(r) == "effective_from programme.invalid_date");
    r = edited([](json::Value& d) { d.asObject().set("effective_from", "2024/03/01"); });
    BOOST_TEST(found(r) == "effective_from programme.invalid_date");
    r = edited([](json::Value& d) { get(get(d, "benefits"), 0).asObject().set("effective_to", nullptr); });
    BOOST_TEST(found(r) == "");
    BOOST_TEST(!r.programme->benefits[0].effectiveTo.has_value());
}

BOOST_AUTO_TEST_CASE(a_number_too_large_for_its_field_is_out_of_range) {
    auto r = edited([](json::Value& d) {
        get(get(get(d, "tiers"), "ladder"), 1).asObject().set("grace_days", std::int64_t{99'999'999'999});
    });
    BOOST_TEST(found(r) == "tiers.ladder[1].grace_days programme.out_of_range");
}

BOOST_AUTO_TEST_CASE(a_syntax_error_is_one_problem_with_line_and_column) {
    const auto r = programmeFromJson("{\n  \"name\": \"x\",\n}");
    BOOST_TEST(found(r) == " programme.json_syntax");
    BOOST_TEST(message(r) == "line 3, column 1: trailing comma before '}'");
    BOOST_TEST(found(programmeFromJson("[]")) == " programme.wrong_type");
}

BOOST_AUTO_TEST_CASE(validation_problems_come_back_with_structural_ones) {
    auto r = edited([](json::Value& d) {
        get(get(get(d, "tiers"), "ladder"), 2).asObject().set("entry_spend", "2000.00");
        get(get(get(d, "tiers"), "ladder"), 2).asObject().set("retain_spend", "0.00");
        get(d, "expiry").asObject().set("kind", "sometimes");
    });
    BOOST_TEST(
        found(r) ==
        "expiry.kind programme.unknown_value; tiers.ladder[2].entry_spend programme.threshold_not_rising");
}

BOOST_AUTO_TEST_SUITE_END()
