// The member list with an empty search: every member, served by keyset pages on a worker.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/loyalty_support.h"

#include "gui/member_browser_panel.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/listctrl.h>
#include <wx/srchctrl.h>

using namespace md;
using namespace md::test;

namespace {
void clickColumnHeader(wxListCtrl& list, int column) {
    wxListEvent e(wxEVT_LIST_COL_CLICK, list.GetId());
    e.SetEventObject(&list);
    e.SetColumn(column);
    list.GetEventHandler()->ProcessEvent(e);
}

/// Scrolls the row into view and waits until its page has arrived.
bool showRow(FrameFixture& f, long row) {
    f.list().EnsureVisible(row);
    return pumpUntil([&] { return f.cell(row, 0) != wxS("…"); });
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_browser)

BOOST_AUTO_TEST_CASE(an_empty_search_lists_all_members_in_card_order) {
    FrameFixture f; // waits for "2,000 members" in the status bar and 2,000 rows
    const auto cards = f.cardsInOrder(db::SortColumn::Card, true);
    BOOST_REQUIRE_EQUAL(cards.size(), 2000u);
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) == u8(cards[0]); }));
    BOOST_TEST(f.cell(1, 0) == u8(cards[1]));
}

BOOST_AUTO_TEST_CASE(rows_far_down_the_list_are_fetched_by_their_own_keyset_page) {
    FrameFixture f;
    const auto cards = f.cardsInOrder(db::SortColumn::Card, true);
    // Rows on both sides of page boundaries (pages are 0..200, 201..400, ...), and the very last.
    for (long row : {1999L, 1000L, 1001L, 200L, 201L, 1500L}) {
        BOOST_REQUIRE_MESSAGE(showRow(f, row), "row " << row << " never arrived");
        BOOST_TEST(f.cell(row, 0) == u8(cards[row]), "row " << row);
    }
}

BOOST_AUTO_TEST_CASE(clicking_a_column_header_sorts_by_it_and_clicking_again_reverses) {
    FrameFixture f;
    const auto byJoinAsc = f.cardsInOrder(db::SortColumn::JoinDate, true);
    const auto byJoinDesc = f.cardsInOrder(db::SortColumn::JoinDate, false);

    clickColumnHeader(f.list(), 4); // Joined
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) == u8(byJoinAsc[0]); }));
    BOOST_TEST(f.cell(1, 0) == u8(byJoinAsc[1]));
    BOOST_TEST(f.cell(0, 4) <= f.cell(1, 4));
    BOOST_REQUIRE(showRow(f, 1800));
    BOOST_TEST(f.cell(1800, 0) == u8(byJoinAsc[1800]));

    clickColumnHeader(f.list(), 4);
    f.list().EnsureVisible(0);
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) == u8(byJoinDesc[0]); }));
    BOOST_TEST(f.cell(0, 4) >= f.cell(1, 4));
    BOOST_TEST(f.list().GetItemCount() == 2000);
}

BOOST_AUTO_TEST_CASE(a_member_saved_elsewhere_in_the_app_shows_its_new_name_in_the_list) {
    FrameFixture f;
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) != wxS("…"); }));
    db::SociMemberRepository repo(f.other());
    auto m = repo.findByCard(std::string(f.cell(0, 0).utf8_str()));
    BOOST_REQUIRE(m);
    m->name = "改过的名字";
    repo.update(*m, f.other().actor());

    f.frame().browser().refreshRows(); // what the detail pane triggers after its own saves
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 1) == u8("改过的名字"); }));
}

BOOST_AUTO_TEST_CASE(a_search_result_list_can_be_sorted_in_memory) {
    FrameFixture f;
    const std::string name = f.chineseMemberWithPhone().name;
    f.searchBox().SetValue(u8(name.substr(0, 3))); // the surname: one CJK character is 3 bytes
    BOOST_REQUIRE(
        pumpUntil([&] { return f.statusCount().Contains(wxS("match")) && f.list().GetItemCount() > 2; }));
    clickColumnHeader(f.list(), 6); // Orders, ascending
    pumpFor(50ms);
    const long n = f.list().GetItemCount();
    long previous = -1;
    for (long row = 0; row < n; ++row) {
        long orders = 0;
        wxString text = f.cell(row, 6);
        text.Replace(wxS(","), wxS(""));
        BOOST_REQUIRE(text.ToLong(&orders));
        BOOST_TEST(orders >= previous, "row " << row);
        previous = orders;
    }
}

BOOST_AUTO_TEST_CASE(the_tier_and_points_columns_show_the_loyalty_figures_and_sort_by_them) {
    FrameFixture f;
    setUpDemoProgramme(f);
    f.frame().browser().reload(); // the programme and its tier names arrived after the list opened
    const auto byPointsDesc = f.cardsInOrder(db::SortColumn::Points, false);
    clickColumnHeader(f.list(), 9); // Points, ascending
    clickColumnHeader(f.list(), 9); // descending: the members with the most points first
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) == u8(byPointsDesc[0]); }));
    const auto number = [](wxString text) {
        text.Replace(wxS(","), wxS(""));
        long v = 0;
        text.ToLong(&v);
        return v;
    };
    BOOST_TEST(number(f.cell(0, 9)) > 0);
    for (long row = 1; row < 20; ++row)
        BOOST_TEST(number(f.cell(row, 9)) <= number(f.cell(row - 1, 9)), "row " << row);
    BOOST_REQUIRE(showRow(f, 1990)); // the members without points are at the end, 0 each
    BOOST_TEST(f.cell(1990, 0) == u8(byPointsDesc[1990]));
    BOOST_REQUIRE(showRow(f, 1999));
    BOOST_TEST(number(f.cell(1999, 9)) <= number(f.cell(1990, 9)));

    const auto byTier = f.cardsInOrder(db::SortColumn::Tier, false);
    clickColumnHeader(f.list(), 8);
    clickColumnHeader(f.list(), 8); // highest tier first
    f.list().EnsureVisible(0);
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) == u8(byTier[0]); }));
    BOOST_TEST(f.cell(0, 8).Contains(wxS(" ")), "tier shown by name: " << f.cell(0, 8)); // "黑卡 Black"
}

BOOST_AUTO_TEST_SUITE_END()
