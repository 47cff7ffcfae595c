// The wx application for the GUI tests, started once for the whole module, and the FrameFixture.
#include "tests/gui/gui_fixture.h"

#include "demo/demo_generator.h"
#include "gui/member_browser_panel.h"
#include "gui/ui_helpers.h"
#include "persistence/demo_loader.h"
#include "persistence/member_browser.h"
#include "persistence/member_repository.h"
#include "persistence/soci_data_store.h"

#include <boost/test/unit_test.hpp>

#include <wx/app.h>
#include <wx/button.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/listctrl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>
#include <wx/utils.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace md::test {

namespace {
int g_asserts = 0;

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; } // no command line, no window: tests make their own
};

void recordAssert(const wxString& file, int line, const wxString& func, const wxString& cond,
                  const wxString& msg) {
    ++g_asserts;
    std::cerr << "wx assertion failed: " << cond.utf8_str() << " " << msg.utf8_str() << " at "
              << file.utf8_str() << ":" << line << " in " << func.utf8_str() << "\n";
}

struct WxApplication {
    WxApplication() {
        if (!std::getenv("DISPLAY"))
            throw std::runtime_error(
                "DISPLAY is not set: run the GUI tests through ./test.sh (it starts Xvfb)");
        wxApp::SetInstance(new TestApp);
        static int argc = 1;
        static char name[] = "test_gui";
        static char* argv[] = {name, nullptr};
        if (!wxEntryStart(argc, argv)) throw std::runtime_error("wxWidgets could not be initialised");
        wxTheApp->CallOnInit();
        gui::ensureUtf8Ctype(); // as the application does after choosing its locale
        wxSetAssertHandler(recordAssert);
        delete wxLog::SetActiveTarget(new wxLogStderr); // log messages must not pop up dialogs
        // Remembered layouts go to a scratch file, never to the user's ~/.memberdesk.
        configFile = std::filesystem::temp_directory_path() /
                     ("memberdesk-gui-test-" + std::to_string(getpid()) + ".ini");
        delete wxConfigBase::Set(
            new wxFileConfig(wxS("memberdesk-test"), {}, configFile.string(), {}, wxCONFIG_USE_LOCAL_FILE));
        dialogs().Register();
    }
    ~WxApplication() {
        dialogs().Unregister();
        delete wxConfigBase::Set(nullptr);
        std::error_code ignored;
        std::filesystem::remove(configFile, ignored);
        wxTheApp->OnExit();
        wxEntryCleanup();
    }
    std::filesystem::path configFile;
};
BOOST_TEST_GLOBAL_FIXTURE(WxApplication);
} // namespace

gui::DatabaseAccess testAccess() {
    gui::DatabaseAccess access;
    access.open = [](const std::string& address) { return db::openDataStore(address); };
    access.display = [](const std::string& address) { return db::DatabaseUrl::parse(address).display(); };
    access.defaultAddress = [] { return db::DatabaseUrl::fromEnvironmentOrDefault().display(); };
    return access;
}

int DialogRecorder::Enter(wxDialog* dialog) {
    Shown s{dialog->GetTitle(), {}, {}};
    if (auto* box = dynamic_cast<wxMessageDialog*>(dialog)) {
        s.message = box->GetMessage();
        s.extended = box->GetExtendedMessage();
    }
    shown.push_back(s);
    return answer ? answer(*dialog) : wxID_CANCEL;
}

DialogRecorder& dialogs() {
    static DialogRecorder recorder;
    return recorder;
}

int assertCount() {
    return g_asserts;
}

bool pumpUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        wxTheApp->Yield(true);
        if (pred()) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(3ms);
    }
}

void pumpFor(std::chrono::milliseconds duration) {
    pumpUntil([] { return false; }, duration);
}

// ---- FrameFixture ---------------------------------------------------------------------------

FrameFixture::FrameFixture(std::int64_t memberCount) : members(memberCount) {
    m_assertsAtStart = assertCount();
    dialogs().reset();
    m_other = database.open();
    DemoOptions options;
    options.members = memberCount;
    options.seed = 7;
    db::loadDemo(*m_other, DemoGenerator(options));
    openFrame();
}

FrameFixture::~FrameFixture() {
    closeFrame();
    dialogs().reset();
    BOOST_CHECK_MESSAGE(assertCount() == m_assertsAtStart,
                        "wx assertions failed during the test (see stderr)");
}

void FrameFixture::openFrame() {
    m_frame = new gui::MainFrame(testAccess(), database.urlText());
    m_frame->Show();
    m_frame->Raise();
    const wxString expected = gui::formatCount(members) + wxS(" members");
    const bool ready = pumpUntil(
        [&] { return m_frame->isReady() && statusCount() == expected && list().GetItemCount() == members; });
    if (!ready)
        throw std::runtime_error("the main frame did not show the member count; status: " +
                                 std::string(statusCount().utf8_str()));
}

void FrameFixture::closeFrame() {
    if (!m_frame) return;
    m_frame->Close(true);
    m_frame = nullptr;
    // Destroy() is deferred to idle time: let it happen before the database goes away.
    pumpUntil([] { return wxTopLevelWindows.empty(); }, 10s);
}

void FrameFixture::reopenFrame() {
    closeFrame();
    openFrame();
}

wxListCtrl& FrameFixture::list() {
    return named<wxListCtrl>("browser.list");
}
wxSearchCtrl& FrameFixture::searchBox() {
    return named<wxSearchCtrl>("browser.search");
}
wxTextCtrl& FrameFixture::detailText(const char* name) {
    return named<wxTextCtrl>(name);
}
wxStaticText& FrameFixture::detailLabel(const char* name) {
    return named<wxStaticText>(name);
}

wxString FrameFixture::cell(long row, int column) {
    return list().GetItemText(row, column);
}

wxString FrameFixture::statusCount() {
    return m_frame->GetStatusBar()->GetStatusText(1);
}

Member FrameFixture::chineseMemberWithPhone() {
    db::SociMemberRepository repo(*m_other);
    for (std::int64_t id = 1; id <= members; ++id) {
        auto m = repo.findById(id);
        if (m && m->phone && !m->name.empty() && static_cast<unsigned char>(m->name[0]) >= 0x80) return *m;
    }
    throw std::runtime_error("the demo has no member with a Chinese name and a phone");
}

std::vector<std::string> FrameFixture::cardsInOrder(db::SortColumn column, bool ascending) {
    db::MemberBrowser browser(*m_other, column, ascending);
    std::vector<std::string> cards;
    std::optional<db::RowKey> after;
    for (;;) {
        auto page = browser.pageAfter(after, 500);
        if (page.empty()) break;
        for (const auto& r : page)
            cards.push_back(r.card);
        after = browser.keyOf(page.back());
    }
    return cards;
}

void clickAt(wxPoint screen) {
    static std::chrono::steady_clock::time_point lastClick;
    const int metric = wxSystemSettings::GetMetric(wxSYS_DCLICK_MSEC);
    const auto interval = std::chrono::milliseconds(metric > 0 ? metric : 500) + 100ms;
    const auto since = std::chrono::steady_clock::now() - lastClick;
    if (since < interval) pumpFor(std::chrono::duration_cast<std::chrono::milliseconds>(interval - since));
    wxUIActionSimulator sim;
    sim.MouseMove(screen);
    pumpFor(30ms);
    sim.MouseClick();
    lastClick = std::chrono::steady_clock::now();
    pumpFor(30ms);
}

void FrameFixture::click(wxWindow& w) {
    // The simulator clicks whatever is on top at that point of the screen: make it our window.
    wxGetTopLevelParent(&w)->Raise();
    pumpFor(50ms);
    const wxRect r = w.GetScreenRect();
    clickAt(wxPoint(r.GetLeft() + r.GetWidth() / 2, r.GetTop() + r.GetHeight() / 2));
}

void FrameFixture::press(wxWindow& button) {
    wxCommandEvent e(wxEVT_BUTTON, button.GetId());
    e.SetEventObject(&button);
    button.GetEventHandler()->ProcessEvent(e);
}

} // namespace md::test
