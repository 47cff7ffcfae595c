#pragma once
// Runs the real memberdesk-cli binary (MEMBERDESK_CLI_PATH) as a child process and captures its
// stdout, stderr and exit status, as a user's shell would see them.
#include <chrono>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace md::test {

struct CliResult {
    int exitCode = -1; ///< the exit status, or 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

/// Changes to the inherited environment for the child: variables to set and variables to remove.
struct CliEnv {
    std::map<std::string, std::string> set;
    std::vector<std::string> unset;
    /// When set, the child's stdout goes to this file (e.g. /dev/full) instead of being captured.
    std::string stdoutTo;
    /// When set, the CLI runs through this command (absolute path first), e.g. setpriv to drop root.
    std::vector<std::string> prefix;
};

/// The binary under test: $MEMBERDESK_TEST_CLI when set (to run the suite against another build,
/// e.g. the one before a fix), else the memberdesk-cli built with these tests.
std::string cliPath();

/// Runs memberdesk-cli with args and waits for it (killed after the timeout, which fails the run).
CliResult runCli(const std::vector<std::string>& args, const CliEnv& env = {},
                 std::chrono::seconds timeout = std::chrono::seconds(120));

/// A memberdesk-cli still running, for tests that interact with it (Ctrl-C).
class RunningCli {
public:
    explicit RunningCli(const std::vector<std::string>& args, const CliEnv& env = {});
    ~RunningCli(); ///< kills the child if still running
    RunningCli(const RunningCli&) = delete;
    RunningCli& operator=(const RunningCli&) = delete;

    /// Reads output until stderr contains text or the child exits; true when the text appeared.
    bool waitForStderr(const std::string& text, std::chrono::milliseconds timeout);
    void sendSignal(int sig);
    /// Waits for the exit and returns everything captured.
    CliResult wait(std::chrono::seconds timeout = std::chrono::seconds(120));

private:
    void pump(int timeoutMs);

    pid_t m_pid = -1;
    int m_outFd = -1, m_errFd = -1;
    CliResult m_result;
    bool m_exited = false;
};

/// Reads a whole file (binary); empty when missing.
std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& text);

} // namespace md::test
