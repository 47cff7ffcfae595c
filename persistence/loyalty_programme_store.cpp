// Programme versions, member tiers and their history, and adjustment approvals.
#include "persistence/loyalty_repository.h"

#include "domain/events.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

namespace md::db {

using namespace loyalty;

namespace {

Timestamp rowInstant(const soci::row& r, std::size_t i) {
    auto t = parseTimestamp(rowText(r, i));
    return t ? t.value() : Timestamp{};
}

std::string tierCodeOfRank(const Programme& p, int rank) {
    for (const Tier& t : p.ladder.tiers)
        if (t.rank == rank) return t.code;
    return p.ladder.tiers.empty() ? std::string() : p.ladder.tiers.front().code;
}

std::optional<int> rankOfCode(const Programme& p, const std::optional<std::string>& code) {
    if (!code) return std::nullopt;
    if (const Tier* t = findTier(p, *code)) return t->rank;
    return std::nullopt;
}

Approval approvalFromRow(const soci::row& r) {
    Approval a;
    a.id = rowInt(r, 0);
    a.memberId = rowInt(r, 1);
    a.points = rowInt(r, 2);
    a.reason = rowText(r, 3);
    a.note = rowText(r, 4);
    a.requestKey = rowText(r, 5);
    a.requestedBy = rowText(r, 6);
    a.requestedAt = rowInstant(r, 7);
    a.status = rowText(r, 8);
    a.decidedBy = rowOptText(r, 9);
    if (r.get_indicator(10) != soci::i_null) a.entryId = rowInt(r, 10);
    return a;
}

constexpr const char* kApprovalColumns = "id, member_id, points, reason, note, request_key, requested_by, "
                                         "requested_at, status, decided_by, entry_id";

} // namespace

// ---- programme versions ------------------------------------------------------------------------

std::int64_t SociLoyaltyRepository::storeProgramme(const std::string& json, Date effectiveFrom,
                                                   const std::string& actor, Timestamp now) {
    return withSqlErrors(m_db, "Could not store the programme", [&] {
        WriteTransaction tx(m_db);
        // Two people storing at once: the table lock makes the second wait and take the next number.
        m_db.dialect().lockTableForAppend(m_db, "programme_versions");
        long long version =
            QueryArgs().scalar(m_db.sql(), "SELECT COALESCE(MAX(version), 0) FROM programme_versions") + 1;
        std::string definition = json, from = formatDate(effectiveFrom), at = formatTimestamp(now),
                    by = actor;
        m_db.sql()
            << "INSERT INTO programme_versions (version, effective_from, definition, created_at, created_by) "
               "VALUES (:v, :f, :d, :a, :b)",
            soci::use(version), soci::use(from), soci::use(definition), soci::use(at), soci::use(by);
        tx.commit();
        return static_cast<std::int64_t>(version);
    });
}

std::vector<ProgrammeVersionInfo> SociLoyaltyRepository::programmeVersions() {
    return withSqlErrors(m_db, "Could not read the programme versions", [&] {
        std::vector<ProgrammeVersionInfo> out;
        QueryArgs().forEachRow(
            m_db.sql(),
            "SELECT version, effective_from, created_at, created_by FROM programme_versions ORDER BY version",
            [&](const soci::row& r) {
                out.push_back({rowInt(r, 0), rowDate(r, 1), rowInstant(r, 2), rowText(r, 3)});
            });
        return out;
    });
}

std::optional<std::string> SociLoyaltyRepository::programmeJson(std::int64_t version) {
    return withSqlErrors(m_db, "Could not read the programme", [&] {
        std::optional<std::string> out;
        QueryArgs()
            .integer("v", version)
            .forEachRow(m_db.sql(), "SELECT definition FROM programme_versions WHERE version = :v",
                        [&](const soci::row& r) { out = rowText(r, 0); });
        return out;
    });
}

std::optional<std::int64_t> SociLoyaltyRepository::programmeVersionOn(Date day) {
    return withSqlErrors(m_db, "Could not read the programme", [&] {
        std::optional<std::int64_t> out;
        // The newest version effective by then: a later version with an earlier date replaces it.
        QueryArgs()
            .text("d", formatDate(day))
            .forEachRow(m_db.sql(),
                        "SELECT version FROM programme_versions WHERE effective_from <= :d ORDER BY "
                        "effective_from DESC, "
                        "version DESC LIMIT 1",
                        [&](const soci::row& r) { out = rowInt(r, 0); });
        return out;
    });
}

std::optional<std::int64_t> SociLoyaltyRepository::latestProgrammeVersion() {
    return withSqlErrors(m_db, "Could not read the programme", [&] {
        const std::int64_t v =
            QueryArgs().scalar(m_db.sql(), "SELECT COALESCE(MAX(version), 0) FROM programme_versions");
        return v > 0 ? std::optional(v) : std::nullopt;
    });
}

// ---- tiers -------------------------------------------------------------------------------------

TierRecord SociLoyaltyRepository::tier(std::int64_t memberId, const Programme& p) {
    return withSqlErrors(m_db, "Could not read the member's tier", [&] {
        TierRecord rec;
        rec.code = tierCodeOfRank(p, 0);
        QueryArgs()
            .integer("m", memberId)
            .forEachRow(m_db.sql(),
                        "SELECT tier_code, tier_rank, since, grace_until, override_tier, override_until, "
                        "override_reason, "
                        "last_review FROM member_tiers WHERE member_id = :m",
                        [&](const soci::row& r) {
                            // The rank as the current programme ranks the code (a new version may reorder); a
                            // row made only to hold an override has no code yet and means the base tier.
                            if (const Tier* t = findTier(p, rowText(r, 0))) {
                                rec.code = t->code;
                                rec.state.rank = t->rank;
                            }
                            rec.since = rowOptDate(r, 2);
                            rec.state.graceUntil = rowOptDate(r, 3);
                            rec.overrideCode = rowOptText(r, 4);
                            rec.state.overrideRank = rankOfCode(p, rec.overrideCode);
                            rec.state.overrideUntil = rowOptDate(r, 5);
                            rec.overrideReason = rowOptText(r, 6);
                            rec.lastReview = rowOptDate(r, 7);
                        });
        return rec;
    });
}

void SociLoyaltyRepository::saveTier(std::int64_t memberId, const Programme& p, const TierState& s,
                                     const TierChange& change, Timestamp now) {
    withSqlErrors(m_db, "Could not save the member's tier", [&] {
        WriteTransaction tx(m_db);
        const TierRecord before = tier(memberId, p);
        const std::string code = tierCodeOfRank(p, s.rank);
        long long m = memberId, rank = s.rank;
        std::string c = code, since = formatDate(change.changedOn), at = formatTimestamp(now);
        std::string grace = s.graceUntil ? formatDate(*s.graceUntil) : std::string();
        soci::indicator graceInd = s.graceUntil ? soci::i_ok : soci::i_null;
        const bool changed = code != before.code;
        // A review's decision (rule "review") is remembered, so `tier review` can report when it last ran.
        std::string review = change.rule == "review" ? since : std::string();
        soci::indicator reviewInd = review.empty() ? soci::i_null : soci::i_ok;
        m_db.sql()
            << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, grace_until, last_review, "
               "updated_at) VALUES (:m, :c, :r, :s, :g, :lr, :at) ON CONFLICT (member_id) DO UPDATE SET "
               "tier_code = excluded.tier_code, tier_rank = excluded.tier_rank, since = CASE WHEN "
               "member_tiers.tier_code = excluded.tier_code THEN member_tiers.since ELSE excluded.since END, "
               "grace_until = excluded.grace_until, last_review = COALESCE(excluded.last_review, "
               "member_tiers.last_review), updated_at = excluded.updated_at",
            soci::use(m), soci::use(c), soci::use(rank), soci::use(since), soci::use(grace, graceInd),
            soci::use(review, reviewInd), soci::use(at);
        if (changed) {
            TierChange c = change;
            c.memberId = memberId;
            c.fromTier = before.code;
            c.toTier = code;
            recordTierChange(c, now);
        }
        tx.commit();
    });
}

void SociLoyaltyRepository::recordTierChange(const TierChange& c, Timestamp now) {
    withSqlErrors(
        m_db, "Could not record the tier change", [&] {
            WriteTransaction tx(m_db);
            long long id = 0, m = c.memberId, version = c.programmeVersion.value_or(0);
            soci::indicator versionInd = c.programmeVersion ? soci::i_ok : soci::i_null;
            std::string from = c.fromTier, to = c.toTier, reason = c.reason, rule = c.rule, note = c.note,
                        actor = c.actor, on = formatDate(c.changedOn), at = formatTimestamp(now);
            {
                soci::statement st =
                    (m_db.sql().prepare
                         << "INSERT INTO tier_changes (member_id, from_tier, to_tier, reason, rule, "
                            "changed_on, programme_version, note, actor, recorded_at) VALUES (:m, :f, :t, "
                            ":r, :ru, :d, :v, :n, :a, :at) RETURNING id",
                     soci::use(m), soci::use(from), soci::use(to), soci::use(reason), soci::use(rule),
                     soci::use(on), soci::use(version, versionInd), soci::use(note), soci::use(actor),
                     soci::use(at), soci::into(id));
                st.execute(true);
            }
            lockForEventWriting(m_db);
            Event e;
            e.type = event::kTierChanged;
            e.memberId = c.memberId;
            e.entityId = id;
            e.occurredAt = now;
            e.recordedAt = now;
            e.actor = c.actor;
            e.payload = "{\"from\":\"" + c.fromTier + "\",\"to\":\"" + c.toTier + "\",\"reason\":\"" +
                        c.reason + "\"}";
            SociEventLog(m_db).append(std::move(e));
            tx.commit();
        });
}

void SociLoyaltyRepository::saveOverride(std::int64_t memberId, const std::optional<std::string>& code,
                                         const std::optional<Date>& until, const std::string& reason,
                                         Timestamp now) {
    withSqlErrors(m_db, "Could not save the tier override", [&] {
        long long m = memberId;
        std::string c = code.value_or(""), u = until ? formatDate(*until) : std::string(), r = reason,
                    at = formatTimestamp(now), base = "";
        soci::indicator ci = code ? soci::i_ok : soci::i_null, ui = until ? soci::i_ok : soci::i_null;
        std::string since = formatDate(std::chrono::floor<std::chrono::days>(now));
        m_db.sql() << "INSERT INTO member_tiers (member_id, tier_code, tier_rank, since, override_tier, "
                      "override_until, override_reason, updated_at) VALUES (:m, :b, 0, :s, :c, :u, :r, :at) "
                      "ON CONFLICT (member_id) DO UPDATE SET override_tier = excluded.override_tier, "
                      "override_until = excluded.override_until, override_reason = excluded.override_reason, "
                      "updated_at = excluded.updated_at",
            soci::use(m), soci::use(base), soci::use(since), soci::use(c, ci), soci::use(u, ui), soci::use(r),
            soci::use(at);
    });
}

std::vector<TierChange> SociLoyaltyRepository::tierHistory(std::int64_t memberId) {
    return withSqlErrors(m_db, "Could not read the tier history", [&] {
        std::vector<TierChange> out;
        QueryArgs()
            .integer("m", memberId)
            .forEachRow(m_db.sql(),
                        "SELECT id, member_id, from_tier, to_tier, reason, rule, note, actor, changed_on, "
                        "programme_version, "
                        "recorded_at FROM tier_changes WHERE member_id = :m ORDER BY id",
                        [&](const soci::row& r) {
                            TierChange c;
                            c.id = rowInt(r, 0);
                            c.memberId = rowInt(r, 1);
                            c.fromTier = rowText(r, 2);
                            c.toTier = rowText(r, 3);
                            c.reason = rowText(r, 4);
                            c.rule = rowText(r, 5);
                            c.note = rowText(r, 6);
                            c.actor = rowText(r, 7);
                            c.changedOn = rowDate(r, 8);
                            if (r.get_indicator(9) != soci::i_null) c.programmeVersion = rowInt(r, 9);
                            c.recordedAt = rowInstant(r, 10);
                            out.push_back(std::move(c));
                        });
        return out;
    });
}

QualifyingFigures SociLoyaltyRepository::figures(std::int64_t memberId, Date first, Date last) {
    return withSqlErrors(m_db, "Could not read the qualifying figures", [&] {
        QualifyingFigures f;
        QueryArgs()
            .integer("m", memberId)
            .text("f", formatDate(first))
            .text("l", formatDate(last))
            .forEachRow(
                m_db.sql(),
                "SELECT COALESCE(SUM(spend_minor), 0), COALESCE(SUM(qualifying), 0) FROM points_ledger "
                "WHERE member_id = :m AND local_date >= :f AND local_date <= :l",
                [&](const soci::row& r) {
                    f.spendMinor = rowInt(r, 0);
                    f.points = rowInt(r, 1);
                });
        return f;
    });
}

// ---- approvals ---------------------------------------------------------------------------------

std::int64_t SociLoyaltyRepository::requestApproval(const Approval& a) {
    return withSqlErrors(m_db, "Could not record the approval request", [&] {
        long long m = a.memberId, p = a.points, id = 0;
        std::string reason = a.reason, note = a.note, key = a.requestKey, by = a.requestedBy,
                    at = formatTimestamp(a.requestedAt);
        soci::statement st =
            (m_db.sql().prepare
                 << "INSERT INTO points_approvals (member_id, points, reason, note, request_key, "
                    "requested_by, requested_at) VALUES (:m, :p, :r, :n, :k, :b, :at) RETURNING id",
             soci::use(m), soci::use(p), soci::use(reason), soci::use(note), soci::use(key), soci::use(by),
             soci::use(at), soci::into(id));
        st.execute(true);
        return static_cast<std::int64_t>(id);
    });
}

std::optional<Approval> SociLoyaltyRepository::approval(std::int64_t id) {
    return withSqlErrors(m_db, "Could not read the approval request", [&] {
        std::optional<Approval> out;
        QueryArgs().integer("i", id).forEachRow(m_db.sql(),
                                                std::string("SELECT ") + kApprovalColumns +
                                                    " FROM points_approvals WHERE id = :i" +
                                                    m_db.dialect().forUpdateOf("points_approvals"),
                                                [&](const soci::row& r) { out = approvalFromRow(r); });
        return out;
    });
}

std::vector<Approval> SociLoyaltyRepository::pendingApprovals() {
    return withSqlErrors(m_db, "Could not read the approval requests", [&] {
        std::vector<Approval> out;
        QueryArgs().forEachRow(m_db.sql(),
                               std::string("SELECT ") + kApprovalColumns +
                                   " FROM points_approvals WHERE status = 'pending' ORDER BY id",
                               [&](const soci::row& r) { out.push_back(approvalFromRow(r)); });
        return out;
    });
}

void SociLoyaltyRepository::decideApproval(std::int64_t id, const std::string& status, const std::string& by,
                                           std::optional<std::int64_t> entryId, Timestamp now) {
    withSqlErrors(m_db, "Could not record the approval", [&] {
        long long i = id, e = entryId.value_or(0);
        soci::indicator ei = entryId ? soci::i_ok : soci::i_null;
        std::string s = status, b = by, at = formatTimestamp(now);
        m_db.sql()
            << "UPDATE points_approvals SET status = :s, decided_by = :b, decided_at = :at, entry_id = :e "
               "WHERE id = :i AND status = 'pending'",
            soci::use(s), soci::use(b), soci::use(at), soci::use(e, ei), soci::use(i);
    });
}

} // namespace md::db
