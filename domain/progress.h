#pragma once
// Progress reporting and cancellation for long work (imports, demo generation). The callback
// returns false to ask the work to stop; the work then rolls back and throws md::Cancelled.
#include <cstdint>
#include <functional>
#include <string>

namespace md {

struct Progress {
    std::string stage;       ///< "Reading file", "Writing members", ...
    std::uint64_t done = 0;  ///< units done (bytes or rows)
    std::uint64_t total = 0; ///< 0 when unknown
};

using ProgressFn = std::function<bool(const Progress&)>;

} // namespace md
