// Nothing cut off or off-screen: the list's columns share the window's width at 1024×768 and
// 1920×1080, the recent transactions grow with the pane, and the app starts without GTK or pixman
// warnings (issue 5, desktop defects).
#include "tests/gui/gui_fixture.h"

#include "gui/member_detail_panel.h"

#include <boost/test/unit_test.hpp>

#include <wx/listctrl.h>
#include <wx/stattext.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace md;
using namespace md::test;

namespace {
int columnsWidth(wxListCtrl& list) {
    int total = 0;
    for (int c = 0; c < list.GetColumnCount(); ++c)
        total += list.GetColumnWidth(c);
    return total;
}

void resize(FrameFixture& f, int width, int height) {
    f.frame().SetSize(width, height);
    f.frame().Layout();
    pumpFor(300ms);
}

/// Runs a shell command and returns what it wrote on stderr and stdout.
std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return out;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), buf.size(), pipe))
        out += buf.data();
    pclose(pipe);
    return out;
}
} // namespace

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(at_1024_by_768_the_list_columns_fit_the_window_and_orders_and_revenue_stay_visible) {
    FrameFixture f;
    resize(f, 1024, 768);
    auto& list = f.list();
    BOOST_TEST(columnsWidth(list) <= list.GetClientSize().GetWidth());
    for (int c : {0, 1, 2, 5, 6, 7}) {
        wxListItem item;
        item.SetMask(wxLIST_MASK_TEXT);
        list.GetColumn(c, item);
        BOOST_TEST(list.GetColumnWidth(c) >= list.GetTextExtent(item.GetText()).GetWidth(), "column " << c);
    }
    BOOST_TEST(list.GetColumnWidth(0) >= list.GetTextExtent(wxS("MD00000000")).GetWidth());
}

BOOST_AUTO_TEST_CASE(at_1920_by_1080_the_list_columns_use_the_whole_width) {
    FrameFixture f;
    resize(f, 1920, 1080);
    auto& list = f.list();
    const int client = list.GetClientSize().GetWidth();
    BOOST_TEST(columnsWidth(list) <= client);
    BOOST_TEST(columnsWidth(list) >= client * 9 / 10, "columns " << columnsWidth(list) << " of " << client);
    for (int c = 0; c < list.GetColumnCount(); ++c)
        BOOST_TEST(list.GetColumnWidth(c) > 0, "column " << c);
}

BOOST_AUTO_TEST_CASE(the_recent_transactions_list_grows_with_the_pane) {
    FrameFixture f;
    f.frame().detail().showMember(3);
    BOOST_REQUIRE(pumpUntil([&] { return f.frame().detail().memberId() == 3; }));
    resize(f, 1024, 768);
    auto& recent = f.named<wxListCtrl>("detail.recent");
    const int small = recent.GetSize().GetHeight();
    resize(f, 1400, 1080);
    const int large = recent.GetSize().GetHeight();
    BOOST_TEST(large > small + 150, "height at 768: " << small << ", at 1080: " << large);
}

BOOST_AUTO_TEST_CASE(the_app_starts_without_gtk_critical_or_pixman_warnings) {
    FrameFixture f; // a demo database to open
    const auto home = f.database.dir() / "home";
    std::filesystem::create_directories(home);
    const std::string output =
        run("HOME='" + home.string() + "' XDG_CONFIG_HOME='" + home.string() +
            "' MEMBERDESK_STARTUP_PROBE=exit '" MEMBERDESK_GUI_PATH "' --db '" + f.database.urlText() + "'");
    BOOST_TEST(output.find("startup:") != std::string::npos, "output: " << output); // it did start
    for (const char* bad : {"CRITICAL", "pixman", "Gtk-WARNING", "GLib-GObject-WARNING", "assert"})
        BOOST_TEST(output.find(bad) == std::string::npos, bad << " in: " << output);
}

BOOST_AUTO_TEST_SUITE_END()
