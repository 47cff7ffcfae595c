// A shared (PostgreSQL) database is set up or upgraded only when the person agrees; a private SQLite
// file is prepared as it opens (issue 5: never silently by whoever opens it first).
#include "tests/gui/gui_fixture.h"

#include "persistence/soci_data_store.h"

#include <boost/test/unit_test.hpp>

#include <wx/statusbr.h>

using namespace md;
using namespace md::test;

namespace {
int schemaVersion(const TestDatabase& d) {
    return db::openDataStore(d.urlText())->schemaStatus().current;
}

void closeAll() {
    for (wxWindow* w : wxTopLevelWindows)
        w->Close(true);
    pumpUntil([] { return wxTopLevelWindows.empty(); });
}
} // namespace

BOOST_AUTO_TEST_SUITE(database_upgrade)

BOOST_AUTO_TEST_CASE(
    an_empty_shared_database_is_set_up_only_after_the_person_agrees_and_a_file_without_asking) {
    TestDatabase empty; // no schema yet
    dialogs().reset();
    dialogs().answer = [](wxDialog&) { return wxID_NO; }; // "Not now"
    auto* frame = new gui::MainFrame(testAccess(), empty.urlText());
    frame->Show();
    if (!empty.isPostgres()) {
        BOOST_REQUIRE(pumpUntil([&] { return frame->isReady(); }));
        BOOST_TEST(dialogs().shown.empty());
        BOOST_TEST(schemaVersion(empty) > 0);
        closeAll();
        return;
    }
    BOOST_REQUIRE(pumpUntil([] { return dialogs().shown.size() >= 2; }));
    BOOST_TEST(dialogs().shown[0].title == wxString(wxS("Upgrade the database?")));
    BOOST_TEST(dialogs().shown[1].message.Contains(wxS("has not been set up")),
               "error: " << dialogs().shown[1].message);
    BOOST_TEST(!frame->isReady());
    BOOST_TEST(schemaVersion(empty) == 0);
    closeAll();

    dialogs().reset();
    dialogs().answer = [](wxDialog&) { return wxID_YES; }; // "Set up"
    frame = new gui::MainFrame(testAccess(), empty.urlText());
    frame->Show();
    BOOST_REQUIRE(pumpUntil([&] { return frame->isReady(); }));
    BOOST_TEST(dialogs().shown.size() == 1u);
    BOOST_TEST(schemaVersion(empty) > 0);
    closeAll();
    dialogs().reset();
}

BOOST_AUTO_TEST_SUITE_END()
