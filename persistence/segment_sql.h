#pragma once
// Internal: a segment rule as ONE parameterised query over `members m`. Every value of the rule is
// bound (never spliced); column and table names come only from this file's own mapping of the field
// catalogue (domain/segments/fields.h). Days relative to today come from the query's today and zone
// (the caller's clock), never from the database's now(). Each condition compiles to a predicate that is
// never NULL, so NOT is the exact complement (a member without a store is in "not store = SH001").
//
// Member totals, points and tiers are read from their precomputed columns (members.orders,
// revenue_minor, last_purchase_at; member_points; member_tiers); only the window counts and points
// expiry read transactions and ledger lots, through the indexes of migration 008.
#include "domain/segments/segment_repository.h"
#include "persistence/database.h"
#include "persistence/member_mapping.h"

#include <string>

namespace md::db {

struct CompiledSegment {
    std::string where;   ///< a predicate over m
    QueryArgs args;      ///< the bound values
    bool tiers = false;  ///< joins member_tiers st
    bool points = false; ///< joins member_points sp
    /// "members m" plus the joins the conditions need.
    std::string from() const;
};

/// Throws std::invalid_argument when q has neither a rule nor a snapshot. Run it inside a SegmentMemory.
CompiledSegment compileSegment(const segments::SegmentQuery& q, const SqlDialect& dialect);

/// While alive, the connection may hash the member-id lists of a segment query in memory
/// (SqlDialect::segmentMemory); restored afterwards.
class SegmentMemory {
public:
    explicit SegmentMemory(Database& db);
    ~SegmentMemory();
    SegmentMemory(const SegmentMemory&) = delete;
    SegmentMemory& operator=(const SegmentMemory&) = delete;

private:
    Database& m_db;
    bool m_set = false;
};

/// The member's tier code today and points balance, for the export and preview columns: joins both
/// tables and binds what the tier expression needs (once).
std::string segmentTierColumn(CompiledSegment& c, const segments::SegmentQuery& q);
std::string segmentPointsColumn(CompiledSegment& c);

} // namespace md::db
