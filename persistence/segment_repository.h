#pragma once
// The SOCI implementation of segments::SegmentRepository on both backends; schema in
// resources/migrations/008_segments.sql, rules compiled by persistence/segment_sql.cpp.
#include "domain/segments/segment_repository.h"
#include "persistence/database.h"

namespace md::db {

class SociSegmentRepository final : public segments::SegmentRepository {
public:
    explicit SociSegmentRepository(Database& db) : m_db(db) {}

    std::optional<segments::Segment> find(const std::string& name) override;
    std::vector<segments::Segment> list() override;
    std::int64_t insert(const segments::Segment& s) override;
    std::int64_t count(const segments::SegmentQuery& q) override;
    std::vector<segments::SegmentMember> members(const segments::SegmentQuery& q, std::int64_t afterId,
                                                 int limit) override;
    std::int64_t freeze(std::int64_t id, const segments::SegmentQuery& q, Timestamp now,
                        const std::string& actor) override;

private:
    Database& m_db;
};

} // namespace md::db
