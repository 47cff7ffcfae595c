#pragma once
// Storage port for named segments and for evaluating a rule against the members, joined to a unit of
// work (UnitOfWork::segments()). persistence/segment_repository.cpp implements it on both backends; the
// rule becomes one parameterised query there (persistence/segment_sql.cpp).
#include "domain/segments/rule.h"
#include "domain/time.h"
#include "domain/time_zone.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace md::segments {

/// A stored segment. Dynamic: its rule is evaluated whenever it is used. Frozen: it also has a snapshot
/// (the members that matched at frozenAt), and counting or exporting it reads the snapshot.
struct Segment {
    std::int64_t id = 0;
    std::string name;
    std::string rule; ///< the JSON text form
    Timestamp createdAt{}, updatedAt{};
    std::string createdBy, updatedBy;
    std::optional<Timestamp> frozenAt;
};

/// What to evaluate, and the day "today" is for relative fields (the caller's clock and zone, never the
/// database server's).
struct SegmentQuery {
    const Node* rule = nullptr;             ///< the members matching this rule...
    std::optional<std::int64_t> snapshotOf; ///< ...or those in this segment's frozen snapshot
    Date today{};                           ///< the programme's today
    TimeZone zone = TimeZone::utc();        ///< the programme's zone (days of purchases)
    std::string baseTier;                   ///< the tier of a member the engine has not placed
};

/// A member as an export and the preview show them.
struct SegmentMember {
    std::int64_t id = 0;
    std::string cardNo, name, phone, email, tier;
    std::int64_t points = 0;
};

class SegmentRepository {
public:
    virtual ~SegmentRepository() = default;
    virtual std::optional<Segment> find(const std::string& name) = 0;
    /// Every segment by name.
    virtual std::vector<Segment> list() = 0;
    /// Stores a new segment (id, frozenAt ignored); returns its id. The name must be free.
    virtual std::int64_t insert(const Segment& s) = 0;
    virtual std::int64_t count(const SegmentQuery& q) = 0;
    /// Matching members with id > afterId, by id, at most limit (the preview, and export page by page).
    virtual std::vector<SegmentMember> members(const SegmentQuery& q, std::int64_t afterId, int limit) = 0;
    /// Replaces segment id's snapshot with the members matching q.rule now and stamps it; returns how
    /// many members it holds.
    virtual std::int64_t freeze(std::int64_t id, const SegmentQuery& q, Timestamp now,
                                const std::string& actor) = 0;
};

} // namespace md::segments
