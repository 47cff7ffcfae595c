#pragma once
// Helpers for the import, export and demo-load suites: files in the test's scratch folder and a
// full dump of the tables an import may touch, to prove "the database is exactly as it was".
#include "persistence/database.h"
#include "persistence/member_mapping.h"
#include "tests/persistence/member_samples.h"

#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace md::test {

inline std::filesystem::path writeFile(const std::filesystem::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << content;
    return p;
}

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Every row of a query, one line per row, columns separated by '|', NULL as "<null>".
inline std::string dumpQuery(db::Database& d, const std::string& query) {
    std::string out;
    soci::rowset<soci::row> rows = d.sql().prepare << query;
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i) {
            if (i) out += '|';
            out += r.get_indicator(i) == soci::i_null ? "<null>" : db::rowText(r, i);
        }
        out += '\n';
    }
    return out;
}

/// Stores, members (every column), transactions, the audit trail, events and consumer positions.
inline std::string snapshot(db::Database& d) {
    return dumpQuery(d, "SELECT * FROM stores ORDER BY id") + "--\n" +
           dumpQuery(d, "SELECT * FROM members ORDER BY id") + "--\n" +
           dumpQuery(d, "SELECT * FROM transactions ORDER BY id") + "--\n" +
           dumpQuery(d, "SELECT * FROM audit_log ORDER BY id") + "--\n" +
           dumpQuery(d, "SELECT * FROM events ORDER BY id") + "--\n" +
           dumpQuery(d, "SELECT * FROM consumer_positions ORDER BY consumer");
}

inline const char* kMemberHeader =
    "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent\n";

/// n valid member lines "MD1000000+i" (import format, no header), all in store SH001.
inline std::string memberLines(int from, int count) {
    std::string out;
    for (int i = from; i < from + count; ++i) {
        const std::string n = std::to_string(1000000 + i);
        out += "MD" + n + ",会员" + n + ",1390" + n.substr(0, 7) + ",m" + n +
               "@example.cn,1990-01-01,F,2024-01-02,SH001,1,0\n";
    }
    return out;
}

} // namespace md::test
