#pragma once
// Helpers for GUI tests: the wx application is started once by a Boost global fixture
// (wx_fixture.cpp); each test opens a real MainFrame on a fresh demo database and drives it with
// wxUIActionSimulator and events, pumping the event loop until what it waits for is on screen.
#include "domain/member.h"
#include "gui/database_access.h"
#include "gui/main_frame.h"
#include "persistence/member_browser.h"
#include "tests/support/test_database.h"

#include <boost/test/tools/detail/print_helper.hpp>

#include <wx/dialog.h>
#include <wx/gdicmn.h>
#include <wx/modalhook.h>
#include <wx/string.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class wxListCtrl;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

// Boost.Test prints the operands of failed comparisons: wxString as UTF-8.
namespace boost::test_tools::tt_detail {
template <> struct print_log_value<wxString> {
    void operator()(std::ostream& os, const wxString& s) { os << '"' << s.utf8_str() << '"'; }
};
} // namespace boost::test_tools::tt_detail

namespace md::test {

using namespace std::chrono_literals;

/// Processes events (CallAfter results, timers, paints) until pred() holds or the time is up.
bool pumpUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 20s);
void pumpFor(std::chrono::milliseconds duration);

/// One simulated left click at a screen point. Waits first until the system's double-click interval
/// has passed since the previous simulated click: two quick clicks on the same spot (the same row
/// before and after a search) reach the list as a double click, which activates and never selects.
void clickAt(wxPoint screen);

/// Every modal dialog is answered here instead of being shown (a test must never hang on one).
class DialogRecorder : public wxModalDialogHook {
public:
    struct Shown {
        wxString title, message, extended;
    };
    std::vector<Shown> shown;
    /// The button "pressed"; default Cancel.
    std::function<int(wxDialog&)> answer;
    void reset() {
        shown.clear();
        answer = nullptr;
    }

protected:
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog*) override {}
};
DialogRecorder& dialogs();
/// wx assertion failures seen so far (each is also printed).
int assertCount();

/// How the tests' windows reach a database: the concrete store, as the executable's main() wires it.
gui::DatabaseAccess testAccess();

/// The wx wrappers of UTF-8 test data.
inline wxString u8(const std::string& s) {
    return wxString::FromUTF8(s.c_str());
}

/// A fresh demo database (loadDemo, fixed seed) and a MainFrame open on it, ready and counted.
class FrameFixture {
public:
    explicit FrameFixture(std::int64_t members = 2000);
    ~FrameFixture();

    /// A second connection, for checks and for "someone else" changing data meanwhile.
    db::Database& other() { return *m_other; }
    gui::MainFrame& frame() { return *m_frame; }
    /// Opens another frame on the same database (the fixture's is closed first if asked).
    void reopenFrame();
    /// The test closed the fixture's frame itself (it was replaced by another window).
    void forgetFrame() { m_frame = nullptr; }

    wxListCtrl& list();
    wxSearchCtrl& searchBox();
    wxTextCtrl& detailText(const char* name);
    wxStaticText& detailLabel(const char* name);
    template <class T> T& named(const char* name) {
        auto* w = dynamic_cast<T*>(wxWindow::FindWindowByName(name, m_frame));
        if (!w) throw std::runtime_error(std::string("no window named ") + name);
        return *w;
    }
    wxString cell(long row, int column);
    wxString statusCount();

    /// A member with a phone number and a Chinese name (the demo has plenty).
    Member chineseMemberWithPhone();
    /// The card numbers of all members in the given order, read through a second connection.
    std::vector<std::string> cardsInOrder(db::SortColumn column, bool ascending);

    /// Clicks the centre of a window (screen coordinates) with the simulator.
    static void click(wxWindow& w);
    /// Presses a button the way a click does (a command event), without needing it on screen.
    static void press(wxWindow& button);

    TestDatabase database;
    std::int64_t members;

private:
    void openFrame();
    void closeFrame();
    std::unique_ptr<db::Database> m_other;
    gui::MainFrame* m_frame = nullptr;
    int m_assertsAtStart = 0;
};

} // namespace md::test
