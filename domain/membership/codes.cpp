#include "domain/membership/codes.h"

#include <sys/random.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>

namespace md::membership {

std::vector<std::uint8_t> secureRandomBytes(std::size_t n) {
    std::vector<std::uint8_t> out(n);
    std::size_t done = 0;
    while (done < n) {
        const ssize_t got = ::getrandom(out.data() + done, n - done, 0);
        if (got > 0) {
            done += static_cast<std::size_t>(got);
            continue;
        }
        if (got < 0 && errno == EINTR) continue;
        break; // no getrandom (old kernel, seccomp): the device below
    }
    if (done < n) {
        std::ifstream in("/dev/urandom", std::ios::binary);
        in.read(reinterpret_cast<char*>(out.data() + done), static_cast<std::streamsize>(n - done));
        if (in.gcount() != static_cast<std::streamsize>(n - done))
            throw std::runtime_error("no secure random bytes: getrandom and /dev/urandom both failed");
    }
    return out;
}

std::string randomCode(std::size_t length) {
    const std::size_t k = kCodeAlphabet.size();
    // Bytes at or above the largest multiple of k are drawn again, so every symbol is equally likely.
    const std::size_t limit = 256 - 256 % k;
    std::string out;
    out.reserve(length);
    while (out.size() < length) {
        for (const std::uint8_t b : secureRandomBytes(length * 2)) {
            if (b >= limit) continue;
            out.push_back(kCodeAlphabet[b % k]);
            if (out.size() == length) break;
        }
    }
    return out;
}

std::string newVoucherCode() {
    return randomCode(kVoucherCodeLength);
}

std::string newReferralCode() {
    return randomCode(kReferralCodeLength);
}

std::string normaliseCode(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (kCodeAlphabet.find(c) == std::string_view::npos) return {};
        out.push_back(c);
    }
    return out;
}

std::string displayCode(const std::string& code) {
    if (code.size() != kVoucherCodeLength) return code;
    return code.substr(0, 5) + "-" + code.substr(5, 5) + "-" + code.substr(10);
}

} // namespace md::membership
