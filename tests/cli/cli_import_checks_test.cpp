// memberdesk-cli end to end: what an import accepts and how it says no. Implausible dates, misspelled
// headers, upsert's empty cells, zero and overflowing amounts, malformed lines kept whole in the
// rejects file; and a stored value no reader can parse never hides a member.
#include "tests/cli/cli_helpers.h"

#include "domain/csv.h"
#include "domain/time.h"

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

using namespace md::test;
namespace fs = std::filesystem;

namespace {

const char* const kTxHeader =
    "order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category\n";

// Stores (demo --members 0) and one member, MD50000001, with consent to email and a birthday.
struct OneMember {
    TestDatabase db;
    OneMember() {
        BOOST_REQUIRE(runOn(db, {"demo", "--members", "0"}).exitCode == 0);
        const auto r =
            runOn(db, {"import", "members",
                       writeScratch(db, "one.csv",
                                    membersCsv({"MD50000001,王芳,13800138000,wang@example.com,1990-05-"
                                                "01,F,2024-01-15,SH001,1,1"}))});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    }
    CliResult show(const std::string& card = "MD50000001", bool json = false) const {
        std::vector<std::string> args{"show", card};
        if (json) args.push_back("--json");
        return runOn(db, args);
    }
};

std::string inDays(int days) {
    return md::formatTimestamp(md::nowUtc() + std::chrono::days(days));
}

bool containsSql(const std::string& text) {
    for (const char* word : {"SELECT ", "INSERT ", "UPDATE ", "while executing", "while preparing"})
        if (contains(text, word)) return true;
    return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_import_checks)

BOOST_FIXTURE_TEST_CASE(implausible_birthdays_and_join_dates_are_rejected_with_a_reason, OneMember) {
    const std::string tomorrowPlus =
        md::formatDate(std::chrono::floor<std::chrono::days>(md::nowUtc()) + std::chrono::days(3));
    const std::string file =
        writeScratch(db, "dates.csv",
                     membersCsv({"MD50000002,Future Birth,13900000002,,2999-01-01,F,2024-01-15,,0,0",
                                 "MD50000003,Too Old,13900000003,,1899-12-31,F,2024-01-15,,0,0",
                                 "MD50000004,Future Join,13900000004,,1990-01-01,F," + tomorrowPlus + ",,0,0",
                                 "MD50000005,Fine,13900000005,,1900-01-01,F,2024-01-15,,0,0"}));
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    const std::string rejects = readFile(file + ".rejects.csv");
    BOOST_TEST(contains(rejects, "birthday 2999-01-01 is in the future"), rejects);
    BOOST_TEST(contains(rejects, "birthday 1899-12-31 is before 1900-01-01"), rejects);
    BOOST_TEST(contains(rejects, "join_date " + tomorrowPlus + " is in the future"), rejects);
    BOOST_TEST(runOn(db, {"show", "MD50000005"}).exitCode == 0);
}

BOOST_FIXTURE_TEST_CASE(purchases_outside_1990_to_tomorrow_are_rejected_and_the_member_stays_viewable,
                        OneMember) {
    const std::string file =
        writeScratch(db, "tx.csv",
                     std::string(kTxHeader) +
                         // An offset typo moves this past year 9999: it used to be stored, and then
                         // show failed for the member on every call.
                         "T1,MD50000001,SH001,store,9999-12-31T23:00:00-05:00,10.00,CNY,purchase,1,x\n"
                         "T2,MD50000001,SH001,store,1989-12-31T23:59:59Z,10.00,CNY,purchase,1,x\n"
                         "T3,MD50000001,SH001,store," +
                         inDays(3) +
                         ",10.00,CNY,purchase,1,x\n"
                         "T4,MD50000001,SH001,store,2024-03-01T10:00:00Z,10.00,CNY,purchase,1,x\n");
    const auto r = runOn(db, {"import", "transactions", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(r.out == "Imported 1 of 4 records; 3 rejected — see " + file + ".rejects.csv\n", describe(r));
    const std::string rejects = readFile(file + ".rejects.csv");
    BOOST_TEST(contains(rejects, "is before 1990-01-01"), rejects);
    BOOST_TEST(contains(rejects, "is in the future"), rejects);
    const auto shown = show();
    BOOST_TEST(shown.exitCode == 0, describe(shown));
    BOOST_TEST(contains(shown.out, "T4"), describe(shown));
}

BOOST_FIXTURE_TEST_CASE(a_stored_value_no_reader_can_parse_is_shown_marked_not_as_an_error, OneMember) {
    {
        // What an older version stored, or someone typed into the database by hand.
        auto conn = db.open();
        conn->sql() << "UPDATE members SET birthday = '+10000-01-01', join_date = 'soon' WHERE card_no = "
                       "'MD50000001'";
        conn->sql() << "INSERT INTO transactions (order_id, member_id, store_code, channel, occurred_at, "
                       "amount_minor, currency, kind, items, category) SELECT 'T1', id, 'SH001', 'store', "
                       "'+10000-01-01T04:00:00Z', 1000, 'CNY', 'purchase', 1, 'x' FROM members WHERE card_no "
                       "= 'MD50000001'";
    }
    const auto text = show();
    BOOST_TEST(text.exitCode == 0, describe(text));
    BOOST_TEST(contains(text.out, "王芳"), describe(text));
    BOOST_TEST(contains(text.out, "[unreadable stored value \"+10000-01-01\"]"), describe(text));
    BOOST_TEST(contains(text.out, "[unreadable stored value \"soon\"]"), describe(text));
    BOOST_TEST(contains(text.out, "[unreadable stored value \"+10000-01-01T04:00:00Z\"]"), describe(text));
    const auto json = show("MD50000001", true);
    BOOST_TEST(json.exitCode == 0, describe(json));
    BOOST_TEST(contains(json.out, "\"birthday\": \"+10000-01-01\""), describe(json));
    BOOST_TEST(contains(json.out, "\"occurred_at\": \"+10000-01-01T04:00:00Z\""), describe(json));
    const auto found = runOn(db, {"find", "13800138000"});
    BOOST_TEST(found.exitCode == 0, describe(found));

    // An upsert line that leaves those fields empty changes nothing: the stored text is not lost.
    const auto same =
        runOn(db, {"import", "members",
                   writeScratch(db, "same.csv", membersCsv({"MD50000001,王芳,13800138000,,,,,,,"})), "--mode",
                   "upsert"});
    BOOST_TEST(same.exitCode == 0, describe(same));
    const auto after = show();
    BOOST_TEST(contains(after.out, "[unreadable stored value \"+10000-01-01\"]"), describe(after));
    BOOST_TEST(contains(after.out, "[unreadable stored value \"soon\"]"), describe(after));
}

BOOST_FIXTURE_TEST_CASE(a_misspelled_or_repeated_header_column_refuses_the_file_naming_it, OneMember) {
    const std::string header = "card_no,name,phone,emial,sms_consnet\n";
    const std::string file =
        writeScratch(db, "typo.csv", header + "MD50000009,Li Lei,13900000009,li@x.cn,1\n");
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 2, describe(r));
    BOOST_TEST(contains(r.err, "\"emial\""), describe(r));
    BOOST_TEST(contains(r.err, "\"sms_consnet\""), describe(r));
    BOOST_TEST(contains(r.err, "--ignore-columns"), describe(r));
    BOOST_TEST(runOn(db, {"show", "MD50000009"}).exitCode == 1);

    const auto twice = runOn(db, {"import", "members",
                                  writeScratch(db, "twice.csv",
                                               "card_no,name,phone,sms_consent,sms_consent\n"
                                               "MD50000009,Li Lei,13900000009,1,0\n")});
    BOOST_TEST(twice.exitCode == 2, describe(twice));
    BOOST_TEST(contains(twice.err, "named twice"), describe(twice));

    const auto tx = runOn(db, {"import", "transactions",
                               writeScratch(db, "tx.csv",
                                            "order_id,card_no,store,occurred_at,amount,categroy\n"
                                            "T9,MD50000001,SH001,2024-03-01T10:00:00Z,1.00,x\n")});
    BOOST_TEST(tx.exitCode == 2, describe(tx));
    BOOST_TEST(contains(tx.err, "\"categroy\""), describe(tx));

    // Said explicitly, the columns are skipped.
    const auto ignored = runOn(db, {"import", "members", file, "--ignore-columns", "emial,sms_consnet"});
    BOOST_TEST(ignored.exitCode == 0, describe(ignored));
    BOOST_TEST(runOn(db, {"show", "MD50000009"}).exitCode == 0);
}

BOOST_FIXTURE_TEST_CASE(upsert_keeps_stored_values_for_empty_cells_and_clears_only_on_the_marker, OneMember) {
    const std::string empty =
        writeScratch(db, "empty.csv", membersCsv({"MD50000001,王芳,13800138000,,,,,,,"}));
    const auto r = runOn(db, {"import", "members", empty, "--mode", "upsert"});
    BOOST_TEST(r.exitCode == 0, describe(r));
    const auto kept = show();
    BOOST_TEST(contains(kept.out, "wang@example.com"), describe(kept));
    BOOST_TEST(contains(kept.out, "1990-05-01"), describe(kept));
    BOOST_TEST(contains(kept.out, "female"), describe(kept));
    BOOST_TEST(contains(kept.out, "SH001"), describe(kept));
    BOOST_TEST(!contains(kept.out, "refused"), describe(kept)); // both consents still granted

    const std::string clear =
        writeScratch(db, "clear.csv",
                     membersCsv({"MD50000001,王芳,13800138000,<clear>,<clear>,<clear>,,<clear>,<clear>,"}));
    const auto c = runOn(db, {"import", "members", clear, "--mode", "upsert"});
    BOOST_TEST(c.exitCode == 0, describe(c));
    const auto cleared = show("MD50000001", true);
    BOOST_TEST(contains(cleared.out, "\"email\": null"), describe(cleared));
    BOOST_TEST(contains(cleared.out, "\"birthday\": null"), describe(cleared));
    BOOST_TEST(contains(cleared.out, "\"gender\": \"\""), describe(cleared));
    BOOST_TEST(contains(cleared.out, "\"home_store\": \"\""), describe(cleared));
    BOOST_TEST(contains(cleared.out, "\"join_date\": \"2024-01-15\""), describe(cleared));
    // email consent cleared (refused), sms consent kept (granted)
    BOOST_TEST(cleared.out.find("\"granted\": false") < cleared.out.find("\"sms\""), describe(cleared));
    BOOST_TEST(cleared.out.find("\"granted\": true") > cleared.out.find("\"sms\""), describe(cleared));
}

BOOST_FIXTURE_TEST_CASE(a_purchase_of_zero_is_accepted, OneMember) {
    const auto r =
        runOn(db, {"import", "transactions",
                   writeScratch(db, "tx.csv",
                                std::string(kTxHeader) +
                                    "P0,MD50000001,SH001,app,2024-03-01T10:00:00Z,0.00,CNY,purchase,1,"
                                    "paid with points\n")});
    BOOST_TEST(r.exitCode == 0, describe(r));
    const auto shown = show();
    BOOST_TEST(contains(shown.out, "P0"), describe(shown));
}

BOOST_FIXTURE_TEST_CASE(an_amount_that_would_overflow_rejects_the_line_not_the_file, OneMember) {
    const std::string file = writeScratch(
        db, "tx.csv",
        std::string(kTxHeader) +
            "B1,MD50000001,SH001,store,2024-03-01T10:00:00Z,92233720368547758.07,CNY,purchase,1,x\n"
            "B2,MD50000001,SH001,store,2024-03-02T10:00:00Z,92233720368547758.07,CNY,purchase,1,x\n"
            "B3,MD50000001,SH001,store,2024-03-03T10:00:00Z,12.50,CNY,purchase,1,x\n");
    const auto r = runOn(db, {"import", "transactions", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(!containsSql(r.err), describe(r));
    BOOST_TEST(r.out == "Imported 1 of 3 records; 2 rejected — see " + file + ".rejects.csv\n", describe(r));
    BOOST_TEST(contains(readFile(file + ".rejects.csv"), "is larger than 100,000,000.00"));
    const auto shown = show();
    BOOST_TEST(contains(shown.out, "¥12.50"), describe(shown));
}

BOOST_FIXTURE_TEST_CASE(the_rejects_file_keeps_a_malformed_line_whole, OneMember) {
    const std::string broken = "MD50000007,\"Unterminated,13900000007,,,,2024-01-15,,0,0";
    const std::string file = writeScratch(
        db, "broken.csv", membersCsv({broken, "MD50000008,Fine,13900000008,,,,2024-01-15,,0,0"}));
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    const std::string rejects = readFile(file + ".rejects.csv");
    BOOST_TEST(contains(rejects, md::csvField(broken)), rejects);
    BOOST_TEST(runOn(db, {"show", "MD50000008"}).exitCode == 0);

    // A line over the 8 MiB limit comes back whole too.
    const std::string huge =
        "MD50000006," + std::string(9 * 1024 * 1024, 'x') + ",13900000006,,,,2024-01-15,,0,0";
    const std::string big = writeScratch(db, "huge.csv", membersCsv({huge}));
    const auto h = runOn(db, {"import", "members", big});
    BOOST_TEST(h.exitCode == 3, describe(h));
    const std::string hugeRejects = readFile(big + ".rejects.csv");
    BOOST_TEST(contains(hugeRejects, "longer than 8 MiB"));
    BOOST_TEST(contains(hugeRejects, "," + md::csvField(huge) + "\n"));
}

BOOST_AUTO_TEST_SUITE_END()
