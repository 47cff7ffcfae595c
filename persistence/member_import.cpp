// importMembers: stream the file, validate each line in C++, write valid members in batches through
// the bulk loader, all in one transaction. Cards already in the database are found per batch with one
// set-based join against a temporary key table (skipped while the table was empty at the start).
#include "domain/errors.h"
#include "domain/member_events.h"
#include "persistence/audit.h"
#include "persistence/bulk_loader.h"
#include "persistence/csv_import.h"
#include "persistence/event_log.h"
#include "persistence/import_session.h"
#include "persistence/member_import_referrals.h"
#include "persistence/member_line_parser.h"
#include "persistence/member_mapping.h"
#include "persistence/member_rows.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <soci/soci.h>

#include <unordered_map>

namespace md::db {

namespace {

constexpr std::size_t kBatchRows = 10000;

struct PendingMember {
    std::size_t line;
    std::vector<std::string> fields; ///< kept for the rejects file until the batch is written
    ParsedMember parsed;
    std::string referredBy; ///< a referrer's referral code (referred_by column), "" when none
};

class MemberImporter {
public:
    MemberImporter(Database& db, const std::filesystem::path& file, const ImportOptions& opt)
        : m_db(db), m_opt(opt), m_session(file, opt.progress, "Importing members", databaseFiles(db)) {
        m_session.requireColumns({"card_no", "name"});
        m_session.requireAnyColumn({"phone", "email"});
        m_session.requireKnownColumns({"card_no", "name", "phone", "email", "birthday", "gender", "join_date",
                                       "store", "email_consent", "sms_consent", "status", "referred_by"},
                                      opt.ignoreColumns);
    }

    ImportReport run() {
        soci::session& sql = m_db.sql();
        WriteTransaction tr(m_db);
        m_now = m_opt.now.value_or(nowUtc());
        m_nowText = formatTimestamp(m_now);
        m_parser.emplace(m_session, loadStoreCodes(m_db), m_now, m_opt.zone.localDate(m_now));
        m_actor = (m_opt.actor ? *m_opt.actor : m_db.actor()).name;
        // New members are found by id after the last one; on PostgreSQL no one else may add members in
        // between (SQLite's BEGIN IMMEDIATE already makes us the only writer).
        m_db.dialect().lockTableForAppend(m_db, "members");
        lockForEventWriting(m_db);
        const std::int64_t lastBefore = maxId(m_db, "members");
        int anyMember = 0;
        sql << "SELECT COUNT(*) FROM (SELECT 1 FROM members LIMIT 1) x", soci::into(anyMember);
        m_lookup = anyMember != 0;
        if (m_lookup) {
            m_keys.emplace(m_db, "md_import_keys", "SELECT CAST(0 AS BIGINT) AS line, card_no FROM members");
            if (m_opt.mode == ImportMode::Upsert)
                m_updates.emplace(m_db, "md_import_updates", memberUpdateShapeSql());
        }
        m_inserter.emplace(m_db, "members", memberColumns(), kBatchRows);

        while (auto rec = m_session.next()) {
            auto parsed = m_parser->parse(*rec);
            if (!parsed) {
                m_session.reject(*rec, parsed.error());
                continue;
            }
            std::optional<std::string> referredBy = std::string();
            if (m_referrals.active())
                referredBy = ImportReferrals::readCode(ImportSession::field(*rec, m_referrals.column()));
            if (!referredBy) {
                m_session.reject(*rec, "referred_by: \"" +
                                           std::string(ImportSession::field(*rec, m_referrals.column())) +
                                           "\" is not a referral code");
                continue;
            }
            const std::string& card = parsed.value().member.card.str();
            if (auto [it, fresh] = m_seen.emplace(card, rec->line); !fresh) {
                m_session.reject(*rec, "duplicate card number " + card + " (already on line " +
                                           std::to_string(it->second) + ")");
                continue;
            }
            m_batch.push_back({rec->line, std::move(rec->fields), std::move(parsed).value(), *referredBy});
            if (m_batch.size() >= kBatchRows) writeBatch();
        }
        writeBatch();

        m_referrals.drop();
        if (m_keys) m_keys->drop();
        if (m_updates) m_updates->drop();
        m_session.report().imported = m_inserted + m_updated;
        appendMemberJoinedEvents(m_db, lastBefore, m_actor, m_nowText);
        return commitImport(m_db, tr, m_session, "members", m_opt.mode, m_opt.actor);
    }

private:
    // Members already stored among the batch's cards, by line: one join against the key table. Insert
    // mode only needs to know which lines (an index-only scan); upsert needs the stored member.
    std::unordered_map<std::size_t, std::optional<Member>> existingMembers() {
        std::unordered_map<std::size_t, std::optional<Member>> found;
        if (!m_lookup) return found;
        BulkWriter keys(m_db, m_keys->name(), {{"line", ColumnType::Integer}, {"card_no", ColumnType::Text}},
                        kBatchRows);
        for (const auto& p : m_batch)
            keys.integer(static_cast<std::int64_t>(p.line)).text(p.parsed.member.card.str()).endRow();
        keys.flush();
        m_keys->analyze();
        const std::string join = " FROM " + m_keys->name() + " k JOIN members m ON m.card_no = k.card_no";
        if (m_opt.mode == ImportMode::Insert) {
            long long line = 0;
            soci::statement st = (m_db.sql().prepare << "SELECT k.line" + join, soci::into(line));
            st.execute();
            while (st.fetch())
                found.emplace(static_cast<std::size_t>(line), std::nullopt);
        } else {
            const std::size_t lineColumn = memberColumnCount();
            // The versions read here are the ones the update checks. PostgreSQL (READ COMMITTED) must
            // lock the rows so no one saves them in between; SQLite already holds BEGIN IMMEDIATE.
            const std::string lock = m_db.dialect().forUpdateOf("m");
            soci::rowset<soci::row> rows = m_db.sql().prepare
                                           << "SELECT " + memberColumnsOf("m") + ", k.line" + join + lock;
            for (const auto& r : rows)
                found.emplace(static_cast<std::size_t>(rowInt(r, lineColumn)), memberFromRow(r));
        }
        m_keys->clear();
        return found;
    }

    void writeBatch() {
        if (m_batch.empty()) return;
        checkReferrals();
        const auto existing = existingMembers();
        std::vector<std::pair<Member, Member>> changed; // before, after
        for (auto& p : m_batch) {
            const auto it = existing.find(p.line);
            if (it == existing.end()) {
                appendMemberRow(*m_inserter, p.parsed.member, m_nowText);
                ++m_inserted;
            } else if (m_opt.mode == ImportMode::Insert) {
                m_session.reject(p.line, std::move(p.fields),
                                 "duplicate card number " + p.parsed.member.card.str() +
                                     " (already in the database)");
            } else {
                const Member& before = *it->second;
                Member after = m_parser->applyTo(before, p.parsed);
                ++m_updated;
                if (after != before) changed.emplace_back(before, std::move(after));
            }
        }
        m_inserter->flush();
        if (!changed.empty()) writeUpdates(changed);
        if (m_referrals.active()) m_referrals.link(m_actor, m_nowText);
        m_batch.clear();
        m_session.flushRejects();
    }

    // Lines whose referral cannot be recorded are rejected whole, before any member of the batch is written.
    void checkReferrals() {
        if (!m_referrals.active()) return;
        std::vector<ImportReferrals::Line> lines;
        for (const auto& p : m_batch)
            if (!p.referredBy.empty()) lines.push_back({p.line, p.parsed.member.card.str(), p.referredBy});
        if (lines.empty()) return;
        auto refused = m_referrals.check(lines);
        if (refused.empty()) return;
        std::erase_if(m_batch, [&](PendingMember& p) {
            const auto it = refused.find(p.line);
            if (it == refused.end()) return false;
            m_session.reject(p.line, std::move(p.fields), it->second);
            return true;
        });
    }

    void writeUpdates(const std::vector<std::pair<Member, Member>>& changed) {
        BulkWriter staging(m_db, m_updates->name(), memberUpdateColumns(), kBatchRows);
        for (const auto& [before, after] : changed)
            appendMemberUpdate(staging, after, m_nowText);
        staging.flush();
        m_updates->analyze();
        // Throws ConflictError when a member changed since it was read: the whole import rolls back.
        applyMemberUpdates(m_db, m_updates->name(), changed.size());
        m_updates->clear();
        SociEventLog events(m_db);
        for (const auto& [before, after] : changed) {
            // Keyed by id like the repository's entries, so a member's trail is one list.
            appendAudit(m_db, m_db.actor(), "update", "member", std::to_string(after.id),
                        memberToJson(before), memberToJson(after));
            for (const Event& e : memberChangeEvents(before, after, m_now, m_actor))
                events.append(e);
        }
    }

    Database& m_db;
    const ImportOptions& m_opt;
    ImportSession m_session;
    Timestamp m_now{};
    std::string m_nowText, m_actor;
    bool m_lookup = false;
    std::optional<MemberLineParser> m_parser;
    std::optional<TempTable> m_keys, m_updates;
    std::optional<BulkWriter> m_inserter;
    ImportReferrals m_referrals{m_db, m_session.column("referred_by")};
    std::unordered_map<std::string, std::size_t> m_seen; ///< card -> line, for duplicates within the file
    std::vector<PendingMember> m_batch;
    std::uint64_t m_inserted = 0, m_updated = 0;
};

} // namespace

ImportReport importMembers(Database& db, const std::filesystem::path& file, const ImportOptions& opt) {
    return withSqlErrors(db, "The member import failed; nothing was changed", [&] {
        MemberImporter importer(db, file, opt);
        return importer.run();
    });
}

} // namespace md::db
