// Caller lookup at scale: 1,000 random queries of each kind (full phone in the four accepted formats,
// card number, last 4 digits, name prefix, email; and as a Chinese input method or a caller gives them:
// full-width digits, the first 7 digits of a phone, a card read out in groups or without its letters)
// through the same search the GUI and CLI use, on an
// existing database (e.g. the one import_bench filled). Prints p50/p95/max per kind against the targets,
// and, as a baseline, the same last-digits lookup done as a full-table LIKE scan (what it costs without
// the reversed-phone index).
//
// usage: lookup_bench --db URL [--queries N] [--limit N]
#include "bench/bench_common.h"
#include "domain/member_query.h"

#include <random>

using namespace md;
using namespace md::bench;

namespace {

struct Sample {
    std::string card, name, phone, email;
};

std::vector<Sample> sampleMembers(db::Database& d, int n, std::mt19937_64& rng) {
    std::int64_t maxId = 0;
    d.sql() << "SELECT MAX(id) FROM members", soci::into(maxId);
    std::uniform_int_distribution<std::int64_t> pick(1, maxId);
    std::vector<Sample> out;
    while (static_cast<int>(out.size()) < n) {
        std::int64_t id = pick(rng);
        Sample s;
        soci::indicator pi = soci::i_ok, ei = soci::i_ok;
        d.sql() << "SELECT card_no, name, phone, email FROM members WHERE id = :id", soci::use(id),
            soci::into(s.card), soci::into(s.name), soci::into(s.phone, pi), soci::into(s.email, ei);
        if (!d.sql().got_data() || pi != soci::i_ok || ei != soci::i_ok) continue;
        out.push_back(std::move(s));
    }
    return out;
}

// "+8613800138000" -> one of the formats a caller or agent types.
std::string typedPhone(const std::string& e164, int variant) {
    std::string national = e164.substr(3);
    switch (variant % 4) {
    case 0:
        return "+86 " + national.substr(0, 3) + " " + national.substr(3, 4) + " " + national.substr(7);
    case 1:
        return national;
    case 2:
        return national.substr(0, 3) + "-" + national.substr(3, 4) + "-" + national.substr(7);
    default:
        return "0086 " + national;
    }
}

// The first UTF-8 character of a name (a Chinese surname) or the first 3 letters of a Latin name.
std::string namePrefix(const std::string& name) {
    auto c = static_cast<unsigned char>(name[0]);
    std::size_t len = c < 0x80 ? 3 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return name.substr(0, std::min(len, name.size()));
}

// "13800138000" -> "１３８００１３８０００": digits as a Chinese input method in full-width mode types them.
std::string fullWidth(const std::string& ascii) {
    std::string out;
    for (char c : ascii) {
        if (c >= '0' && c <= '9') {
            const unsigned cp = 0xFF10u + static_cast<unsigned>(c - '0');
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += c;
        }
    }
    return out;
}

// "MD00000009" -> "MD 0000 0009": letters, then the digits in groups of four.
std::string groupedCard(const std::string& card) {
    std::string letters, digits;
    for (char c : card)
        (c >= '0' && c <= '9' ? digits : letters) += c;
    std::string out = letters;
    for (std::size_t i = 0; i < digits.size(); i += 4)
        out += " " + digits.substr(i, 4);
    return out;
}

std::string digitsOnly(const std::string& card) {
    std::string out;
    for (char c : card)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

void measure(db::SociMemberRepository& repo, const char* kind, const std::vector<std::string>& texts,
             int limit, double target) {
    std::vector<double> ms;
    std::size_t hits = 0;
    for (const auto& t : texts) {
        auto q = classifyQuery(t);
        auto t0 = Clock::now();
        auto rows = repo.search(q, limit);
        ms.push_back(secondsSince(t0) * 1000);
        hits += rows.empty() ? 0 : 1;
    }
    std::printf("%-12s n=%zu  found %zu  p50 %6.2f ms  p95 %6.2f ms  max %7.2f ms  (target p95 <= %.0f ms)\n",
                kind, texts.size(), hits, percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 1.0),
                target);
}

} // namespace

int main(int argc, char** argv) {
    std::string url;
    int queries = 1000, limit = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--db")
            url = argv[i + 1];
        else if (a == "--queries")
            queries = std::stoi(argv[i + 1]);
        else if (a == "--limit")
            limit = std::stoi(argv[i + 1]);
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    if (url.empty()) {
        std::cerr << "usage: lookup_bench --db URL [--queries N]\n";
        return 2;
    }
    try {
        db::Database d(db::DatabaseUrl::parse(url));
        d.requireCurrentSchema();
        db::SociMemberRepository repo(d);
        std::mt19937_64 rng(20261122);
        auto samples = sampleMembers(d, queries, rng);
        std::int64_t total = repo.count({});
        std::printf("%s: %lld members, %d queries per kind, limit %d\n",
                    db::DatabaseUrl::parse(url).display().c_str(), static_cast<long long>(total), queries,
                    limit);
        std::vector<std::string> phone, card, last4, name, email, wide, prefix7, grouped, cardDigits;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const auto& s = samples[i];
            phone.push_back(typedPhone(s.phone, static_cast<int>(i)));
            card.push_back(s.card);
            last4.push_back(s.phone.substr(s.phone.size() - 4));
            name.push_back(namePrefix(s.name));
            email.push_back(s.email);
            const std::string national = s.phone.substr(3);
            wide.push_back(fullWidth(national));
            prefix7.push_back(national.substr(0, 3) + " " + national.substr(3, 4));
            grouped.push_back(groupedCard(s.card));
            cardDigits.push_back(digitsOnly(s.card));
        }
        // Warm the caches once, as an agent's first call of the day would have done long ago.
        repo.search(classifyQuery(phone[0]), limit);
        measure(repo, "full phone", phone, limit, 20);
        measure(repo, "card", card, limit, 20);
        measure(repo, "email", email, limit, 20);
        measure(repo, "last 4", last4, limit, 50);
        measure(repo, "name prefix", name, limit, 50);
        measure(repo, "full-width", wide, limit, 20);
        measure(repo, "prefix 7", prefix7, limit, 50);
        measure(repo, "card groups", grouped, limit, 20);
        measure(repo, "card digits", cardDigits, limit, 50);

        // Baseline: last digits without the reversed-phone index, as a naive LIKE would do it.
        std::vector<double> scan;
        for (int i = 0; i < 5; ++i) {
            std::string pattern = "%" + last4[static_cast<std::size_t>(i)];
            std::vector<std::string> cards(static_cast<std::size_t>(limit));
            auto t0 = Clock::now();
            soci::rowset<std::string> rs =
                (d.sql().prepare << "SELECT card_no FROM members WHERE phone LIKE :p", soci::use(pattern));
            std::size_t n = 0;
            for (auto it = rs.begin(); it != rs.end(); ++it)
                ++n;
            scan.push_back(secondsSince(t0) * 1000);
        }
        std::printf("baseline     last 4 by full-table LIKE scan: p50 %.1f ms over 5 queries\n",
                    percentile(scan, 0.5));
    } catch (const std::exception& e) {
        std::cerr << "lookup_bench: " << e.what() << "\n";
        return 1;
    }
}
