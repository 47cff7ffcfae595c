#pragma once
// A deterministic, realistic demo programme: stores, members with plausible Chinese and Latin names,
// valid CN mobile numbers and emails, birthdays and consent, and transactions drawn from a
// buy-till-you-die process (Pareto/NBD-like: Poisson purchases while alive, geometric drop-out after
// each purchase, gamma-distributed order values, occasional refunds, weekly seasonality).
// Same seed -> same data, byte for byte, on every platform (own PRNG and distributions, not <random>'s
// implementation-defined ones).
#include "member.h"
#include "store.h"
#include "transaction.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace md {

struct DemoOptions {
    std::int64_t members = 20000;
    std::uint64_t seed = 42;
    Date start = Date{std::chrono::year{2021} / 1 / 1}; ///< first join date
    Date end = Date{std::chrono::year{2026} / 10 / 31}; ///< last transaction date
    int stores = 24;
};

class DemoGenerator {
public:
    explicit DemoGenerator(DemoOptions o);
    std::vector<Store> stores() const;
    /// Calls onMember for members 1..N in order, each followed by its transactions (onTransaction,
    /// in time order). Callbacks may batch; the generator holds O(1) members in memory.
    void generate(const std::function<void(const Member&)>& onMember,
                  const std::function<void(const Transaction&)>& onTransaction) const;

private:
    DemoOptions m_opt;
};

} // namespace md
