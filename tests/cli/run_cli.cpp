#include "tests/cli/run_cli.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace md::test {

namespace {

std::vector<std::string> childEnvironment(const CliEnv& env) {
    std::vector<std::string> out;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        bool drop = env.set.count(name) > 0;
        for (const auto& u : env.unset)
            drop = drop || u == name;
        if (!drop) out.push_back(entry);
    }
    for (const auto& [k, v] : env.set)
        out.push_back(k + "=" + v);
    return out;
}

int decodeStatus(int status) {
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

} // namespace

std::string cliPath() {
    if (const char* p = std::getenv("MEMBERDESK_TEST_CLI"); p && *p) return p;
    return MEMBERDESK_CLI_PATH;
}

RunningCli::RunningCli(const std::vector<std::string>& args, const CliEnv& env) {
    int outPipe[2], errPipe[2];
    if (pipe(outPipe) != 0 || pipe(errPipe) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (env.stdoutTo.empty())
        posix_spawn_file_actions_adddup2(&fa, outPipe[1], STDOUT_FILENO);
    else
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, env.stdoutTo.c_str(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_adddup2(&fa, errPipe[1], STDERR_FILENO);
    for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
        posix_spawn_file_actions_addclose(&fa, fd);

    std::vector<std::string> argStrings = env.prefix;
    argStrings.push_back(cliPath());
    const std::string program = argStrings.front();
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    auto envStrings = childEnvironment(env);
    std::vector<char*> envp;
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const int rc = posix_spawn(&m_pid, program.c_str(), &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    close(outPipe[1]);
    close(errPipe[1]);
    m_outFd = outPipe[0];
    m_errFd = errPipe[0];
    if (rc != 0) throw std::runtime_error("cannot start " + program + ": " + std::strerror(rc));
}

RunningCli::~RunningCli() {
    if (!m_exited && m_pid > 0) {
        kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
    }
    if (m_outFd >= 0) close(m_outFd);
    if (m_errFd >= 0) close(m_errFd);
}

// Reads whatever is available on stdout and stderr (both, so a full pipe never blocks the child).
void RunningCli::pump(int timeoutMs) {
    pollfd fds[2] = {{m_outFd, POLLIN, 0}, {m_errFd, POLLIN, 0}};
    const int n = poll(fds, 2, timeoutMs);
    if (n <= 0) return;
    char buf[65536];
    for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const ssize_t got = read(fds[i].fd, buf, sizeof buf);
        if (got > 0) {
            (i == 0 ? m_result.out : m_result.err).append(buf, static_cast<std::size_t>(got));
        } else if (got == 0 || (got < 0 && errno != EINTR)) {
            close(fds[i].fd);
            (i == 0 ? m_outFd : m_errFd) = -1;
        }
    }
}

bool RunningCli::waitForStderr(const std::string& text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_result.err.find(text) == std::string::npos) {
        if (m_errFd < 0 || std::chrono::steady_clock::now() > deadline) return false;
        pump(50);
    }
    return true;
}

void RunningCli::sendSignal(int sig) {
    if (!m_exited) kill(m_pid, sig);
}

CliResult RunningCli::wait(std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_outFd >= 0 || m_errFd >= 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(m_pid, SIGKILL);
            m_result.err += "\n[test harness: killed after timeout]";
            break;
        }
        pump(100);
    }
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
    }
    m_exited = true;
    m_result.exitCode = decodeStatus(status);
    return m_result;
}

CliResult runCli(const std::vector<std::string>& args, const CliEnv& env, std::chrono::seconds timeout) {
    RunningCli cli(args, env);
    return cli.wait(timeout);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

} // namespace md::test
