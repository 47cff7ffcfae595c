#include "demo/demo_generator.h"

#include "demo/demo_names.h"
#include "demo/demo_profile.h"
#include "demo/demo_random.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace md {

using namespace md::demo;

namespace {

// Stores in code order. The first seeds come from the table; more than the table holds get numbered
// branches in the table's cities, so any DemoOptions::stores works.
std::vector<StoreSpec> buildStores(int count) {
    const auto seeds = storeSeeds();
    std::vector<StoreSpec> out;
    const int n = std::max(count, 1);
    for (int i = 0; i < n; ++i) {
        const auto idx = static_cast<std::size_t>(i);
        if (idx < seeds.size()) {
            const auto& s = seeds[idx];
            out.push_back(
                {Store{0, std::string(s.code), std::string(s.name), std::string(s.city)}, s.weight});
            continue;
        }
        const auto& base = seeds[idx % seeds.size()];
        const std::string prefix(base.code.substr(0, 2));
        int next = 1;
        for (const auto& o : out)
            if (o.store.code.compare(0, 2, prefix) == 0)
                next = std::max(next, std::stoi(o.store.code.substr(2)) + 1);
        char num[8];
        const auto end = std::to_chars(num, num + sizeof num, next).ptr;
        std::string digits(num, end);
        digits.insert(0, digits.size() < 3 ? 3 - digits.size() : 0, '0');
        out.push_back({Store{0, prefix + digits, std::string(base.city) + std::string(num, end) + "号店",
                             std::string(base.city)},
                       40});
    }
    std::sort(out.begin(), out.end(),
              [](const StoreSpec& a, const StoreSpec& b) { return a.store.code < b.store.code; });
    return out;
}

int digitCount(std::int64_t v) {
    int d = 1;
    while (v >= 10) {
        v /= 10;
        ++d;
    }
    return d;
}

} // namespace

DemoGenerator::DemoGenerator(DemoOptions o) : m_opt(o) {
    if (m_opt.members < 0) throw std::invalid_argument("DemoOptions::members must not be negative");
    if (m_opt.end < m_opt.start) throw std::invalid_argument("DemoOptions::end is before DemoOptions::start");
}

std::vector<Store> DemoGenerator::stores() const {
    std::vector<Store> out;
    for (auto& s : buildStores(m_opt.stores))
        out.push_back(std::move(s.store));
    return out;
}

void DemoGenerator::generate(const std::function<void(const Member&)>& onMember,
                             const std::function<void(const Transaction&)>& onTransaction) const {
    DemoContext ctx;
    ctx.stores = buildStores(m_opt.stores);
    for (std::size_t i = 0; i < ctx.stores.size(); ++i) {
        ctx.storeCumulative.push_back((ctx.storeCumulative.empty() ? 0 : ctx.storeCumulative.back()) +
                                      ctx.stores[i].weight);
        std::vector<std::uint16_t> same;
        for (std::size_t j = 0; j < ctx.stores.size(); ++j)
            if (j != i && ctx.stores[j].store.city == ctx.stores[i].store.city)
                same.push_back(static_cast<std::uint16_t>(j));
        ctx.sameCity.push_back(std::move(same));
    }
    ctx.categoryCumulative = cumulativeOf(categories(), [](const CategorySeed& c) { return c.weight; });
    ctx.start = m_opt.start;
    ctx.end = m_opt.end;
    ctx.members = m_opt.members;
    ctx.seed = m_opt.seed;
    // Bijections from the member index: unique phones and email suffixes without remembering any.
    const std::uint64_t phoneSpace = mobilePrefixes().size() * 100'000'000ULL;
    ctx.phonePerm = Permutation(phoneSpace, mixSeed(m_opt.seed, 0xF0F0));
    std::uint64_t suffixSpace = 1;
    ctx.emailSuffixDigits = std::max(4, digitCount(m_opt.members));
    for (int i = 0; i < ctx.emailSuffixDigits; ++i)
        suffixSpace *= 10;
    ctx.emailPerm = Permutation(suffixSpace, mixSeed(m_opt.seed, 0xE3A1));
    ctx.qqPerm = Permutation(900'000'000ULL, mixSeed(m_opt.seed, 0x0071));

    MemberBuilder members(ctx);
    PurchaseSimulator purchases(ctx);
    for (std::int64_t idx = 1; idx <= m_opt.members; ++idx) {
        Rng rng(mixSeed(m_opt.seed, static_cast<std::uint64_t>(idx)));
        const MemberTraits traits = members.build(idx, rng);
        onMember(members.member());
        purchases.run(idx, members.member(), traits, rng, onTransaction);
    }
}

} // namespace md
