#pragma once
// Progress of long commands on stderr, and Ctrl-C as a clean cancel.
//
// On a terminal progress is one line rewritten in place; otherwise (a log file, a test harness) it is a
// line per stage and then at most one every few seconds, so logs stay short.
//
// Ctrl-C does not kill the process: the SIGINT handler only sets a flag, the progress callback sees it
// and returns false, and the work rolls back and throws md::Cancelled. A second Ctrl-C while the
// cancel is still unwinding falls back to the default action (terminate), for the impatient.
#include "domain/progress.h"

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace md::cli {

/// Installs the SIGINT handler (idempotent). Until then Ctrl-C terminates as usual.
void installInterruptHandler();
/// True once Ctrl-C was pressed after installInterruptHandler().
bool interruptRequested();

class ProgressLine {
public:
    /// interactive: rewrite one line with '\r' (pass isatty(STDERR_FILENO)).
    ProgressLine(std::ostream& err, bool interactive);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// The callback to hand to the work: shows p and returns false once Ctrl-C was pressed.
    ProgressFn callback();
    /// Shows the final state if the interval had held it back, and ends the in-place line so the
    /// next output starts on a fresh line.
    void finish();

    /// "Reading file: 1,234 of 56,789 (2%)" — for tests and the non-interactive lines.
    static std::string describe(const Progress& p);

private:
    bool show(const Progress& p);

    std::ostream& m_err;
    bool m_interactive;
    bool m_lineOpen = false;
    std::string m_lastStage;
    Progress m_latest; ///< the last report received, shown or not
    bool m_latestShown = true;
    std::chrono::steady_clock::time_point m_lastShown{};
};

/// 1234567 -> "1,234,567".
std::string groupThousands(std::uint64_t v);

} // namespace md::cli
