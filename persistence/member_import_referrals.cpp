#include "persistence/member_import_referrals.h"

#include "domain/membership/codes.h"
#include "persistence/member_mapping.h"

#include <soci/soci.h>

namespace md::db {

namespace {

std::optional<std::int64_t> optInt(const soci::row& r, std::size_t i) {
    if (r.get_indicator(i) == soci::i_null) return std::nullopt;
    return rowInt(r, i);
}

} // namespace

std::optional<std::string> ImportReferrals::readCode(std::string_view cell) {
    if (cell.empty()) return std::string();
    std::string code = membership::normaliseCode(cell);
    if (code.size() != membership::kReferralCodeLength) return std::nullopt;
    return code;
}

TempTable& ImportReferrals::table() {
    if (!m_table)
        m_table.emplace(m_db, "md_import_referrals",
                        "SELECT CAST(0 AS BIGINT) AS line, card_no, card_no AS code FROM members");
    return *m_table;
}

void ImportReferrals::write(const std::vector<Line>& lines) {
    TempTable& t = table();
    t.clear();
    BulkWriter w(m_db, t.name(),
                 {{"line", ColumnType::Integer}, {"card_no", ColumnType::Text}, {"code", ColumnType::Text}},
                 10000);
    for (const Line& l : lines)
        w.integer(static_cast<std::int64_t>(l.line)).text(l.card).text(l.code).endRow();
    w.flush();
    t.analyze();
}

std::unordered_map<std::size_t, std::string> ImportReferrals::check(const std::vector<Line>& lines) {
    std::unordered_map<std::size_t, std::string> refused;
    write(lines);
    QueryArgs().forEachRow(
        m_db.sql(),
        "SELECT k.line, k.code, rc.member_id, m.id, (SELECT r.referrer_id FROM referrals r WHERE "
        "r.referee_id = "
        "m.id), CASE WHEN EXISTS (SELECT 1 FROM referrals r2 WHERE r2.referee_id = rc.member_id AND "
        "r2.referrer_id = m.id) THEN 1 ELSE 0 END, CASE WHEN EXISTS (SELECT 1 FROM transactions t WHERE "
        "t.member_id = m.id AND t.kind = 'purchase') THEN 1 ELSE 0 END FROM " +
            table().name() +
            " k LEFT JOIN referral_codes rc ON rc.code = k.code LEFT JOIN members m ON m.card_no = k.card_no",
        [&](const soci::row& r) {
            const auto line = static_cast<std::size_t>(rowInt(r, 0));
            const std::string code = rowText(r, 1);
            const auto referrer = optInt(r, 2), member = optInt(r, 3), earlier = optInt(r, 4);
            if (!referrer)
                refused[line] = "referred_by: no member has the referral code " + code;
            else if (!member)
                return; // a new member: nothing else can be wrong
            else if (*referrer == *member)
                refused[line] = "referred_by: a member cannot refer themselves";
            else if (earlier && *earlier != *referrer)
                refused[line] = "referred_by: this member was already referred by another member; a referral "
                                "is never changed";
            else if (rowInt(r, 5) != 0)
                refused[line] = "referred_by: the member with code " + code + " was referred by this member";
            else if (!earlier && rowInt(r, 6) != 0)
                refused[line] =
                    "referred_by: this member has already bought; only a new customer can be referred";
        });
    std::vector<Line> kept;
    for (const Line& l : lines)
        if (!refused.count(l.line)) kept.push_back(l);
    write(kept);
    return refused;
}

void ImportReferrals::link(const std::string& actor, const std::string& now) {
    const std::string from =
        " FROM " + table().name() +
        " k JOIN members m ON m.card_no = k.card_no JOIN referral_codes rc ON rc.code = k.code "
        "WHERE NOT EXISTS (SELECT 1 FROM referrals r WHERE r.referee_id = m.id)";
    std::string who = actor, at = now;
    // The events first: the same NOT EXISTS still sees which links are new.
    m_db.sql() << "INSERT INTO events (type, member_id, entity_id, occurred_at, recorded_at, actor, payload) "
                  "SELECT 'referral_linked', m.id, rc.member_id, :at, :at2, :who, '{\"source\":\"import\"}'" +
                      from + " ORDER BY k.line",
        soci::use(at, "at"), soci::use(at, "at2"), soci::use(who, "who");
    m_db.sql()
        << "INSERT INTO referrals (referee_id, referrer_id, linked_at, actor) SELECT m.id, rc.member_id, "
           ":at, :who" +
               from,
        soci::use(at, "at"), soci::use(who, "who");
    table().clear();
}

void ImportReferrals::drop() {
    if (m_table) m_table->drop();
    m_table.reset();
}

} // namespace md::db
