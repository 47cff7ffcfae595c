// Points expiry in bulk: the members with lots past their last day, a chunk at a time.
#include "persistence/loyalty_engine.h"

#include "persistence/loyalty_engine_state.h"
#include "persistence/member_mapping.h"
#include "persistence/native_sql.h"

#include <soci/soci.h>

namespace md::db {

using namespace loyalty;

namespace {
constexpr std::size_t kMembersPerChunk = 20000;
}

std::int64_t expireLots(Database& db, Date asOf, int rollingDays, const std::string& actor, Timestamp now) {
    WriteTransaction tx(db);
    std::vector<std::int64_t> members;
    // Lots with points left whose last day has passed; drawn-on amounts are settled per member below.
    QueryArgs()
        .text("d", formatDate(asOf))
        .text("r", formatDate(asOf - std::chrono::days(rollingDays)))
        .integer("rolling", rollingDays)
        .forEachRow(
            db.sql(),
            "SELECT DISTINCT l.member_id FROM points_ledger l WHERE l.points > 0 AND (l.expires_on < :d OR "
            "(:rolling > 0 AND l.member_id IN (SELECT member_id FROM member_points WHERE last_activity < "
            ":r))) "
            "AND l.points > COALESCE((SELECT SUM(d.points) FROM points_draws d WHERE d.lot_id = l.id), 0) "
            "ORDER BY l.member_id",
            [&](const soci::row& r) { members.push_back(rowInt(r, 0)); });
    std::int64_t written = 0;
    const std::string at = formatTimestamp(now);
    for (std::size_t from = 0; from < members.size(); from += kMembersPerChunk) {
        const std::vector<std::int64_t> chunk(
            members.begin() + static_cast<std::ptrdiff_t>(from),
            members.begin() + static_cast<std::ptrdiff_t>(std::min(members.size(), from + kMembersPerChunk)));
        ChunkLedger ledger(db);
        ledger.load(chunk, asOf, at, 0);
        std::size_t lots = 0; // at most one expire entry per open lot
        for (const std::int64_t member : chunk)
            lots += ledger.state(member).lots.size();
        ledger.reserve(lots);
        for (const std::int64_t member : chunk) {
            MemberState& s = ledger.state(member);
            std::optional<Date> rolling;
            if (rollingDays > 0 && s.lastActivity) rolling = *s.lastActivity + std::chrono::days(rollingDays);
            const std::vector<EngineLot> lots = s.lots;
            for (const EngineLot& l : lots) {
                std::optional<Date> lastDay = l.expiresOn;
                if (rolling && (!lastDay || *rolling < *lastDay)) lastDay = rolling;
                if (!lastDay || *lastDay >= asOf || l.remaining <= 0) continue;
                Posting p;
                p.memberId = member;
                p.kind = EntryKind::Expire;
                p.points = -l.remaining;
                p.key = "expire:" + std::to_string(l.id);
                p.localDate = *lastDay + std::chrono::days(1);
                p.occurredAt = now;
                p.requireCover = false;
                p.preferLot = l.id;
                p.reason = "expired";
                p.note = "lot " + std::to_string(l.id) + " expired after " + formatDate(*lastDay);
                ledger.add(std::move(p));
                ++written;
            }
        }
        ledger.write(actor, at);
    }
    tx.commit();
    return written;
}

} // namespace md::db
