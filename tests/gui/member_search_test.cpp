// An agent finds a caller by typing into the search box; the detail pane shows the member.
#include "tests/gui/gui_fixture.h"

#include "domain/member_query.h"
#include "gui/member_browser_panel.h"
#include "gui/member_detail_panel.h"
#include "gui/ui_helpers.h"
#include "persistence/member_repository.h"

#include <boost/test/unit_test.hpp>

#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

using namespace md;
using namespace md::test;

namespace {
std::string firstUtf8Character(const std::string& s) {
    std::size_t n = 1;
    while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        ++n;
    return s.substr(0, n);
}

/// Clicks on a row of the list (the simulator needs it on screen).
void clickRow(wxListCtrl& list, long row) {
    wxRect r;
    BOOST_REQUIRE(list.GetItemRect(row, r));
    const wxPoint centre = list.ClientToScreen(wxPoint(r.GetLeft() + 40, r.GetTop() + r.GetHeight() / 2));
    clickAt(centre);
}
} // namespace

BOOST_AUTO_TEST_SUITE(member_search)

BOOST_AUTO_TEST_CASE(typing_a_phone_number_lists_that_member_and_selecting_it_shows_the_detail) {
    FrameFixture f;
    const Member m = f.chineseMemberWithPhone();
    const std::string typed = m.phone->display(); // "138 0013 8000", as an agent hears it

    FrameFixture::click(f.searchBox());
    wxUIActionSimulator sim;
    sim.Text(typed.c_str());
    BOOST_REQUIRE_MESSAGE(pumpUntil([&] { return f.searchBox().GetValue() == u8(typed); }),
                          "the typed text did not arrive in the search box: '" << f.searchBox().GetValue()
                                                                               << "'");

    BOOST_REQUIRE_MESSAGE(pumpUntil([&] {
                              return f.list().GetItemCount() >= 1 && f.list().GetItemCount() < 10 &&
                                     f.cell(0, 0) == u8(m.card.str());
                          }),
                          "the list did not narrow to the member; first row: " << f.cell(0, 0));
    BOOST_TEST(f.cell(0, 1) == u8(m.name));
    BOOST_TEST(f.statusCount().Contains(wxS(" of 2,000 members match")));

    clickRow(f.list(), 0);
    BOOST_REQUIRE(pumpUntil([&] { return f.detailLabel("detail.card").GetLabel() == u8(m.card.str()); }));
    BOOST_TEST(f.detailText("detail.name").GetValue() == u8(m.name));
    BOOST_TEST(f.detailText("detail.phone").GetValue() == u8(m.phone->display()));
    BOOST_TEST(f.list().GetItemState(0, wxLIST_STATE_SELECTED) == wxLIST_STATE_SELECTED);
}

BOOST_AUTO_TEST_CASE(typing_the_last_four_digits_lists_every_member_whose_phone_ends_with_them) {
    FrameFixture f;
    const Member m = f.chineseMemberWithPhone();
    const std::string digits = m.phone->digits();
    const std::string last4 = digits.substr(digits.size() - 4);

    FrameFixture::click(f.searchBox());
    wxUIActionSimulator sim;
    sim.Text(last4.c_str());

    const auto expected = db::SociMemberRepository(f.other()).count(classifyQuery(last4));
    BOOST_REQUIRE(pumpUntil([&] { return f.list().GetItemCount() == expected; }));
    bool found = false;
    for (long row = 0; row < f.list().GetItemCount(); ++row) {
        const wxString phone = f.cell(row, 2);
        wxString phoneDigits;
        for (wxUniChar c : phone)
            if (c >= '0' && c <= '9') phoneDigits += c;
        BOOST_TEST(phoneDigits.EndsWith(u8(last4)), "row " << row << " phone " << phone);
        found = found || f.cell(row, 0) == u8(m.card.str());
    }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(typing_a_chinese_surname_lists_members_with_that_surname) {
    FrameFixture f;
    const Member m = f.chineseMemberWithPhone();
    const std::string surname = firstUtf8Character(m.name);

    // The simulator types ASCII only; Chinese arrives through an input method, i.e. as a text change.
    FrameFixture::click(f.searchBox());
    f.searchBox().SetValue(u8(surname));

    const auto matches = db::SociMemberRepository(f.other()).count(classifyQuery(surname));
    BOOST_REQUIRE_GT(matches, 0);
    BOOST_REQUIRE_MESSAGE(
        pumpUntil([&] { return f.statusCount().StartsWith(gui::formatCount(matches) + wxS(" of 2,000")); }),
        "status: " << f.statusCount());
    const long rows = f.list().GetItemCount();
    BOOST_TEST(rows == std::min<std::int64_t>(matches, gui::MemberBrowserPanel::kSearchLimit));
    for (long row = 0; row < rows; ++row)
        BOOST_TEST(f.cell(row, 1).StartsWith(u8(surname)), "row " << row);
}

BOOST_AUTO_TEST_CASE(clearing_the_search_shows_all_members_again) {
    FrameFixture f;
    f.searchBox().SetValue(wxS("nobody-by-this-name"));
    BOOST_REQUIRE(
        pumpUntil([&] { return f.list().GetItemCount() == 0 && f.statusCount().Contains(wxS("match")); }));
    f.searchBox().SetValue({});
    BOOST_REQUIRE(pumpUntil(
        [&] { return f.list().GetItemCount() == 2000 && f.statusCount() == wxS("2,000 members"); }));
    BOOST_REQUIRE(pumpUntil([&] { return f.cell(0, 0) != wxS("…"); }));
}

BOOST_AUTO_TEST_CASE(fewer_than_four_digits_search_nothing_and_say_why) {
    FrameFixture f;
    f.searchBox().SetValue(wxS("13"));
    BOOST_REQUIRE(pumpUntil([&] { return f.list().GetItemCount() == 0; }));
    BOOST_TEST(f.statusCount().Contains(wxS("4 or more digits")));
}

BOOST_AUTO_TEST_SUITE_END()
