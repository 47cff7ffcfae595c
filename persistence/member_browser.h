#pragma once
// Keyset paging over all members for the virtual member list. Page boundaries ("anchors") are found
// once per sort order in a single index pass, so any row position maps to a keyset query that reads
// only one page — no OFFSET scans when the user drags the scroll bar to row 800,000.
#include "domain/member_browsing.h"
#include "persistence/database.h"

#include <optional>
#include <string>
#include <vector>

namespace md::db {

using md::RowKey;
using md::SortColumn;

class MemberBrowser final : public MemberBrowsing {
public:
    MemberBrowser(Database& db, SortColumn column, bool ascending);

    std::int64_t count() override;
    std::vector<MemberRow> pageAfter(const std::optional<RowKey>& after, int limit) override;
    std::vector<RowKey> anchors(int step) override;
    RowKey keyOf(const MemberRow& row) const override;

private:
    Database& m_db;
    SortColumn m_col;
    bool m_asc;
};

} // namespace md::db
