#pragma once
// Keyset paging over all members for the virtual member list. Page boundaries ("anchors") are found
// once per sort order in a single index pass, so any row position maps to a keyset query that reads
// only one page — no OFFSET scans when the user drags the scroll bar to row 800,000.
#include "domain/member.h"
#include "persistence/database.h"

#include <optional>
#include <string>
#include <vector>

namespace md::db {

enum class SortColumn { Card, Name, Phone, Store, JoinDate, LastPurchase, Orders, Revenue };

/// The position of a row in a sort order: (sort value, id). Text form of the sort value keeps it
/// backend neutral; numeric columns compare as numbers in SQL.
struct RowKey {
    std::string value; ///< empty/NULL values sort first
    bool isNull = false;
    std::int64_t id = 0;
};

class MemberBrowser {
public:
    MemberBrowser(Database& db, SortColumn column, bool ascending);

    std::int64_t count();
    /// Up to limit rows strictly after `after` (from the start when nullopt).
    std::vector<MemberRow> pageAfter(const std::optional<RowKey>& after, int limit);
    /// Keys of rows 0, step, 2*step, ... in this order (the first row of each page).
    std::vector<RowKey> anchors(int step);
    /// The key of a row, to continue paging after it.
    RowKey keyOf(const MemberRow& row) const;

private:
    Database& m_db;
    SortColumn m_col;
    bool m_asc;
};

} // namespace md::db
