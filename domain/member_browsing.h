#pragma once
// The port the member list pages through: keyset pages over all members in one sort order, with page
// anchors found in one pass, so any scroll position is one keyset query.
#include "member.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md {

/// Tier and Points come from the loyalty tables (member_tiers.tier_rank, member_points.balance); a
/// member without a row there counts as rank 0 / 0 points.
enum class SortColumn { Card, Name, Phone, Store, JoinDate, LastPurchase, Orders, Revenue, Tier, Points };

/// The position of a row in a sort order: (sort value, id). Text form of the sort value keeps it
/// backend neutral; numeric columns compare as numbers in SQL.
struct RowKey {
    std::string value; ///< empty/NULL values sort first
    bool isNull = false;
    std::int64_t id = 0;
};

class MemberBrowsing {
public:
    virtual ~MemberBrowsing() = default;
    virtual std::int64_t count() = 0;
    /// Up to limit rows strictly after `after` (from the start when nullopt).
    virtual std::vector<MemberRow> pageAfter(const std::optional<RowKey>& after, int limit) = 0;
    /// Keys of rows 0, step, 2*step, ... in this order (the first row of each page).
    virtual std::vector<RowKey> anchors(int step) = 0;
    /// The key of a row, to continue paging after it.
    virtual RowKey keyOf(const MemberRow& row) const = 0;
};

} // namespace md
