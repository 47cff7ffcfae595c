#include "tests/campaigns/peers.h"

#include "domain/utf8.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace md::test {

namespace {

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <class F> auto waitFor(F f) {
    for (int i = 0; i < 200; ++i) {
        if (auto r = f(); !r.empty()) return r;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return decltype(f()){};
}

} // namespace

std::string peerEnv(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v)
        BOOST_FAIL(std::string(name) +
                   " is not set: start the peers with scripts/test-servers.sh start DIR and "
                   "source DIR/env (./test.sh does both)");
    return v;
}

campaigns::SmtpConfig smtpPeer(const char* variable) {
    const auto hostPort = peerEnv(variable);
    campaigns::SmtpConfig c;
    c.host = hostPort.substr(0, hostPort.rfind(':'));
    c.port = std::stoi(hostPort.substr(hostPort.rfind(':') + 1));
    c.security = campaigns::SmtpConfig::Security::None;
    c.connections = 1;
    c.timeout = std::chrono::seconds(10);
    return c;
}

int deadPort() {
    // Bind a port and close it again without listening: nothing will answer there.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

std::filesystem::path storedMessage(const std::string& needle) {
    const std::filesystem::path dir = peerEnv("MEMBERDESK_TEST_SMTP_DIR");
    auto found = waitFor([&] {
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".eml" && readFile(e.path()).find(needle) != std::string::npos)
                return e.path();
        return std::filesystem::path();
    });
    BOOST_TEST_REQUIRE(!found.empty(), "no stored message contains " << needle);
    return found;
}

json::Value parseMail(const std::filesystem::path& file) {
    const std::string cmd =
        "/usr/bin/python3 " MEMBERDESK_SOURCE_DIR "/tests/support/parse_mail.py '" + file.string() + "'";
    FILE* p = ::popen(cmd.c_str(), "r");
    BOOST_TEST_REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    while (auto n = std::fread(buf, 1, sizeof buf, p))
        out.append(buf, n);
    BOOST_TEST_REQUIRE(::pclose(p) == 0, "parse_mail.py failed on " << file);
    auto parsed = json::parse(out);
    BOOST_TEST_REQUIRE(parsed.ok(), out);
    return std::move(parsed).value();
}

std::string fakesmscLineWith(const std::string& needle) {
    const auto log = peerEnv("MEMBERDESK_TEST_KANNEL_LOG");
    auto line = waitFor([&] {
        std::istringstream in(readFile(log));
        for (std::string l; std::getline(in, l);)
            if (l.find("Got message") != std::string::npos && l.find(" " + needle + " ") != std::string::npos)
                return l;
        return std::string();
    });
    BOOST_TEST_REQUIRE(!line.empty(), "fakesmsc logged no message with " << needle);
    return line;
}

std::string decodeUcs2Log(const std::string& encoded) {
    std::string bytes;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '%' && i + 2 < encoded.size()) {
            bytes += static_cast<char>(std::stoi(encoded.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            bytes += encoded[i] == '+' ? ' ' : encoded[i]; // fakesmsc form-encodes: '+' is a 0x20 byte
        }
    }
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t u =
            (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size()) {
            const std::uint32_t lo =
                (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        }
        utf8::append(out, u);
    }
    return out;
}

std::string uniqueTag() {
    static std::atomic<int> n{0};
    return std::to_string(::getpid()) + "x" + std::to_string(++n);
}

} // namespace md::test
