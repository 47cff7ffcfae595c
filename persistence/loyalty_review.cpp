// Tier review over every placed member: downgrades (with grace) happen only here.
#include "persistence/loyalty_engine.h"

#include "domain/loyalty/tiers.h"
#include "persistence/bulk_loader.h"
#include "persistence/event_log.h"
#include "persistence/loyalty_engine_state.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <unordered_map>

namespace md::db {

using namespace loyalty;

namespace {

struct Reviewed {
    std::int64_t member = 0;
    std::string code;
    TierState state;
    Date joinDate{};
    QualifyingFigures figures;
};

std::optional<Date> optDate(const std::string& text) {
    if (text.empty()) return std::nullopt;
    auto d = parseDate(text);
    return d ? std::optional(d.value()) : std::nullopt;
}

const std::string& codeOfRank(const Programme& p, int rank) {
    for (const Tier& t : p.ladder.tiers)
        if (t.rank == rank) return t.code;
    return p.ladder.tiers.front().code;
}

} // namespace

ReviewReport reviewAllTiers(Database& db, const Programme& p, Date asOf, bool dryRun,
                            const std::string& actor, Timestamp now) {
    return withSqlErrors(db, "Could not review the tiers", [&] {
        ReviewReport report;
        report.asOf = asOf;
        report.dryRun = dryRun;
        WriteTransaction tx(db);
        // One table lock, not a row lock on each of a million rows (PostgreSQL writes every row lock into
        // the row itself): engine chunks and a person's `tier set` wait for the review, reads go on. A dry
        // run reads a snapshot and locks nothing. SQLite's write transaction already excludes writers.
        // The event lock comes first, in the engine's order (events, then tiers): taken the other way
        // round, a review and an engine chunk would each wait for the other.
        if (!dryRun) {
            lockForEventWriting(db);
            if (db.dialect().isPostgres()) db.sql() << "LOCK TABLE member_tiers IN SHARE ROW EXCLUSIVE MODE";
        }
        std::vector<Reviewed> members;
        std::unordered_map<std::int64_t, std::size_t> index;
        // The widest window any member can have (a year back); each member's own window is applied below
        // when it differs (anniversary windows start on each member's own day).
        const Window common = qualifyingWindow(p.ladder.window, asOf, asOf);
        const bool perMember = p.ladder.window == QualifyingWindow::Anniversary;
        const Date earliest = perMember ? asOf - std::chrono::days(366) : common.first;
        const std::string f = formatDate(earliest), l = formatDate(asOf);
        // A common window: one statement, the server sums each member's window next to the tier row (a
        // million rows cross once, not twice, and need no lookup here).
        const std::string figures =
            perMember ? ""
                      : ", a.spend, a.points FROM member_tiers mt JOIN members m ON m.id = mt.member_id LEFT "
                        "JOIN (SELECT member_id, SUM(spend_minor) AS spend, SUM(qualifying) AS points FROM "
                        "points_ledger WHERE local_date >= :f AND local_date <= :l GROUP BY member_id) a ON "
                        "a.member_id = mt.member_id";
        QueryArgs args;
        if (!perMember) args.text("f", f).text("l", l);
        args.forEachRow(
            db.sql(),
            "SELECT mt.member_id, mt.tier_code, mt.grace_until, mt.override_tier, mt.override_until, "
            "m.join_date" +
                (perMember ? std::string(" FROM member_tiers mt JOIN members m ON m.id = mt.member_id")
                           : figures),
            [&](const soci::row& r) {
                Reviewed x;
                x.member = rowInt(r, 0);
                const Tier* t = findTier(p, rowText(r, 1));
                x.code = t ? t->code : p.ladder.tiers.front().code;
                x.state.rank = t ? t->rank : 0;
                x.state.graceUntil = optDate(rowText(r, 2));
                if (auto o = rowOptText(r, 3))
                    if (const Tier* ot = findTier(p, *o)) x.state.overrideRank = ot->rank;
                x.state.overrideUntil = optDate(rowText(r, 4));
                x.joinDate = optDate(rowText(r, 5)).value_or(asOf);
                if (!perMember) {
                    x.figures.spendMinor = rowInt(r, 6);
                    x.figures.points = rowInt(r, 7);
                } else {
                    index.emplace(x.member, members.size());
                }
                members.push_back(std::move(x));
            });
        if (perMember)
            QueryArgs().text("f", f).text("l", l).forEachRow(
                db.sql(),
                "SELECT member_id, local_date, SUM(spend_minor), SUM(qualifying) FROM points_ledger WHERE "
                "local_date >= :f AND local_date <= :l GROUP BY member_id, local_date",
                [&](const soci::row& r) {
                    const auto it = index.find(rowInt(r, 0));
                    if (it == index.end()) return;
                    Reviewed& x = members[it->second];
                    const auto day = optDate(rowText(r, 1));
                    const Window w = qualifyingWindow(p.ladder.window, asOf, x.joinDate);
                    if (!day || *day < w.first || *day > w.last) return;
                    x.figures.spendMinor += rowInt(r, 2);
                    x.figures.points += rowInt(r, 3);
                });

        struct Change {
            std::int64_t member;
            int rank;
            std::optional<Date> graceUntil;
        };
        std::vector<Change> changes;
        ChunkWrites writes;
        for (const Reviewed& x : members) {
            ++report.members;
            const Decision d = reviewTier(p.ladder, x.state, x.figures, asOf);
            if (d.rank > x.state.rank)
                ++report.upgrades;
            else if (d.rank < x.state.rank)
                ++report.downgrades;
            else if (d.reason == "grace_started")
                ++report.graceStarted;
            else if (d.reason == "grace_running")
                ++report.graceRunning;
            else
                ++report.retained;
            if (d.rank == x.state.rank && d.graceUntil == x.state.graceUntil) continue;
            changes.push_back({x.member, d.rank, d.graceUntil});
            if (d.rank != x.state.rank)
                writes.changes.push_back(
                    {x.member, x.code, codeOfRank(p, d.rank), d.reason, "review", asOf, p.version});
        }
        if (dryRun) return report; // nothing was written; the transaction is abandoned

        TempTable changed(db, "md_review_tiers",
                          "SELECT member_id, tier_code, tier_rank, grace_until FROM member_tiers");
        BulkWriter rows(db, changed.name(),
                        {{"member_id", ColumnType::Integer},
                         {"tier_code"},
                         {"tier_rank", ColumnType::Integer},
                         {"grace_until"}},
                        50000);
        for (const Change& c : changes) {
            rows.integer(c.member).text(codeOfRank(p, c.rank)).integer(c.rank);
            rows.text(c.graceUntil ? std::optional(formatDate(*c.graceUntil)) : std::nullopt).endRow();
        }
        rows.flush();
        changed.analyze();
        std::string since = formatDate(asOf), at = formatTimestamp(now);
        db.sql() << "UPDATE member_tiers SET since = CASE WHEN member_tiers.tier_code = x.tier_code THEN "
                    "member_tiers.since ELSE :s END, tier_code = x.tier_code, tier_rank = x.tier_rank, "
                    "grace_until = x.grace_until, last_review = :s2, updated_at = :at FROM " +
                        changed.name() + " x WHERE member_tiers.member_id = x.member_id",
            soci::use(since, "s"), soci::use(since, "s2"), soci::use(at, "at");
        writeChunk(db, writes, {}, actor, formatTimestamp(now));
        changed.drop();
        tx.commit();
        return report;
    });
}

} // namespace md::db
