// What the detail pane shows as the selection moves: always the selected member or nothing, and never
// a silent loss of unsaved edits (issue 5, desktop defects).
#include "tests/gui/gui_fixture.h"

#include "gui/member_browser_panel.h"
#include "gui/member_detail_panel.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace md;
using namespace md::test;

namespace {
void clickRow(wxListCtrl& list, long row) {
    list.EnsureVisible(row);
    pumpFor(50ms);
    // A new search may still be scrolling the list to the member it kept selected; click only once
    // the row has stopped moving, or the click lands on whatever row is passing under the pointer.
    wxRect r, before;
    BOOST_REQUIRE(list.GetItemRect(row, r));
    for (int i = 0; i < 40 && r != before; ++i) {
        before = r;
        pumpFor(25ms);
        list.EnsureVisible(row);
        BOOST_REQUIRE(list.GetItemRect(row, r));
    }
    const wxPoint centre = list.ClientToScreen(wxPoint(r.GetLeft() + 40, r.GetTop() + r.GetHeight() / 2));
    wxGetTopLevelParent(&list)->Raise();
    clickAt(centre);
}

/// Clicks a row and waits until the detail pane shows its member.
void selectRow(FrameFixture& f, long row) {
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(row, 0) != wxS("…"); }));
    const wxString card = f.cell(row, 0);
    clickRow(f.list(), row);
    BOOST_REQUIRE_MESSAGE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == card; }),
                          "the detail did not show row " << row << " (" << card << ")");
}

long selectedRow(FrameFixture& f) {
    return f.list().GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

bool detailShowsNothing(FrameFixture& f) {
    return !f.frame().detail().memberId() && f.detailLabel("detail.placeholder").IsShown();
}

/// The invariant: the detail shows the member of the selected row, or nothing when none is selected.
bool detailFollowsSelection(FrameFixture& f) {
    const long row = selectedRow(f);
    if (row < 0) return detailShowsNothing(f);
    return f.frame().detail().memberId() && f.detailLabel("detail.card").GetLabel() == f.cell(row, 0);
}

std::string storedName(FrameFixture& f, const wxString& card) {
    return db::SociMemberRepository(f.other()).findByCard(std::string(card.utf8_str()))->name;
}

void typeSearch(FrameFixture& f, const wxString& text) {
    f.searchBox().SetValue(text);
}

/// A Chinese surname: many demo members share it.
wxString commonSurname(FrameFixture& f) {
    const std::string name = f.chineseMemberWithPhone().name;
    std::size_t n = 1;
    while (n < name.size() && (static_cast<unsigned char>(name[n]) & 0xC0) == 0x80)
        ++n;
    return u8(name.substr(0, n));
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_selection)

BOOST_AUTO_TEST_CASE(
    selecting_another_member_with_unsaved_edits_asks_and_cancel_keeps_the_edits_and_the_row) {
    FrameFixture f;
    selectRow(f, 0);
    const wxString card = f.cell(0, 0);
    f.detailText("detail.name").SetValue(u8("未保存的名字"));
    dialogs().answer = [](wxDialog&) { return wxID_CANCEL; };
    clickRow(f.list(), 1);
    BOOST_REQUIRE(pumpUntil([] { return !dialogs().shown.empty(); }));
    BOOST_TEST(dialogs().shown.front().message.Contains(card),
               "question: " << dialogs().shown.front().message);
    pumpFor(200ms);
    BOOST_TEST(f.detailLabel("detail.card").GetLabel() == card);
    BOOST_TEST(f.detailText("detail.name").GetValue() == u8("未保存的名字"));
    BOOST_TEST(selectedRow(f) == 0);
    BOOST_TEST(storedName(f, card) != "未保存的名字");
}

BOOST_AUTO_TEST_CASE(discarding_unsaved_edits_shows_the_newly_selected_member_and_saves_nothing) {
    FrameFixture f;
    selectRow(f, 0);
    const wxString card = f.cell(0, 0);
    const std::string before = storedName(f, card);
    f.detailText("detail.name").SetValue(u8("不要的修改"));
    dialogs().answer = [](wxDialog&) { return wxID_NO; }; // Discard
    const wxString next = f.cell(1, 0);
    clickRow(f.list(), 1);
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == next; }));
    BOOST_TEST(dialogs().shown.size() == 1u);
    BOOST_TEST(storedName(f, card) == before);
}

BOOST_AUTO_TEST_CASE(saving_from_the_question_stores_the_edits_and_shows_the_newly_selected_member) {
    FrameFixture f;
    selectRow(f, 0);
    const wxString card = f.cell(0, 0);
    f.detailText("detail.name").SetValue(u8("保存的修改"));
    dialogs().answer = [](wxDialog&) { return wxID_YES; }; // Save
    const wxString next = f.cell(1, 0);
    clickRow(f.list(), 1);
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == next; }));
    BOOST_REQUIRE(pumpUntil([&] { return storedName(f, card) == "保存的修改"; }));
}

BOOST_AUTO_TEST_CASE(keeping_my_edits_after_a_conflict_reached_through_a_search_keeps_them_and_shows_theirs) {
    FrameFixture f;
    const Member m = f.chineseMemberWithPhone();
    typeSearch(f, u8(m.card.str())); // one match: selected and shown at once
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(m.card.str()); }));
    f.detailText("detail.name").SetValue(u8("我的修改"));
    db::SociMemberRepository repo(f.other());
    Member theirs = *repo.findById(m.id);
    theirs.name = "同事的修改";
    repo.update(theirs, f.other().actor());

    dialogs().answer = [](wxDialog&) { return wxID_CANCEL; }; // "Keep editing"
    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([] { return !dialogs().shown.empty(); }));
    pumpFor(600ms); // the list runs the search again to show their change
    BOOST_TEST(f.detailText("detail.name").GetValue() == u8("我的修改"));
    BOOST_TEST(f.named<wxButton>("detail.save").IsEnabled());
    auto& other = f.named<wxStaticText>("detail.otherVersion");
    BOOST_TEST(other.IsShown());
    BOOST_TEST(other.GetLabel().Contains(u8("同事的修改")), "shown: " << other.GetLabel());

    FrameFixture::press(f.named<wxButton>("detail.save"));
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.message").GetLabel() == wxS("Saved."); }));
    BOOST_TEST(repo.findById(m.id)->name == "我的修改");
}

BOOST_AUTO_TEST_CASE(after_end_and_ctrl_home_the_detail_shows_the_selected_row) {
    FrameFixture f;
    selectRow(f, 0);
    const auto cards = f.cardsInOrder(db::SortColumn::Card, true);
    f.list().SetFocus();
    pumpFor(50ms);
    wxUIActionSimulator sim;
    sim.Char(WXK_END);
    BOOST_REQUIRE(pumpUntil([&] { return selectedRow(f) == f.list().GetItemCount() - 1; }));
    BOOST_REQUIRE_MESSAGE(
        pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(cards.back()); }),
        "after End the detail shows " << f.detailLabel("detail.card").GetLabel());
    sim.Char(WXK_HOME, wxMOD_CONTROL);
    BOOST_REQUIRE(pumpUntil([&] { return selectedRow(f) == 0; }));
    BOOST_REQUIRE_MESSAGE(
        pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(cards.front()); }),
        "after Ctrl+Home the detail shows " << f.detailLabel("detail.card").GetLabel());
}

BOOST_AUTO_TEST_CASE(a_new_search_with_several_or_no_matches_leaves_the_detail_empty) {
    FrameFixture f;
    selectRow(f, 0);
    typeSearch(f, commonSurname(f)); // several members
    BOOST_REQUIRE(pumpUntil([&] { return f.statusCount().Contains(wxS("match")); }));
    BOOST_REQUIRE(f.list().GetItemCount() > 1);
    BOOST_TEST(pumpUntil([&] { return detailFollowsSelection(f); }));

    selectRow(f, 0);
    typeSearch(f, wxS("nobody-has-this@example.invalid"));
    BOOST_REQUIRE(pumpUntil([&] { return f.list().GetItemCount() == 0; }));
    BOOST_TEST(pumpUntil([&] { return detailShowsNothing(f); }));
}

BOOST_AUTO_TEST_CASE(sorting_the_list_drops_the_selection_and_the_detail_with_it) {
    FrameFixture f;
    selectRow(f, 3);
    wxListEvent e(wxEVT_LIST_COL_CLICK, f.list().GetId());
    e.SetEventObject(&f.list());
    e.SetColumn(1); // Name
    f.list().GetEventHandler()->ProcessEvent(e);
    BOOST_TEST(selectedRow(f) == -1);
    BOOST_TEST(pumpUntil([&] { return detailShowsNothing(f); }));
}

BOOST_AUTO_TEST_CASE(ctrl_f_and_esc_return_to_the_search_box_with_its_text_selected) {
    FrameFixture f;
    const wxString surname = commonSurname(f);
    typeSearch(f, surname);
    BOOST_REQUIRE(pumpUntil([&] { return f.list().GetItemCount() > 1; }));
    for (const bool escape : {false, true}) {
        FrameFixture::click(f.list());
        pumpFor(100ms);
        BOOST_REQUIRE(wxWindow::FindFocus() != &f.searchBox());
        wxUIActionSimulator sim;
        if (escape)
            sim.Char(WXK_ESCAPE);
        else
            sim.Char('F', wxMOD_CONTROL);
        BOOST_REQUIRE_MESSAGE(pumpUntil([&] {
                                  wxWindow* focus = wxWindow::FindFocus();
                                  return focus &&
                                         (focus == &f.searchBox() || focus->GetParent() == &f.searchBox());
                              }),
                              (escape ? "Esc" : "Ctrl+F") << " did not focus the search box");
        long from = 0, to = 0;
        f.searchBox().GetSelection(&from, &to);
        BOOST_TEST(from == 0);
        BOOST_TEST(to == static_cast<long>(surname.length()));
    }
}

BOOST_AUTO_TEST_SUITE_END()
