#include "cli/progress_line.h"

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace md::cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the SIGINT handler needs a lock-free flag");

extern "C" void onSigint(int) {
    if (g_interrupted.exchange(true)) {
        // Second Ctrl-C: the user does not want to wait for the rollback. Die the default way.
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
        return;
    }
    static const char msg[] = "\nCancelling (press Ctrl-C again to force quit)...\n";
    // write(2) is async-signal-safe; iostreams are not.
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
}

constexpr auto kInteractiveInterval = std::chrono::milliseconds(100);
constexpr auto kLogInterval = std::chrono::seconds(5);

} // namespace

void installInterruptHandler() {
    struct sigaction sa {};
    sa.sa_handler = onSigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART; // let blocking reads and database I/O carry on; the flag is polled
    sigaction(SIGINT, &sa, nullptr);
}

bool interruptRequested() {
    return g_interrupted.load();
}

std::string groupThousands(std::uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string ProgressLine::describe(const Progress& p) {
    std::string s = p.stage.empty() ? "Working" : p.stage;
    s += ": " + groupThousands(p.done);
    if (p.total > 0) {
        const auto pct = p.done >= p.total ? 100 : p.done * 100 / p.total;
        s += " of " + groupThousands(p.total) + " (" + std::to_string(pct) + "%)";
    }
    return s;
}

ProgressLine::ProgressLine(std::ostream& err, bool interactive) : m_err(err), m_interactive(interactive) {}

ProgressLine::~ProgressLine() {
    finish();
}

ProgressFn ProgressLine::callback() {
    return [this](const Progress& p) { return show(p); };
}

bool ProgressLine::show(const Progress& p) {
    const auto now = std::chrono::steady_clock::now();
    m_latest = p;
    m_latestShown = false;
    const bool newStage = p.stage != m_lastStage;
    const auto interval = m_interactive ? std::chrono::steady_clock::duration(kInteractiveInterval)
                                        : std::chrono::steady_clock::duration(kLogInterval);
    if (newStage || now - m_lastShown >= interval) {
        if (m_interactive) {
            // "\x1b[K" clears what a longer previous text left on the line.
            m_err << '\r' << describe(p) << "\x1b[K" << std::flush;
            m_lineOpen = true;
        } else {
            m_err << describe(p) << '\n' << std::flush;
        }
        m_lastStage = p.stage;
        m_lastShown = now;
        m_latestShown = true;
    }
    return !interruptRequested();
}

void ProgressLine::finish() {
    if (!m_latestShown) {
        if (m_interactive) {
            m_err << '\r' << describe(m_latest) << "\x1b[K";
            m_lineOpen = true;
        } else {
            m_err << describe(m_latest) << '\n' << std::flush;
        }
        m_latestShown = true;
    }
    if (m_lineOpen) {
        m_err << '\n' << std::flush;
        m_lineOpen = false;
    }
}

} // namespace md::cli
