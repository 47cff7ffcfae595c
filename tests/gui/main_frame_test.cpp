// The main window: opening a database, remembered layout, import and export, closing mid-work.
#include "tests/gui/gui_fixture.h"

#include "gui/job_dialog.h"
#include "gui/main_frame.h"
#include "gui/member_browser_panel.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/listctrl.h>

#include <wx/aui/framemanager.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

using namespace md;
using namespace md::test;

namespace {
wxString jobSummary(gui::JobDialog& job) {
    return dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName(wxS("job.summary"), &job))->GetLabel();
}

std::int64_t memberCount(FrameFixture& f) {
    return db::SociMemberRepository(f.other()).count(MemberQuery{});
}

std::string someStoreCode(FrameFixture& f) {
    return db::SociStoreRepository(f.other()).all().at(0).code;
}
} // namespace

BOOST_AUTO_TEST_SUITE(main_frame)

BOOST_AUTO_TEST_CASE(an_unreachable_database_is_reported_with_a_headline_and_the_technical_detail) {
    dialogs().reset();
    auto* frame = new gui::MainFrame(testAccess(), "postgresql://nobody@127.0.0.1:1/none?connect_timeout=3");
    frame->Show();
    BOOST_REQUIRE(pumpUntil([] { return !dialogs().shown.empty(); }));
    const auto shown = dialogs().shown.front();
    BOOST_TEST(shown.message.Contains(wxS("could not be reached")), "headline: " << shown.message);
    BOOST_TEST(!shown.extended.empty());
    BOOST_TEST(!frame->isReady());
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(0).Contains(wxS("No database open")));
    frame->Close(true);
    pumpUntil([] { return wxTopLevelWindows.empty(); });
    dialogs().reset();
}

BOOST_AUTO_TEST_CASE(the_pane_layout_is_remembered_between_runs_and_view_reset_restores_it) {
    FrameFixture f;
    wxAuiManager* aui = wxAuiManager::GetManager(&f.frame());
    BOOST_REQUIRE(aui);
    aui->GetPane(wxS("navigator")).Hide();
    aui->Update();

    f.reopenFrame(); // closing saves the layout; the new window loads it
    aui = wxAuiManager::GetManager(&f.frame());
    BOOST_TEST(!aui->GetPane(wxS("navigator")).IsShown());
    BOOST_TEST(aui->GetPane(wxS("detail")).IsShown());

    const int reset = f.frame().GetMenuBar()->FindMenuItem(wxS("View"), wxS("Reset layout"));
    BOOST_REQUIRE(reset != wxNOT_FOUND);
    wxCommandEvent e(wxEVT_MENU, reset);
    f.frame().GetEventHandler()->ProcessEvent(e);
    BOOST_TEST(aui->GetPane(wxS("navigator")).IsShown());
}

BOOST_AUTO_TEST_CASE(importing_members_reports_imported_and_rejected_lines_and_refreshes_the_count) {
    FrameFixture f;
    const auto csv = f.database.dir() / "new-members.csv";
    {
        std::ofstream out(csv);
        const std::string store = someStoreCode(f);
        out << "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n";
        out << "NEW0001,新会员一,13911110001,,1990-01-02,F,2024-05-01," << store << ",,\n";
        out << "NEW0002,新会员二,13911110002,,,M,2024-05-02," << store << ",,\n";
        out << "NEW0003,New Member,,new3@example.com,,,2024-05-03," << store << ",,\n";
        out << "NEW0004,坏号码,not-a-phone,,,,2024-05-04," << store << ",,\n";
    }
    gui::JobDialog* job = f.frame().importMembersFrom(u8(csv.string()));
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    const wxString summary = jobSummary(*job);
    BOOST_TEST(summary.Contains(wxS("Imported 3 members.")), "summary: " << summary);
    BOOST_TEST(summary.Contains(wxS("1 line was rejected")), "summary: " << summary);
    BOOST_TEST(summary.Contains(wxS("rejects")), "summary: " << summary);
    BOOST_REQUIRE(pumpUntil([&] { return f.statusCount() == wxS("2,003 members"); }));
    BOOST_TEST(f.list().GetItemCount() == 2003);
}

BOOST_AUTO_TEST_CASE(cancelling_an_import_midway_rolls_back_the_batches_already_written) {
    FrameFixture f;
    const auto csv = f.database.dir() / "many-members.csv";
    {
        std::ofstream out(csv);
        const std::string store = someStoreCode(f);
        out << "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n";
        for (int i = 0; i < 60000; ++i)
            out << "BULK" << 100000 + i << ",批量会员,1391" << 1000000 + i << ",,,,2024-05-01," << store
                << ",,\n";
    }
    // The import writes batches of 10,000 rows. Its first report past 30% of the 60,000 lines comes
    // after line 18,000, so at least one batch is in the database (uncommitted) when Cancel is pressed.
    // The job's thread waits there until the test has pressed it.
    struct Gate {
        std::atomic<bool> reached{false}, released{false};
        Progress seen;
    };
    auto gate = std::make_shared<Gate>();
    struct Release {
        std::shared_ptr<Gate> gate;
        ~Release() {
            gate->released = true;
            gui::JobDialog::setProgressProbeForTests({});
        }
    } release{gate};
    gui::JobDialog::setProgressProbeForTests([gate](const Progress& p) {
        if (gate->reached || p.total == 0 || p.done * 10 < p.total * 3) return;
        gate->seen = p;
        gate->reached = true;
        const auto deadline = std::chrono::steady_clock::now() + 60s;
        while (!gate->released && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(1ms);
    });
    gui::JobDialog* job = f.frame().importMembersFrom(u8(csv.string()));
    BOOST_REQUIRE(pumpUntil([&] { return gate->reached.load(); }, 60s));
    BOOST_TEST(gate->seen.stage == "Importing members");
    BOOST_TEST(gate->seen.done < gate->seen.total); // midway, not at the end
    job->cancel();
    gate->released = true;
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }, 60s));
    BOOST_TEST(jobSummary(*job) == wxString(wxS("Import cancelled; the database is unchanged.")));
    BOOST_TEST(memberCount(f) == 2000);
    BOOST_TEST(!db::SociMemberRepository(f.other()).findByCard("BULK100000"));
}

BOOST_AUTO_TEST_CASE(exporting_members_writes_every_member_and_no_partial_file) {
    FrameFixture f;
    const auto target = f.database.dir() / "export.csv";
    gui::JobDialog* job = f.frame().exportMembersTo(u8(target.string()));
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    BOOST_TEST(jobSummary(*job).Contains(wxS("Exported 2,000 members")), "summary: " << jobSummary(*job));
    BOOST_REQUIRE(std::filesystem::exists(target));
    BOOST_TEST(!std::filesystem::exists(target.string() + ".part"));
    std::ifstream in(target);
    std::string line;
    int lines = 0;
    while (std::getline(in, line))
        ++lines;
    BOOST_TEST(lines == 2001); // header + members (demo names have no newlines)
}

BOOST_AUTO_TEST_CASE(closing_the_window_while_a_search_is_running_drops_its_result_safely) {
    FrameFixture f;
    f.searchBox().SetValue(wxS("8000"));
    pumpFor(160ms);  // the debounce fires and the query is on its way
    f.reopenFrame(); // the old window goes while the result may still be queued
    pumpFor(300ms);
    BOOST_TEST(f.list().GetItemCount() == 2000);
}

BOOST_AUTO_TEST_SUITE_END()
