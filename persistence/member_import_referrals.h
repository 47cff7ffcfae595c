#pragma once
// Internal to the member import: the optional `referred_by` column (a referrer's referral code,
// docs/membership.md). Each batch's codes are checked set-based before its members are written — a line
// whose referral cannot be recorded is rejected whole, with the reason — and the links are written, with
// their referral_linked events, after the batch's members are.
#include "persistence/bulk_loader.h"
#include "persistence/database.h"

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace md::db {

class ImportReferrals {
public:
    struct Line {
        std::size_t line;
        std::string card, code;
    };

    ImportReferrals(Database& db, int column) : m_db(db), m_column(column) {}
    bool active() const { return m_column >= 0; }
    int column() const { return m_column; }
    /// The cell as a stored code ("" for an empty cell); nullopt when it cannot be a referral code.
    static std::optional<std::string> readCode(std::string_view cell);
    /// The reason, by line, for each line whose referral cannot be recorded: an unknown code; and for a
    /// member already stored: themselves, a different referrer already recorded, a cycle of two, or
    /// purchases already made. The other lines are kept for link().
    std::unordered_map<std::size_t, std::string> check(const std::vector<Line>& lines);
    /// Records the kept lines' links (their members are written by now); a link already recorded with
    /// the same referrer is left as it is.
    void link(const std::string& actor, const std::string& now);
    void drop();

private:
    void write(const std::vector<Line>& lines);
    TempTable& table();

    Database& m_db;
    int m_column;
    std::optional<TempTable> m_table;
};

} // namespace md::db
