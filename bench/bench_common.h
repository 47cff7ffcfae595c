#pragma once
// Shared helpers for the benchmark programs: timing, percentiles, shelling out to the databases' own
// tools, and fresh databases per run. Benchmarks print figures; they never assert on time.
#include "bench/bench_timing.h"
#include "demo/demo_generator.h"
#include "domain/csv.h"
#include "persistence/database.h"
#include "persistence/member_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace md::bench {

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(idx, v.size() - 1)];
}

/// Runs a shell command; throws with the command line if it fails.
inline void run(const std::string& cmd) {
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("command failed: " + cmd);
}

inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Replaces the database name (last path segment) of a postgresql:// URL.
inline std::string pgWithDatabase(const std::string& url, const std::string& name) {
    auto q = url.find('?');
    std::string base = url.substr(0, q), query = q == std::string::npos ? "" : url.substr(q);
    auto slash = base.find('/', base.find("//") + 2);
    if (slash != std::string::npos) base.resize(slash);
    return base + "/" + name + query;
}

/// A fresh, migrated database named `name`: a SQLite file in workDir, or a PostgreSQL database on the
/// server of adminUrl (dropped and re-created). Returns the URL text.
inline std::string freshDatabase(const std::filesystem::path& workDir, const std::string& adminUrl,
                                 const std::string& name) {
    std::string url;
    if (adminUrl.empty()) {
        auto path = workDir / (name + ".db");
        for (auto ext : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + ext);
        url = "sqlite:" + path.string();
    } else {
        // Through Database, not a bare soci::session: SOCI mis-parses a bare postgresql:// URL.
        db::Database admin(db::DatabaseUrl::parse(adminUrl));
        admin.sql() << "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
        admin.sql() << "CREATE DATABASE " + name;
        url = pgWithDatabase(adminUrl, name);
    }
    db::Database d(db::DatabaseUrl::parse(url));
    d.migrate();
    db::SociStoreRepository stores(d);
    for (Store s : DemoGenerator(DemoOptions{}).stores())
        stores.upsert(s, d.actor());
    return url;
}

/// The members of the demo programme as an import CSV (the user-facing format), written once and
/// reused across runs. Transactions are generated too (the generator interleaves them) but discarded.
inline std::filesystem::path membersCsv(const std::filesystem::path& workDir, std::int64_t n) {
    auto path = workDir / ("members_" + std::to_string(n) + ".csv");
    if (std::filesystem::exists(path)) return path;
    std::ofstream out(path, std::ios::binary);
    writeCsvRecord(out, {"card_no", "name", "phone", "email", "birthday", "gender", "join_date", "store",
                         "email_consent", "sms_consent"});
    DemoOptions opt;
    opt.members = n;
    DemoGenerator gen(opt);
    gen.generate(
        [&](const Member& m) {
            writeCsvRecord(out, {m.card.str(), m.name, m.phone ? m.phone->e164() : "",
                                 m.email ? m.email->str() : "", m.birthday ? formatDate(*m.birthday) : "",
                                 toCode(m.gender), formatDate(m.joinDate), m.homeStore,
                                 m.emailConsent.granted ? "1" : "0", m.smsConsent.granted ? "1" : "0"});
        },
        [](const Transaction&) {});
    return path;
}

} // namespace md::bench
