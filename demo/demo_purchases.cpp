// What a demo member buys: a buy-till-you-die process (Pareto/NBD-like, as in Fader, Hardie & Lee
// 2005). Each member has a purchase rate λ ~ Gamma(r, α) and a drop-out probability p ~ Beta(a, b)
// applied after every purchase; while alive, purchases follow a Poisson process thinned by a
// day-of-week weight. Order values are gamma-distributed around a member's own mean (gamma-gamma).
#include "demo/demo_names.h"
#include "demo/demo_profile.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace md::demo {

namespace {

constexpr double kActivation = 0.80;           // share of members who ever buy
constexpr double kSameDayFirstPurchase = 0.55; // of those: joined at the till while buying
constexpr double kRateShape = 1.6;             // r: heterogeneity of purchase rates
constexpr double kMeanRatePerDay = 1.0 / 35.0; // one purchase every ~35 days while alive
constexpr double kDropA = 1.2, kDropB = 14.0;  // mean drop-out ~8% per purchase
constexpr double kOrderShape = 1.8;            // per-order spread around the member's mean
constexpr double kMinOrderValue = 5.0;         // yuan: nobody rings up a ¥0.30 order
constexpr double kRefundShare = 0.03;
constexpr std::int64_t kUtcOffset = 8 * 3600; // China Standard Time, no daylight saving

// Monday..Sunday: weekends busier, Tuesday quietest.
constexpr double kWeekdayWeight[7] = {0.85, 0.80, 0.85, 0.90, 1.05, 1.35, 1.30};
// Local hours 10..21 for stores (open 10–22), 8..23 for online, app and phone orders.
constexpr std::uint32_t kStoreHours[12] = {4, 6, 8, 9, 9, 8, 8, 9, 11, 12, 10, 6};
constexpr std::uint32_t kOnlineHours[16] = {2, 3, 4, 5, 5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 9, 6};
constexpr std::uint32_t kChannels[4] = {60, 20, 15, 5}; // store, online, app, phone
constexpr std::uint32_t kItems[6] = {40, 25, 15, 10, 6, 4};

std::int64_t roundTo10Fen(double yuan) {
    return std::max<std::int64_t>(10, std::llround(yuan * 10.0) * 10);
}

} // namespace

PurchaseSimulator::PurchaseSimulator(const DemoContext& ctx) : m_ctx(ctx) {
    const auto self = [](std::uint32_t w) { return w; };
    m_categoryCum = cumulativeOf(categories(), [](const CategorySeed& c) { return c.weight; });
    m_itemsCum = cumulativeOf(kItems, self);
    m_storeHourCum = cumulativeOf(kStoreHours, self);
    m_onlineHourCum = cumulativeOf(kOnlineHours, self);
    m_channelCum = cumulativeOf(kChannels, self);
    // Normalise so λ stays the mean rate; index by days since the epoch mod 7 (day 0 was a Thursday).
    double sum = 0;
    for (double w : kWeekdayWeight)
        sum += w;
    for (int i = 0; i < 7; ++i)
        m_dayWeight[i] = kWeekdayWeight[(i + 3) % 7] * 7.0 / sum;
    m_maxDayWeight = *std::max_element(m_dayWeight, m_dayWeight + 7);
    m_tx.amount = Money(0, "CNY");
}

std::int64_t PurchaseSimulator::timeOfDay(std::uint8_t channel, Rng& rng) const {
    const bool store = channel == static_cast<std::uint8_t>(SalesChannel::Store);
    const auto hour = store ? 10 + static_cast<std::int64_t>(rng.pickCumulative(m_storeHourCum))
                            : 8 + static_cast<std::int64_t>(rng.pickCumulative(m_onlineHourCum));
    // Local 08:00–23:59 is 00:00–15:59 UTC the same day: a local day never spills into another UTC date.
    return hour * 3600 + rng.between(0, 3599) - kUtcOffset;
}

void PurchaseSimulator::addPurchase(std::int64_t day, const MemberTraits& traits, Rng& rng) {
    Event e{};
    e.channel = static_cast<std::uint8_t>(rng.pickCumulative(m_channelCum));
    e.store = traits.homeStore;
    if (e.channel == static_cast<std::uint8_t>(SalesChannel::Store)) {
        const auto& same = m_ctx.sameCity[traits.homeStore];
        const double r = rng.uniform();
        if (r < 0.10 && !same.empty())
            e.store = same[rng.below(same.size())];
        else if (r >= 0.95)
            e.store = static_cast<std::uint16_t>(rng.pickCumulative(m_ctx.storeCumulative));
    }
    e.category = rng.chance(0.45) ? traits.favouriteCategory
                                  : static_cast<std::uint8_t>(rng.pickCumulative(m_categoryCum));
    e.items = static_cast<std::uint8_t>(1 + rng.pickCumulative(m_itemsCum));
    const double mean = traits.meanOrderValue * categories()[e.category].priceFactor;
    e.amount = roundTo10Fen(kMinOrderValue + rng.gamma(kOrderShape, mean / kOrderShape));
    e.at = m_joinSeconds + day * 86400 + timeOfDay(e.channel, rng);
    e.kind = static_cast<std::uint8_t>(TransactionKind::Purchase);
    e.order = static_cast<std::uint32_t>(m_events.size());
    m_events.push_back(e);

    if (rng.chance(kRefundShare)) {
        const std::int64_t refundDay = day + rng.between(1, 10);
        if (refundDay >= m_horizonDays) return;
        Event r = e;
        r.kind = static_cast<std::uint8_t>(TransactionKind::Refund);
        if (!rng.chance(0.65)) { // partial: some of the items come back
            r.amount = std::min(
                e.amount, roundTo10Fen(static_cast<double>(e.amount) / 100.0 * (0.2 + 0.7 * rng.uniform())));
            r.items = static_cast<std::uint8_t>(1 + rng.below(e.items));
        }
        r.at = m_joinSeconds + refundDay * 86400 + timeOfDay(e.channel, rng);
        r.refundOf = e.order;
        r.order = static_cast<std::uint32_t>(m_events.size());
        m_events.push_back(r);
    }
}

void PurchaseSimulator::run(std::int64_t idx, const Member& m, const MemberTraits& traits, Rng& rng,
                            const std::function<void(const Transaction&)>& onTransaction) {
    m_events.clear();
    m_joinSeconds = static_cast<std::int64_t>(m.joinDate.time_since_epoch().count()) * 86400;
    m_horizonDays = (m_ctx.end - m.joinDate).count() + 1;
    // Draw every member's parameters, active or not, so one member's choices never shift another's.
    const double rate = rng.gamma(kRateShape, kMeanRatePerDay / kRateShape);
    const double dropOut = rng.beta(kDropA, kDropB);
    if (!rng.chance(kActivation)) return;

    std::int64_t day =
        rng.chance(kSameDayFirstPurchase) ? 0 : static_cast<std::int64_t>(rng.exponential(0.25));
    const auto joinDay = static_cast<std::int64_t>(m.joinDate.time_since_epoch().count());
    if (day < m_horizonDays) {
        addPurchase(day, traits, rng);
        double t = static_cast<double>(day) + rng.uniform();
        const double candidateRate = rate * m_maxDayWeight;
        while (!rng.chance(dropOut)) {
            // Thinning: candidates at the peak rate, kept in proportion to their weekday's weight.
            for (;;) {
                t += rng.exponential(candidateRate);
                day = static_cast<std::int64_t>(t);
                if (day >= m_horizonDays) break;
                if (rng.uniform() * m_maxDayWeight < m_dayWeight[((joinDay + day) % 7 + 7) % 7]) break;
            }
            if (day >= m_horizonDays) break;
            addPurchase(day, traits, rng);
        }
    }
    std::sort(m_events.begin(), m_events.end(),
              [](const Event& a, const Event& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });

    Transaction& tx = m_tx;
    tx.cardNo = m.card.str();
    char num[24];
    std::uint32_t seq = 0;
    m_seqOfOrder.assign(m_events.size(), 0);
    const auto orderIdOf = [&](std::string& out, const std::string& store, std::uint32_t number) {
        out.assign(store);
        out.push_back('-');
        out.append(num, std::to_chars(num, num + sizeof num, idx).ptr);
        out.push_back('-');
        out.append(num, std::to_chars(num, num + sizeof num, number).ptr);
    };
    for (const Event& e : m_events) {
        const std::string& store = m_ctx.stores[e.store].store.code;
        m_seqOfOrder[e.order] = ++seq;
        orderIdOf(tx.orderId, store, seq);
        // A refund comes days after its purchase, so the purchase already has its number.
        if (e.kind == static_cast<std::uint8_t>(TransactionKind::Refund))
            orderIdOf(tx.refundOf, store, m_seqOfOrder[e.refundOf]);
        else
            tx.refundOf.clear();
        tx.storeCode.assign(store);
        tx.channel = static_cast<SalesChannel>(e.channel);
        tx.occurredAt = Timestamp{std::chrono::seconds{e.at}};
        tx.amount = Money(e.amount, "CNY");
        tx.kind = static_cast<TransactionKind>(e.kind);
        tx.items = e.items;
        tx.category.assign(categories()[e.category].name);
        onTransaction(tx);
    }
}

} // namespace md::demo
