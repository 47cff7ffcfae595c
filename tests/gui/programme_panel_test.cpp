// The Programme pane: the programme in force shown and edited in place; problems next to their fields
// and nothing stored while there are any; a valid edit stored as the next version; what-if figures.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/loyalty_support.h"

#include "app/programme.h"
#include "gui/programme_panel.h"
#include "gui/ui_helpers.h"
#include "gui/whatif_dialog.h"

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

using namespace md;
using namespace md::test;
using gui::ProgrammeTable;

namespace {

gui::ProgrammePanel& openProgramme(FrameFixture& f) {
    f.frame().navigator().select(gui::Section::Programme);
    auto& panel = f.frame().programme();
    BOOST_REQUIRE(pumpUntil([&] { return panel.shown().has_value(); }));
    return panel;
}

std::size_t storedVersions(FrameFixture& f) {
    OtherStore o(f);
    return app::programmeVersions(o.ctx, *o.store).size();
}

int columnOf(ProgrammeTable t, const std::string& key) {
    const auto& columns = gui::tableColumns(t);
    for (std::size_t c = 0; c < columns.size(); ++c)
        if (key == columns[c].key) return static_cast<int>(c);
    throw std::runtime_error("no column " + key);
}

wxString label(FrameFixture& f, const char* name) {
    return f.named<wxStaticText>(name).GetLabel();
}

} // namespace

BOOST_AUTO_TEST_SUITE(programme_panel)

BOOST_AUTO_TEST_CASE(a_tier_threshold_below_the_one_beneath_is_shown_on_its_row_and_nothing_is_stored) {
    FrameFixture f(300);
    setUpDemoProgramme(f);
    const std::size_t before = storedVersions(f);
    auto& panel = openProgramme(f);
    auto& tiers = panel.grid(ProgrammeTable::Tiers);
    BOOST_TEST(tiers.GetNumberRows() == 4);
    BOOST_TEST(tiers.GetCellValue(1, columnOf(ProgrammeTable::Tiers, "name_zh")) == u8("银卡"));
    const int spend = columnOf(ProgrammeTable::Tiers, "entry_spend");
    tiers.SetCellValue(2, spend, wxS("500.00")); // Gold below Silver's ¥1,000

    BOOST_TEST(!panel.save());
    const wxString problems = label(f, "programme.tiersProblems");
    BOOST_TEST(f.named<wxStaticText>("programme.tiersProblems").IsShown());
    BOOST_TEST(problems.Contains(wxS("Row 3 (GOLD), Entry spend ¥: GOLD is entered at ¥500.00")),
               "shown: " << problems);
    BOOST_TEST(problems.Contains(wxS("SILVER")), "shown: " << problems);
    BOOST_TEST(tiers.GetCellBackgroundColour(2, spend) != tiers.GetCellBackgroundColour(1, spend));
    BOOST_TEST(!f.named<wxStaticText>("programme.rulesProblems").IsShown());
    pumpFor(300ms);
    BOOST_TEST(storedVersions(f) == before);
}

BOOST_AUTO_TEST_CASE(a_cleared_rule_priority_is_named_under_the_rules_and_nothing_is_stored) {
    FrameFixture f(300);
    setUpDemoProgramme(f);
    const std::size_t before = storedVersions(f);
    auto& panel = openProgramme(f);
    auto& rules = panel.grid(ProgrammeTable::Rules);
    const int kind = columnOf(ProgrammeTable::Rules, "kind"),
              priority = columnOf(ProgrammeTable::Rules, "priority");
    int row = -1;
    for (int r = 0; r < rules.GetNumberRows() && row < 0; ++r)
        if (rules.GetCellValue(r, kind) == wxS("category")) row = r;
    BOOST_REQUIRE_GE(row, 0);
    const wxString code = rules.GetCellValue(row, columnOf(ProgrammeTable::Rules, "code"));
    rules.SetCellValue(row, priority, wxString());

    FrameFixture::press(f.named<wxButton>("programme.save"));
    const wxString problems = label(f, "programme.rulesProblems");
    BOOST_TEST(problems.StartsWith(
                   wxString::Format(wxS("Row %d (%s), Priority: a number is needed"), row + 1, code)),
               "shown: " << problems);
    BOOST_TEST(label(f, "programme.status").Contains(wxS("problem")));
    pumpFor(300ms);
    BOOST_TEST(storedVersions(f) == before);
}

BOOST_AUTO_TEST_CASE(a_valid_edit_is_stored_as_the_next_version) {
    FrameFixture f(300);
    const std::int64_t version = setUpDemoProgramme(f);
    auto& panel = openProgramme(f);
    f.named<wxTextCtrl>("programme.name").SetValue(u8("会员计划 2027"));
    auto& tiers = panel.grid(ProgrammeTable::Tiers);
    tiers.SetCellValue(3, columnOf(ProgrammeTable::Tiers, "entry_spend"), wxS("9000.00"));

    BOOST_REQUIRE(panel.save());
    const wxString saved =
        wxString::Format(wxS("Saved as version %lld"), static_cast<long long>(version + 1));
    BOOST_REQUIRE(pumpUntil([&] { return label(f, "programme.status").StartsWith(saved); }));
    OtherStore o(f);
    BOOST_TEST(app::programmeVersions(o.ctx, *o.store).size() == static_cast<std::size_t>(version + 1));
    const auto stored = app::currentProgramme(o.ctx, *o.store);
    BOOST_TEST(stored->version == version + 1);
    BOOST_TEST(stored->name == "会员计划 2027");
    BOOST_TEST(stored->ladder.tiers[3].entrySpendMinor == 900000);
    BOOST_TEST(label(f, "programme.header")
                   .Contains(wxString::Format(wxS("version %lld"), static_cast<long long>(version + 1))));
}

BOOST_AUTO_TEST_CASE(what_if_shows_the_figures_of_the_edited_programme) {
    FrameFixture f(300);
    setUpDemoProgramme(f);
    auto& panel = openProgramme(f);
    auto& rules = panel.grid(ProgrammeTable::Rules);
    const int kind = columnOf(ProgrammeTable::Rules, "kind");
    for (int r = 0; r < rules.GetNumberRows(); ++r)
        if (rules.GetCellValue(r, kind) == wxS("base")) // twice the points per yuan
            rules.SetCellValue(r, columnOf(ProgrammeTable::Rules, "points_per"), wxS("2"));

    panel.whatIf();
    auto* dlg = dynamic_cast<gui::WhatIfDialog*>(wxWindow::FindWindowByName(wxS("whatif")));
    BOOST_REQUIRE(dlg);
    BOOST_REQUIRE(dlg->run());
    BOOST_REQUIRE(pumpUntil([&] { return dlg->report().has_value(); }, 60s));
    const app::WhatIfReport& r = *dlg->report();
    BOOST_TEST(r.orders > 0);
    BOOST_TEST(r.proposedPoints > r.currentPoints);
    BOOST_TEST(dynamic_cast<wxStaticText*>(dlg->FindWindow(wxS("whatif.orders")))->GetLabel() ==
               gui::formatCount(r.orders));
    BOOST_TEST(
        dynamic_cast<wxStaticText*>(dlg->FindWindow(wxS("whatif.points")))
            ->GetLabel()
            .StartsWith(gui::formatCount(r.currentPoints) + wxS(" → ") + gui::formatCount(r.proposedPoints)));
    BOOST_TEST(dynamic_cast<wxListCtrl*>(dlg->FindWindow(wxS("whatif.tiers")))->GetItemCount() ==
               static_cast<int>(r.tiers.size()));
    dlg->Close();
}

BOOST_AUTO_TEST_SUITE_END()
