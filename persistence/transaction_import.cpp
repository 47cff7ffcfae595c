// importTransactions: members come first, so every card must already be in the database; the card ->
// id map is loaded once. Valid lines are bulk-written in batches; the totals of every member touched
// are recomputed set-based at the end, all in the same transaction.
#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/bulk_loader.h"
#include "persistence/csv_import.h"
#include "persistence/member_line_parser.h"
#include "persistence/member_totals.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"
#include "persistence/transaction_line_parser.h"

#include <soci/soci.h>

#include <unordered_set>

namespace md::db {

namespace {

constexpr std::size_t kBatchRows = 10000;

struct PendingTransaction {
    std::size_t line;
    std::vector<std::string> fields;
    ParsedTransaction parsed;
};

std::unordered_map<std::string, std::int64_t> loadMemberIds(Database& db) {
    std::unordered_map<std::string, std::int64_t> ids;
    long long id = 0;
    std::string card;
    soci::statement st =
        (db.sql().prepare << "SELECT id, card_no FROM members", soci::into(id), soci::into(card));
    st.execute();
    while (st.fetch())
        ids.emplace(card, id);
    return ids;
}

class TransactionImporter {
public:
    TransactionImporter(Database& db, const std::filesystem::path& file, const ImportOptions& opt)
        : m_db(db), m_opt(opt), m_session(file, opt.progress, "Importing transactions") {
        m_session.requireColumns({"order_id", "card_no", "store", "occurred_at", "amount"});
    }

    ImportReport run() {
        WriteTransaction tr(m_db);
        m_session.progress("Loading members", 0, 0);
        const auto members = loadMemberIds(m_db);
        TransactionLineParser parser(m_session, members, loadStoreCodes(m_db));
        int anyTransaction = 0;
        m_db.sql() << "SELECT COUNT(*) FROM (SELECT 1 FROM transactions LIMIT 1) x",
            soci::into(anyTransaction);
        if (anyTransaction != 0)
            m_keys.emplace(m_db, "md_import_order_keys",
                           "SELECT CAST(0 AS BIGINT) AS line, store_code, order_id FROM transactions");
        m_inserter.emplace(m_db, "transactions", transactionColumns(), kBatchRows);

        while (auto rec = m_session.next()) {
            auto parsed = parser.parse(*rec);
            if (!parsed) {
                m_session.reject(*rec, parsed.error());
                continue;
            }
            const Transaction& t = parsed.value().tx;
            // Store codes never contain '\x1f', so it separates the two parts of the key.
            if (auto [it, fresh] = m_seen.emplace(t.storeCode + '\x1f' + t.orderId, rec->line); !fresh) {
                m_session.reject(*rec, "duplicate order " + t.orderId + " in store " + t.storeCode +
                                           " (already on line " + std::to_string(it->second) + ")");
                continue;
            }
            m_batch.push_back({rec->line, std::move(rec->fields), std::move(parsed).value()});
            if (m_batch.size() >= kBatchRows) writeBatch();
        }
        writeBatch();
        if (m_keys) m_keys->drop();

        m_session.progress("Updating member totals", 0, m_affected.size());
        recomputeMemberTotals(m_db, std::vector<std::int64_t>(m_affected.begin(), m_affected.end()));
        m_session.report().imported = m_inserted;
        return commitImport(m_db, tr, m_session, "transactions", m_opt.mode);
    }

private:
    // Lines of the batch whose (store, order) is already stored. Upsert deletes those rows, so the
    // batch replaces them, and remembers their members: their totals change too.
    std::unordered_set<std::size_t> existingOrders() {
        std::unordered_set<std::size_t> found;
        if (!m_keys) return found;
        BulkWriter keys(m_db, m_keys->name(), {{"line", ColumnType::Integer}, {"store_code"}, {"order_id"}},
                        kBatchRows);
        for (const auto& p : m_batch)
            keys.integer(static_cast<std::int64_t>(p.line))
                .text(p.parsed.tx.storeCode)
                .text(p.parsed.tx.orderId)
                .endRow();
        keys.flush();
        m_keys->analyze();
        const std::string join =
            " FROM " + m_keys->name() +
            " k JOIN transactions t ON t.store_code = k.store_code AND t.order_id = k.order_id";
        long long line = 0, memberId = 0;
        soci::statement st = (m_db.sql().prepare << "SELECT k.line, t.member_id" + join, soci::into(line),
                              soci::into(memberId));
        st.execute();
        while (st.fetch()) {
            found.insert(static_cast<std::size_t>(line));
            if (m_opt.mode == ImportMode::Upsert) m_affected.insert(memberId);
        }
        if (!found.empty() && m_opt.mode == ImportMode::Upsert)
            m_db.sql() << "DELETE FROM transactions WHERE id IN (SELECT t.id" + join + ")";
        m_keys->clear();
        return found;
    }

    void writeBatch() {
        if (m_batch.empty()) return;
        const auto existing = existingOrders();
        for (auto& p : m_batch) {
            const Transaction& t = p.parsed.tx;
            if (m_opt.mode == ImportMode::Insert && existing.count(p.line)) {
                m_session.reject(p.line, std::move(p.fields),
                                 "duplicate order " + t.orderId + " in store " + t.storeCode +
                                     " (already in the database)");
                continue;
            }
            appendTransactionRow(*m_inserter, t, p.parsed.memberId);
            m_affected.insert(p.parsed.memberId);
            ++m_inserted;
        }
        m_inserter->flush();
        m_batch.clear();
        m_session.flushRejects();
    }

    Database& m_db;
    const ImportOptions& m_opt;
    ImportSession m_session;
    std::optional<TempTable> m_keys;
    std::optional<BulkWriter> m_inserter;
    std::unordered_map<std::string, std::size_t> m_seen; ///< store + order -> line, within the file
    std::unordered_set<std::int64_t> m_affected;         ///< members whose totals must be recomputed
    std::vector<PendingTransaction> m_batch;
    std::uint64_t m_inserted = 0;
};

} // namespace

ImportReport importTransactions(Database& db, const std::filesystem::path& file, const ImportOptions& opt) {
    return withSqlErrors(db, "The transaction import failed; nothing was changed", [&] {
        TransactionImporter importer(db, file, opt);
        return importer.run();
    });
}

} // namespace md::db
