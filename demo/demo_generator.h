#pragma once
// A deterministic, realistic demo programme: stores, members with plausible Chinese and Latin names,
// valid CN mobile numbers and emails, birthdays and consent, and transactions drawn from a
// buy-till-you-die process (Pareto/NBD-like: Poisson purchases while alive, geometric drop-out after
// each purchase, gamma-distributed order values, occasional refunds, weekly seasonality).
// Same seed -> same data, byte for byte, on every platform (own PRNG and distributions, not <random>'s
// implementation-defined ones).
#include "domain/data_transfer.h"
#include "domain/member.h"
#include "domain/store.h"
#include "domain/transaction.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace md {

class DemoGenerator final : public DemoSource {
public:
    explicit DemoGenerator(DemoOptions o);
    const DemoOptions& options() const override { return m_opt; }
    std::vector<Store> stores() const override;
    /// Calls onMember for members 1..N in order, each followed by its transactions (onTransaction,
    /// in time order). Callbacks may batch; the generator holds O(1) members in memory.
    void generate(const std::function<void(const Member&)>& onMember,
                  const std::function<void(const Transaction&)>& onTransaction) const override;

private:
    DemoOptions m_opt;
};

} // namespace md
