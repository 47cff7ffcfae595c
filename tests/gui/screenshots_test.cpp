// Screenshots of the loyalty screens for a person to look at (layout, Chinese text, clipping). Not run
// by default: `test_gui --run_test=screenshots` writes /tmp/gui-shot-N.png with ImageMagick's import.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/loyalty_support.h"

#include "gui/adjust_points_dialog.h"
#include "gui/member_detail_panel.h"
#include "gui/member_loyalty_panel.h"
#include "gui/points_ledger_list.h"
#include "gui/programme_panel.h"
#include "gui/whatif_dialog.h"

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <string>

using namespace md;
using namespace md::test;

namespace {
void shoot(int n) {
    pumpFor(600ms);
    const std::string cmd = "import -window root /tmp/gui-shot-" + std::to_string(n) + ".png";
    BOOST_TEST(std::system(cmd.c_str()) == 0);
}
} // namespace

BOOST_AUTO_TEST_SUITE(screenshots, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(member_loyalty_screens) {
    FrameFixture f;
    setUpDemoProgramme(f);
    f.frame().detail().showMember(9);
    BOOST_REQUIRE(pumpUntil([&] { return f.frame().detail().loyalty().ledger().loaded() > 0; }));
    shoot(7); // the purchases below the summary
    f.frame().detail().showLoyaltyDetails(true);
    BOOST_REQUIRE(pumpUntil([&] { return f.frame().detail().loyalty().ledger().loaded() > 0; }));
    shoot(1);
    auto& ledger = f.frame().detail().loyalty().ledger();
    revealInDetail(f, ledger);
    ledger.SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    shoot(2);
    FrameFixture::press(f.named<wxButton>("detail.adjustPoints"));
    shoot(3);
    auto* dlg = dynamic_cast<gui::AdjustPointsDialog*>(wxWindow::FindWindowByName(wxS("adjustPoints")));
    BOOST_REQUIRE(dlg);
    dynamic_cast<wxTextCtrl*>(dlg->FindWindow(wxS("adjust.points")))->SetValue(wxS("5000"));
    dlg->post();
    BOOST_REQUIRE(pumpUntil([&] { return !dlg->isPosting(); }));
    shoot(8);
    dlg->Close();
}

BOOST_AUTO_TEST_CASE(programme_screens) {
    FrameFixture f(300);
    setUpDemoProgramme(f);
    f.frame().navigator().select(gui::Section::Programme);
    auto& panel = f.frame().programme();
    BOOST_REQUIRE(pumpUntil([&] { return panel.shown().has_value(); }));
    shoot(4);
    panel.grid(gui::ProgrammeTable::Tiers).SetCellValue(2, 5, wxS("500.00"));
    panel.grid(gui::ProgrammeTable::Rules).SetCellValue(2, 0, wxString());
    panel.validate();
    shoot(5);
    panel.load();
    BOOST_REQUIRE(
        pumpUntil([&] { return panel.grid(gui::ProgrammeTable::Rules).GetCellValue(2, 0) != wxString(); }));
    panel.whatIf();
    auto* dlg = dynamic_cast<gui::WhatIfDialog*>(wxWindow::FindWindowByName(wxS("whatif")));
    BOOST_REQUIRE(dlg);
    dlg->run();
    BOOST_REQUIRE(pumpUntil([&] { return dlg->report().has_value(); }, 60s));
    shoot(6);
}

BOOST_AUTO_TEST_SUITE_END()
