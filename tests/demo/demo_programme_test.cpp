// The demo programme is valid, survives its JSON form, matches the demo data it will rate, and is the
// example printed in docs/programme-format.md.
#include "demo/demo_generator.h"
#include "demo/demo_programme.h"
#include "domain/loyalty/programme_json.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace md;
using namespace md::loyalty;

namespace {

Date day(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

std::string problemsOf(const Programme& p) {
    std::string out;
    for (const ProgrammeProblem& q : validateProgramme(p))
        out += q.field + " " + q.code + ": " + q.message + "\n";
    return out;
}

const EarningRule& rule(const Programme& p, RuleKind kind) {
    for (const EarningRule& r : p.rules)
        if (r.kind == kind) return r;
    throw std::logic_error("no rule of kind " + toCode(kind));
}

} // namespace

BOOST_AUTO_TEST_SUITE(demo_programme)

BOOST_AUTO_TEST_CASE(the_demo_programme_is_valid) {
    for (Date from : {day(2021, 1, 1), day(2024, 11, 2), day(2026, 12, 31)})
        BOOST_TEST(problemsOf(demoProgramme(from)) == "");
}

BOOST_AUTO_TEST_CASE(the_demo_programme_round_trips_through_json) {
    const Programme p = demoProgramme(day(2021, 1, 1));
    const ProgrammeParse r = programmeFromJson(programmeToJson(p));
    BOOST_TEST(r.problems.empty());
    BOOST_REQUIRE(r.programme.has_value());
    BOOST_TEST((*r.programme == p));
}

BOOST_AUTO_TEST_CASE(it_has_four_tiers_a_benefit_of_every_type_and_a_rule_of_every_kind) {
    const Programme p = demoProgramme(day(2021, 1, 1));
    BOOST_TEST(p.ladder.tiers.size() == 4u);
    std::set<std::string> types, kinds;
    for (const Benefit& b : p.benefits)
        types.insert(toCode(b.type));
    for (const EarningRule& r : p.rules)
        kinds.insert(toCode(r.kind));
    BOOST_TEST(types.size() == 9u);
    BOOST_TEST(kinds.size() == 9u);
}

BOOST_AUTO_TEST_CASE(double_eleven_is_the_first_one_on_or_after_the_start) {
    BOOST_TEST((rule(demoProgramme(day(2021, 1, 1)), RuleKind::DateRange).from == day(2021, 11, 1)));
    BOOST_TEST((rule(demoProgramme(day(2021, 11, 1)), RuleKind::DateRange).to == day(2021, 11, 11)));
    BOOST_TEST((rule(demoProgramme(day(2021, 11, 2)), RuleKind::DateRange).from == day(2022, 11, 1)));
}

BOOST_AUTO_TEST_CASE(bonus_rules_name_categories_stores_and_channels_the_demo_data_has) {
    DemoOptions o;
    o.members = 2000;
    std::set<std::string> categories, stores, channels;
    DemoGenerator(o).generate([](const Member&) {},
                              [&](const Transaction& t) {
                                  categories.insert(t.category);
                                  stores.insert(t.storeCode);
                                  channels.insert(toCode(t.channel));
                              });
    const Programme p = demoProgramme(o.start);
    for (const std::string& v : rule(p, RuleKind::Category).values)
        BOOST_TEST(categories.count(v) == 1u, "category " << v);
    for (const std::string& v : rule(p, RuleKind::Store).values)
        BOOST_TEST(stores.count(v) == 1u, "store " << v);
    for (const std::string& v : rule(p, RuleKind::Channel).values)
        BOOST_TEST(channels.count(v) == 1u, "channel " << v);
}

BOOST_AUTO_TEST_CASE(the_format_document_shows_the_demo_programme_as_it_is) {
    const std::string path = std::string(MEMBERDESK_SOURCE_DIR) + "/docs/programme-format.md";
    std::ifstream in(path);
    BOOST_REQUIRE_MESSAGE(in, "cannot read " << path);
    std::stringstream doc;
    doc << in.rdbuf();
    const std::string text = doc.str();
    // The example is the one ```json block after the "## Example" heading.
    const std::size_t heading = text.find("\n## Example");
    BOOST_REQUIRE(heading != std::string::npos);
    const std::size_t open = text.find("```json\n", heading);
    BOOST_REQUIRE(open != std::string::npos);
    const std::size_t close = text.find("\n```", open + 8);
    BOOST_REQUIRE(close != std::string::npos);
    const std::string shown = text.substr(open + 8, close + 1 - (open + 8));
    const std::string actual = programmeToJson(demoProgramme(DemoOptions{}.start));
    if (shown != actual) {
        std::ofstream("demo_programme.json") << actual;
        BOOST_ERROR("the example in docs/programme-format.md is not the demo programme's JSON; the current "
                    "JSON was written to demo_programme.json in the working directory: paste it in");
    }
}

BOOST_AUTO_TEST_SUITE_END()
