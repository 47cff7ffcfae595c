#pragma once
// The demo generator's own PRNG and distributions. <random>'s engines are portable but its
// distributions are implementation-defined, so "same seed -> same data on every platform" needs these.
// xoshiro256** (Blackman & Vigna) seeded through splitmix64; gamma by Marsaglia & Tsang (2000).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace md::demo {

/// splitmix64 step: also a good 64-bit mixing function for deriving independent seeds.
inline std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/// Mixes two values into one seed, so each member gets a stream independent of every other member's.
inline std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
    std::uint64_t s = a ^ (b * 0xD1B54A32D192ED03ULL);
    splitmix64(s);
    return splitmix64(s);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& w : m_s)
            w = splitmix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in (0, 1]: safe to take the logarithm of.
    double uniformPositive() { return 1.0 - uniform(); }
    /// Uniform integer in [0, n): multiply-shift on 32 bits for the small ranges used here (bias below
    /// n / 2^32), a modulo for larger ones. No __int128: -Wpedantic rejects it.
    std::uint64_t below(std::uint64_t n) {
        if (n <= 0xFFFFFFFFULL) return ((next() >> 32) * n) >> 32;
        return next() % n;
    }
    /// Uniform integer in [lo, hi].
    std::int64_t between(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    bool chance(double p) { return uniform() < p; }

    double exponential(double rate) { return -std::log(uniformPositive()) / rate; }

    /// Standard normal by Marsaglia's polar method (one value used, the other dropped: simpler state).
    double normal() {
        for (;;) {
            const double u = 2.0 * uniform() - 1.0, v = 2.0 * uniform() - 1.0;
            const double s = u * u + v * v;
            if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
        }
    }

    /// Gamma(shape, scale): mean shape * scale.
    double gamma(double shape, double scale) {
        if (shape < 1.0) {
            // Boost a shape below 1: G(a) = G(a + 1) * U^(1/a).
            return gamma(shape + 1.0, scale) * std::pow(uniformPositive(), 1.0 / shape);
        }
        const double d = shape - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
        for (;;) {
            double x, v;
            do {
                x = normal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            const double u = uniformPositive();
            if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
            if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
        }
    }

    double beta(double a, double b) {
        const double x = gamma(a, 1.0), y = gamma(b, 1.0);
        return x / (x + y);
    }

    /// Index drawn with probability proportional to weights[i] (cumulative weights, ascending).
    std::size_t pickCumulative(std::span<const std::uint32_t> cumulative) {
        const std::uint64_t r = below(cumulative.back());
        std::size_t lo = 0, hi = cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (cumulative[mid] > r)
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_s[4];
};

} // namespace md::demo
