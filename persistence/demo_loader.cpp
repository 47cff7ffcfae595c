// loadDemo: the generator streams each member followed by its transactions; both go straight into
// their tables through the bulk loader (no staging: the database must be empty of members). Because a
// member's transactions arrive right after it, its totals are summed here while they stream and the
// member row is written with them, which spares a 10M-row aggregate and a rewrite of every member
// (measured: see DemoLoaderCheck in the report). Members get explicit ids 1..N so transactions can
// name them without a round trip; PostgreSQL's identity is moved past them at the end.
#include "persistence/demo_loader.h"

#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/bulk_loader.h"
#include "persistence/event_log.h"
#include "persistence/member_rows.h"
#include "persistence/member_totals.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"
#include "persistence/transaction_line_parser.h"

#include <soci/soci.h>

#include <unordered_set>

namespace md::db {

namespace {

// Members per write; their transactions (about ten each) are written right after them.
constexpr std::int64_t kMembersPerBatch = 10000;

class DemoLoader {
public:
    DemoLoader(Database& db, const DemoSource& source, const ProgressFn& progress)
        : m_db(db), m_source(source), m_opt(source.options()), m_progress(progress),
          m_now(formatTimestamp(nowUtc())), m_members(db, "members", memberColumnsWithIdAndTotals(), 0),
          m_transactions(db, "transactions", transactionColumns(), 0) {}

    DemoReport run() {
        WriteTransaction tr(m_db);
        long long existing = 0;
        m_db.sql() << "SELECT COUNT(*) FROM (SELECT 1 FROM members LIMIT 1) x", soci::into(existing);
        if (existing != 0)
            throw DatabaseError(
                "The database already has members: demo data loads only into an empty database",
                m_db.url().display());
        report(0);
        writeStores(m_source.stores());
        m_source.generate([this](const Member& m) { onMember(m); },
                          [this](const Transaction& t) { onTransaction(t); });
        finishMember();
        flush();
        if (m_result.members > 0) m_db.dialect().resetIdentity(m_db, "members");
        // The events of the history, so consumers can be rebuilt by replaying; the totals were computed
        // while generating, so their consumer starts after these events.
        appendMemberJoinedEvents(m_db, 0, "demo", m_now);
        appendTransactionEvents(m_db, 0, "demo", m_now);
        setConsumerPosition(m_db, kMemberTotalsConsumer, maxId(m_db, "events"), m_now);
        appendAudit(m_db, m_db.actor(), "import", "demo", "seed " + std::to_string(m_opt.seed), std::nullopt,
                    "{\"seed\":" + std::to_string(m_opt.seed) + ",\"stores\":" +
                        std::to_string(m_result.stores) + ",\"members\":" + std::to_string(m_result.members) +
                        ",\"transactions\":" + std::to_string(m_result.transactions) + "}");
        report(m_opt.members);
        tr.commit();
        // Fresh planner statistics: without them the first searches over a million rows plan badly.
        try {
            m_db.dialect().analyze(m_db, "members, transactions");
        } catch (const soci::soci_error&) {
            // The data is committed; statistics are an optimisation autovacuum also provides.
        }
        return m_result;
    }

private:
    void writeStores(const std::vector<Store>& stores) {
        std::unordered_set<std::string> have;
        std::string code;
        soci::statement st = (m_db.sql().prepare << "SELECT code FROM stores", soci::into(code));
        st.execute();
        while (st.fetch())
            have.insert(code);
        BulkWriter w(m_db, "stores", {{"code"}, {"name"}, {"city"}}, 0);
        for (const auto& s : stores) {
            m_storeCodes.insert(s.code);
            if (have.count(s.code)) continue;
            w.text(s.code).text(s.name).text(s.city).endRow();
        }
        w.flush();
        m_result.stores = static_cast<std::int64_t>(stores.size());
    }

    void onMember(const Member& m) {
        finishMember();
        m_current = m;
        m_current->id = ++m_nextId;
        m_totals = MemberTotals{};
    }

    void onTransaction(const Transaction& t) {
        if (!m_current || t.cardNo != m_current->card.str())
            throw std::logic_error("The demo data has a transaction for " + t.cardNo + " outside its member");
        if (!m_storeCodes.count(t.storeCode))
            throw std::logic_error("The demo data has a transaction for unknown store " + t.storeCode);
        appendTransactionRow(m_transactions, t, m_current->id);
        ++m_result.transactions;
        // Same definition as recomputeMemberTotals' SQL: purchases count, refunds are netted.
        if (t.kind == TransactionKind::Purchase) {
            ++m_totals.orders;
            m_revenue += t.amount.minor();
            if (!m_totals.firstPurchase || t.occurredAt < *m_totals.firstPurchase)
                m_totals.firstPurchase = t.occurredAt;
            if (!m_totals.lastPurchase || t.occurredAt > *m_totals.lastPurchase)
                m_totals.lastPurchase = t.occurredAt;
        } else {
            m_revenue -= t.amount.minor();
        }
    }

    void finishMember() {
        if (!m_current) return;
        m_totals.revenue = Money(m_revenue, kProgrammeCurrency);
        appendMemberRowWithIdAndTotals(m_members, *m_current, m_now, m_totals);
        m_current.reset();
        m_revenue = 0;
        if (++m_result.members % kMembersPerBatch == 0) flush();
        if (m_result.members % m_reportEvery == 0) report(m_result.members);
    }

    // Members before their transactions: the foreign key is checked row by row.
    void flush() {
        m_members.flush();
        m_transactions.flush();
    }

    void report(std::int64_t done) {
        if (m_progress && !m_progress(Progress{"Loading demo data", static_cast<std::uint64_t>(done),
                                               static_cast<std::uint64_t>(m_opt.members)}))
            throw Cancelled("Loading the demo data was cancelled; nothing was changed");
    }

    Database& m_db;
    const DemoSource& m_source;
    DemoOptions m_opt;
    const ProgressFn& m_progress;
    std::string m_now;
    BulkWriter m_members, m_transactions;
    std::unordered_set<std::string> m_storeCodes;
    std::optional<Member> m_current;
    MemberTotals m_totals;
    std::int64_t m_revenue = 0, m_nextId = 0;
    std::int64_t m_reportEvery =
        std::max<std::int64_t>(1, std::min<std::int64_t>(m_opt.members / 100, 50000));
    DemoReport m_result;
};

} // namespace

DemoReport loadDemo(Database& db, const DemoSource& source, const ProgressFn& progress) {
    return withSqlErrors(db, "Loading the demo data failed; nothing was changed", [&] {
        DemoLoader loader(db, source, progress);
        return loader.run();
    });
}

} // namespace md::db
