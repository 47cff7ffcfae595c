#pragma once
// Timing and option parsing every benchmark shares, with no dependency beyond the standard library (the
// send benchmarks link the campaigns library only).
#include <chrono>
#include <string>

namespace md::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/// The value after `--name` on the command line, or `fallback`.
inline std::string optionArg(int argc, char** argv, const std::string& name, const std::string& fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return argv[i + 1];
    return fallback;
}

} // namespace md::bench
