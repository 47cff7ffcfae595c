#include "gui/startup_probe.h"

#include <wx/app.h>
#include <wx/timer.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

namespace md::gui::startup_probe {

namespace {
using Clock = std::chrono::steady_clock;
Clock::time_point g_shown;
bool g_armed = false;
bool g_painted = false;

long residentKb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    long kb = 0;
    while (status >> key) {
        if (key == "VmRSS:") {
            status >> kb;
            return kb;
        }
        status.ignore(4096, '\n');
    }
    return 0;
}

// Memory is read a few seconds after the first paint, once the page anchors and neighbouring pages
// have arrived: that is the steady state a user sees, not the transient at first paint.
void reportLater(double firstPaintMs) {
    auto* timer = new wxTimer;
    timer->Bind(wxEVT_TIMER, [timer, firstPaintMs](wxTimerEvent&) {
        std::fprintf(stderr,
                     "startup: first rows painted %.0f ms after the window showed; resident memory %.1f MB\n",
                     firstPaintMs, residentKb() / 1024.0);
        const char* mode = std::getenv("MEMBERDESK_STARTUP_PROBE");
        if (mode && std::strcmp(mode, "exit") == 0 && wxTheApp) wxTheApp->ExitMainLoop();
        timer->Stop();
    });
    timer->StartOnce(4000);
}
} // namespace

void windowShown() {
    g_armed = std::getenv("MEMBERDESK_STARTUP_PROBE") != nullptr;
    g_shown = Clock::now();
}

void firstRowPainted() {
    if (!g_armed || g_painted) return;
    g_painted = true;
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - g_shown).count();
    reportLater(ms);
}

} // namespace md::gui::startup_probe
