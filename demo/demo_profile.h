#pragma once
// Internals of the demo generator: the shared context, the member builder (who the member is) and
// the purchase simulator (what they buy). Split out of demo_generator.cpp to keep files short.
#include "demo/demo_random.h"
#include "domain/member.h"
#include "domain/store.h"
#include "domain/transaction.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace md::demo {

/// A keyed bijection on [0, n): a 4-round Feistel network on the smallest even number of bits that
/// covers n, cycle-walked back into range. Distinct member indices get distinct phone numbers and
/// email suffixes at any scale without a lookup table, and (unlike an affine map) neighbouring
/// indices share no digit patterns.
class Permutation {
public:
    Permutation() = default;
    Permutation(std::uint64_t n, std::uint64_t seed);
    std::uint64_t operator()(std::uint64_t x) const;
    std::uint64_t size() const { return m_n; }

private:
    std::uint64_t m_n = 1;
    int m_halfBits = 1;
    std::uint64_t m_keys[4]{};
};

/// Running sums of weights, for Rng::pickCumulative.
template <class Range, class Weight>
std::vector<std::uint32_t> cumulativeOf(const Range& items, Weight weight) {
    std::vector<std::uint32_t> out;
    std::uint32_t sum = 0;
    for (const auto& item : items)
        out.push_back(sum += static_cast<std::uint32_t>(weight(item)));
    return out;
}

struct StoreSpec {
    Store store;
    std::uint32_t weight = 1;
};

struct DemoContext {
    std::vector<StoreSpec> stores; ///< in code order
    std::vector<std::uint32_t> storeCumulative;
    std::vector<std::uint32_t> categoryCumulative;
    std::vector<std::vector<std::uint16_t>> sameCity; ///< other stores in each store's city
    Date start{}, end{};
    std::int64_t members = 0;
    std::uint64_t seed = 0;
    Permutation phonePerm, emailPerm, qqPerm;
    int emailSuffixDigits = 4;
};

/// What the purchase simulator needs to know about a member beyond the Member record.
struct MemberTraits {
    std::uint16_t homeStore = 0;
    std::uint8_t favouriteCategory = 0;
    double meanOrderValue = 250.0; ///< yuan
};

/// Builds one member at a time into a reused Member (strings keep their capacity).
class MemberBuilder {
public:
    explicit MemberBuilder(const DemoContext& ctx);
    MemberTraits build(std::int64_t idx, Rng& rng);
    const Member& member() const { return m_member; }

private:
    Date joinDateOf(std::int64_t idx) const;
    void makeName(Rng& rng, bool latin, bool female);
    void makeEmail(std::int64_t idx, Rng& rng, bool latin);

    const DemoContext& m_ctx;
    Member m_member;
    std::string m_surnamePinyin, m_givenPinyin, m_givenInitials, m_latinFirst, m_latinLast;
    std::vector<std::uint32_t> m_surnameCum, m_femaleCum, m_maleCum, m_domainCnCum, m_domainLatinCum;
};

/// Simulates a member's purchases and refunds (buy-till-you-die) and emits them in time order.
class PurchaseSimulator {
public:
    explicit PurchaseSimulator(const DemoContext& ctx);
    void run(std::int64_t idx, const Member& m, const MemberTraits& traits, Rng& rng,
             const std::function<void(const Transaction&)>& onTransaction);

private:
    struct Event {
        std::int64_t at;        ///< seconds since the epoch, UTC
        std::int64_t amount;    ///< fen
        std::uint32_t order;    ///< generation order: a stable tie-break
        std::uint32_t refundOf; ///< a refund: the generation order of its purchase
        std::uint16_t store;
        std::uint8_t channel, kind, category, items;
    };
    void addPurchase(std::int64_t day, const MemberTraits& traits, Rng& rng);
    std::int64_t timeOfDay(std::uint8_t channel, Rng& rng) const;

    const DemoContext& m_ctx;
    std::vector<Event> m_events;             ///< reused across members
    std::vector<std::uint32_t> m_seqOfOrder; ///< generation order -> order number (refunds name it)
    std::int64_t m_joinSeconds = 0, m_horizonDays = 0;
    double m_dayWeight[7]{}; ///< by days since 1970-01-01 (a Thursday) modulo 7
    double m_maxDayWeight = 1.0;
    std::vector<std::uint32_t> m_categoryCum, m_itemsCum, m_storeHourCum, m_onlineHourCum, m_channelCum;
    Transaction m_tx;
};

} // namespace md::demo
