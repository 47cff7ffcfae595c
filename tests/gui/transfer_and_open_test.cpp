// File work in the desktop app: export (.csv added, 100 % when done, the folder offered, a BOM for
// Excel), import (rejected lines listed with reasons, add-only or update), and opening another
// database (tried before the working one closes; a missing file is created only after asking).
#include "tests/gui/gui_fixture.h"

#include "gui/job_dialog.h"
#include "gui/main_frame.h"
#include "gui/open_database_dialog.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>

using namespace md;
using namespace md::test;

namespace {
template <class T> T& in(wxWindow& parent, const char* name) {
    auto* w = dynamic_cast<T*>(wxWindow::FindWindowByName(name, &parent));
    if (!w) throw std::runtime_error(std::string("no window named ") + name);
    return *w;
}

std::string memberLine(const Member& m, const std::string& name) {
    return m.card.str() + "," + name + "," + (m.phone ? m.phone->e164() : "") + "," +
           (m.email ? m.email->str() : "") + ",,," + formatDate(m.joinDate) + "," + m.homeStore + ",,\n";
}

const char* kHeader = "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n";

std::vector<gui::MainFrame*> frames() {
    std::vector<gui::MainFrame*> out;
    for (wxWindow* w : wxTopLevelWindows)
        if (auto* f = dynamic_cast<gui::MainFrame*>(w); f && !w->IsBeingDeleted()) out.push_back(f);
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(transfer_and_open)

BOOST_AUTO_TEST_CASE(
    an_export_named_without_extension_gets_csv_and_the_finished_dialog_shows_100_percent_and_the_folder) {
    FrameFixture f;
    const auto chosen = f.database.dir() / "members";
    gui::JobDialog* job = f.frame().exportMembersTo(u8(chosen.string()));
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    BOOST_TEST(std::filesystem::exists(chosen.string() + ".csv"));
    BOOST_TEST(!std::filesystem::exists(chosen));
    BOOST_TEST(in<wxStaticText>(*job, "job.counts").GetLabel() == wxString(wxS("100%")));
    BOOST_TEST(in<wxButton>(*job, "job.openFolder").IsShown());
    std::ifstream file(chosen.string() + ".csv", std::ios::binary);
    char first[3] = {};
    file.read(first, 3);
    BOOST_TEST(std::string(first, 3) != "\xEF\xBB\xBF"); // no BOM unless asked
}

BOOST_AUTO_TEST_CASE(an_export_for_excel_starts_with_a_utf8_bom) {
    FrameFixture f;
    const auto target = f.database.dir() / "for-excel.csv";
    gui::JobDialog* job = f.frame().exportMembersTo(u8(target.string()), true);
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    std::ifstream file(target, std::ios::binary);
    std::string line;
    std::getline(file, line);
    BOOST_TEST(line.rfind("\xEF\xBB\xBF"
                          "card_no,",
                          0) == 0u,
               "first line: " << line);
}

BOOST_AUTO_TEST_CASE(an_import_lists_the_rejected_lines_with_their_reasons_in_the_dialog) {
    FrameFixture f;
    const Member existing = *db::SociMemberRepository(f.other()).findById(1);
    const auto csv = f.database.dir() / "with-rejects.csv";
    {
        std::ofstream out(csv);
        out << kHeader;
        out << "NEW0001,新会员,13911110001,,,,2024-05-01," << existing.homeStore << ",,\n";
        out << "NEW0002,坏号码,not-a-phone,,,,2024-05-02," << existing.homeStore << ",,\n";
        out << memberLine(existing, "重复的卡号");
    }
    gui::JobDialog* job = f.frame().importMembersFrom(u8(csv.string()), ImportMode::Insert);
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    auto& rejects = in<wxListCtrl>(*job, "job.rejects");
    BOOST_TEST(rejects.IsShown());
    BOOST_REQUIRE(rejects.GetItemCount() == 2);
    BOOST_TEST(rejects.GetItemText(0, 0) == wxString(wxS("3")));
    BOOST_TEST(!rejects.GetItemText(0, 1).empty());
    BOOST_TEST(rejects.GetItemText(1, 0) == wxString(wxS("4")));
    BOOST_TEST(!rejects.GetItemText(1, 1).empty());
    BOOST_TEST(db::SociMemberRepository(f.other()).findById(1)->name == existing.name);
}

BOOST_AUTO_TEST_CASE(an_import_in_update_mode_changes_existing_members) {
    FrameFixture f;
    const Member existing = *db::SociMemberRepository(f.other()).findById(1);
    const auto csv = f.database.dir() / "update.csv";
    {
        std::ofstream out(csv);
        out << kHeader << memberLine(existing, "导入后的名字");
    }
    gui::JobDialog* job = f.frame().importMembersFrom(u8(csv.string()), ImportMode::Upsert);
    BOOST_REQUIRE(pumpUntil([&] { return !job->isRunning(); }));
    BOOST_TEST(!in<wxListCtrl>(*job, "job.rejects").IsShown());
    BOOST_TEST(db::SociMemberRepository(f.other()).findById(1)->name == "导入后的名字");
}

BOOST_AUTO_TEST_CASE(a_database_that_cannot_be_opened_leaves_the_working_one_open_and_says_why) {
    FrameFixture f;
    dialogs().reset();
    f.frame().switchTo("postgresql://nobody@127.0.0.1:1/none?connect_timeout=3");
    BOOST_REQUIRE(pumpUntil([] { return !dialogs().shown.empty(); }));
    const auto shown = dialogs().shown.front();
    BOOST_TEST(shown.message.Contains(wxS("is still open")), "message: " << shown.message);
    pumpFor(200ms);
    BOOST_REQUIRE(frames().size() == 1u);
    BOOST_TEST(frames().front() == &f.frame());
    BOOST_TEST(f.frame().isReady());
    BOOST_TEST(f.frame().IsShown());
    dialogs().reset();
}

BOOST_AUTO_TEST_CASE(a_database_that_opens_replaces_the_window) {
    FrameFixture f;
    TestDatabase second;
    second.open(); // migrated, empty
    gui::MainFrame* old = &f.frame();
    f.frame().switchTo(second.urlText());
    BOOST_REQUIRE(pumpUntil([&] {
        const auto all = frames();
        return all.size() == 1u && all.front() != old && all.front()->isReady() && all.front()->IsShown();
    }));
    BOOST_TEST(frames().front()->address() == second.urlText());
    frames().front()->Close(true);
    pumpUntil([] { return wxTopLevelWindows.empty(); });
    f.forgetFrame();
}

BOOST_AUTO_TEST_CASE(a_path_to_a_missing_file_is_created_only_after_asking) {
    FrameFixture f;
    const auto missing = f.database.dir() / "mistyped.db";
    gui::OpenDatabaseDialog dlg(&f.frame(), f.database.urlText());
    in<wxRadioButton>(dlg, "openDatabase.sqlite").SetValue(true);
    in<wxTextCtrl>(dlg, "openDatabase.path").SetValue(u8(missing.string()));
    dialogs().answer = [](wxDialog&) { return wxID_NO; }; // Back
    BOOST_TEST(!dlg.validate());
    BOOST_REQUIRE(dialogs().shown.size() == 1u);
    BOOST_TEST(dialogs().shown.front().message.Contains(u8(missing.string())));
    BOOST_TEST(!std::filesystem::exists(missing));
    dialogs().answer = [](wxDialog&) { return wxID_YES; }; // Create
    BOOST_TEST(dlg.validate());
    BOOST_TEST(dlg.address() == "sqlite:" + missing.string());
    dialogs().reset();
}

BOOST_AUTO_TEST_SUITE_END()
