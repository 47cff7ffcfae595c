#include "tests/gui/gui_fixture.h"
#include "gui/member_browser_panel.h"
#include <boost/test/unit_test.hpp>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <fstream>
#include <iostream>
using namespace md; using namespace md::test;
static long rssKb() { std::ifstream f("/proc/self/status"); std::string l; while (std::getline(f,l)) if (l.rfind("VmRSS",0)==0) return std::stol(l.substr(6)); return 0; }
BOOST_AUTO_TEST_CASE(zz_big_probe) {
    const char* url = std::getenv("BIG_DB"); if (!url) return;
    auto t0 = std::chrono::steady_clock::now();
    auto ms = [&]{ return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now()-t0).count(); };
    std::cout << "rss before " << rssKb()/1024 << " MB\n";
    auto* f = new gui::MainFrame(db::DatabaseUrl::parse(url)); f->Show();
    auto& list = *dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("browser.list", f));
    pumpUntil([&]{ return list.GetItemCount() > 0; }, 60s); std::cout << "count shown " << ms() << " ms: " << f->GetStatusBar()->GetStatusText(1).utf8_str() << "\n";
    pumpUntil([&]{ return list.GetItemText(0,0) != wxS("…"); }, 60s); std::cout << "first rows " << ms() << " ms\n";
    t0 = std::chrono::steady_clock::now();
    list.EnsureVisible(800000);
    pumpUntil([&]{ return list.GetItemText(800000,0) != wxS("…"); }, 60s); std::cout << "row 800000 " << ms() << " ms " << list.GetItemText(800000,0).utf8_str() << "\n";
    t0 = std::chrono::steady_clock::now();
    wxListEvent e(wxEVT_LIST_COL_CLICK, list.GetId()); e.SetColumn(1); e.SetEventObject(&list); list.GetEventHandler()->ProcessEvent(e);
    pumpUntil([&]{ return list.GetItemText(800000,0) != wxS("…"); }, 60s); std::cout << "sorted by name, row 800000 " << ms() << " ms " << list.GetItemText(800000,1).utf8_str() << "\n";
    for (int i = 0; i < 300; ++i) { list.EnsureVisible(i * 3000L); pumpFor(5ms); }
    pumpFor(2000ms);
    std::cout << "rss after scrolling " << rssKb()/1024 << " MB\n";
    auto& search = *dynamic_cast<wxSearchCtrl*>(wxWindow::FindWindowByName("browser.search", f));
    t0 = std::chrono::steady_clock::now();
    search.SetValue(wxS("139 8250 9235"));
    pumpUntil([&]{ return f->GetStatusBar()->GetStatusText(1).Contains("match"); }, 60s); std::cout << "phone search " << ms() << " ms (incl. 150 ms debounce): " << f->GetStatusBar()->GetStatusText(1).utf8_str() << "\n";
    t0 = std::chrono::steady_clock::now();
    search.SetValue(wxString::FromUTF8("王"));
    pumpUntil([&]{ return f->GetStatusBar()->GetStatusText(1).Contains("of 1,000,000") && !f->GetStatusBar()->GetStatusText(1).StartsWith("1 of"); }, 60s); std::cout << "surname search " << ms() << " ms: " << f->GetStatusBar()->GetStatusText(1).utf8_str() << "\n";
    std::cout << "rss end " << rssKb()/1024 << " MB\n";
    f->Close(true); pumpUntil([]{ return wxTopLevelWindows.empty(); });
}
