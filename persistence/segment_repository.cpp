#include "persistence/segment_repository.h"

#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/segment_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

using namespace segments;

namespace {

constexpr const char* kColumns =
    "id, name, rule, created_at, created_by, updated_at, updated_by, frozen_at FROM segments";

Timestamp instantOf(const std::string& text) {
    auto t = parseTimestamp(text);
    return t ? t.value() : Timestamp{};
}

Segment segmentFromRow(const soci::row& r) {
    Segment s;
    s.id = rowInt(r, 0);
    s.name = rowText(r, 1);
    s.rule = rowText(r, 2);
    s.createdAt = instantOf(rowText(r, 3));
    s.createdBy = rowText(r, 4);
    s.updatedAt = instantOf(rowText(r, 5));
    s.updatedBy = rowText(r, 6);
    if (auto frozen = rowOptText(r, 7)) s.frozenAt = instantOf(*frozen);
    return s;
}

} // namespace

std::optional<Segment> SociSegmentRepository::find(const std::string& name) {
    return withSqlErrors(m_db, "Could not read the segment", [&] {
        std::optional<Segment> out;
        QueryArgs()
            .text("name", name)
            .forEachRow(m_db.sql(), std::string("SELECT ") + kColumns + " WHERE name = :name",
                        [&](const soci::row& r) { out = segmentFromRow(r); });
        return out;
    });
}

std::vector<Segment> SociSegmentRepository::list() {
    return withSqlErrors(m_db, "Could not read the segments", [&] {
        std::vector<Segment> out;
        QueryArgs().forEachRow(m_db.sql(), std::string("SELECT ") + kColumns + " ORDER BY name",
                               [&](const soci::row& r) { out.push_back(segmentFromRow(r)); });
        return out;
    });
}

std::int64_t SociSegmentRepository::insert(const Segment& s) {
    return withSqlErrors(m_db, "Could not save the segment", [&] {
        std::string name = s.name, rule = s.rule, created = formatTimestamp(s.createdAt), by = s.createdBy,
                    updated = formatTimestamp(s.updatedAt), updatedBy = s.updatedBy;
        long long id = 0;
        // Scoped: SQLite refuses COMMIT while a RETURNING statement is still open.
        soci::statement st =
            (m_db.sql().prepare << "INSERT INTO segments (name, rule, created_at, created_by, "
                                   "updated_at, updated_by) VALUES (:n, :r, :c, :cb, :u, :ub) "
                                   "RETURNING id",
             soci::use(name), soci::use(rule), soci::use(created), soci::use(by), soci::use(updated),
             soci::use(updatedBy), soci::into(id));
        st.execute(true);
        return static_cast<std::int64_t>(id);
    });
}

std::int64_t SociSegmentRepository::count(const SegmentQuery& q) {
    return withSqlErrors(m_db, "Could not count the segment's members", [&] {
        CompiledSegment c = compileSegment(q, m_db.dialect());
        SegmentMemory memory(m_db);
        return c.args.scalar(m_db.sql(), "SELECT COUNT(*) FROM " + c.from() + " WHERE " + c.where);
    });
}

std::vector<SegmentMember> SociSegmentRepository::members(const SegmentQuery& q, std::int64_t afterId,
                                                          int limit) {
    return withSqlErrors(m_db, "Could not read the segment's members", [&] {
        CompiledSegment c = compileSegment(q, m_db.dialect());
        SegmentMemory memory(m_db);
        const std::string tier = segmentTierColumn(c, q), points = segmentPointsColumn(c);
        c.args.integer("after_id", afterId).integer("page_limit", limit);
        std::vector<SegmentMember> out;
        c.args.forEachRow(m_db.sql(),
                          "SELECT m.id, m.card_no, m.name, m.phone, m.email, " + tier + ", " + points +
                              " FROM " + c.from() + " WHERE m.id > :after_id AND " + c.where +
                              " ORDER BY m.id LIMIT :page_limit",
                          [&](const soci::row& r) {
                              out.push_back({rowInt(r, 0), rowText(r, 1), rowText(r, 2), rowText(r, 3),
                                             rowText(r, 4), rowText(r, 5), rowInt(r, 6)});
                          });
        return out;
    });
}

std::int64_t SociSegmentRepository::freeze(std::int64_t id, const SegmentQuery& q, Timestamp now,
                                           const std::string& actor) {
    return withSqlErrors(m_db, "Could not freeze the segment", [&] {
        WriteTransaction tx(m_db);
        long long segment = id;
        std::string at = formatTimestamp(now), by = actor;
        m_db.sql() << "DELETE FROM segment_members WHERE segment_id = :s", soci::use(segment);
        CompiledSegment c = compileSegment(q, m_db.dialect());
        SegmentMemory memory(m_db);
        c.args.integer("frozen_segment", id);
        c.args.execute(m_db.sql(), "INSERT INTO segment_members (segment_id, member_id) SELECT "
                                   "CAST(:frozen_segment AS BIGINT), m.id FROM " +
                                       c.from() + " WHERE " + c.where);
        m_db.sql() << "UPDATE segments SET frozen_at = :at, frozen_by = :by WHERE id = :s", soci::use(at),
            soci::use(by), soci::use(segment);
        long long n = 0;
        m_db.sql() << "SELECT COUNT(*) FROM segment_members WHERE segment_id = :s", soci::into(n),
            soci::use(segment);
        tx.commit();
        return static_cast<std::int64_t>(n);
    });
}

} // namespace md::db
