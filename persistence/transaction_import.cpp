// importTransactions: members come first, so every card must already be in the database; the card ->
// id map is loaded once. Valid lines are bulk-written in batches. Stored rows are never deleted: in
// upsert mode a line that changes a stored order becomes a correction row (revision + 1, naming the row
// it replaces, which is marked superseded); an identical line writes nothing. Every new row gets its
// event (purchase_recorded / refund_recorded / transaction_corrected) and the member totals consumer
// runs over them — all in the same transaction.
#include "domain/errors.h"
#include "persistence/audit.h"
#include "persistence/bulk_loader.h"
#include "persistence/csv_import.h"
#include "persistence/event_log.h"
#include "persistence/member_line_parser.h"
#include "persistence/member_mapping.h"
#include "persistence/member_totals.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"
#include "persistence/transaction_line_parser.h"

#include <soci/soci.h>

#include <unordered_set>

namespace md::db {

namespace {

constexpr std::size_t kBatchRows = 10000;

// A stored, current row of an order the file names again.
struct StoredOrder {
    std::int64_t id = 0, revision = 1, memberId = 0;
    std::string signature; ///< every business field, to tell a correction from a repeat
};

std::string signatureOf(std::int64_t memberId, const Transaction& t) {
    // '\x1f' never occurs in the fields (the parser rejects control characters).
    const char sep = '\x1f';
    return std::to_string(memberId) + sep + t.storeCode + sep + toCode(t.channel) + sep +
           formatTimestamp(t.occurredAt) + sep + std::to_string(t.amount.minor()) + sep +
           t.amount.currency() + sep + toCode(t.kind) + sep + std::to_string(t.items) + sep + t.category +
           sep + t.refundOf;
}

std::vector<BulkColumn> correctionColumns() {
    auto cols = transactionColumns();
    cols.push_back({"revision", ColumnType::Integer});
    cols.push_back({"replaces_id", ColumnType::Integer});
    return cols;
}

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
        : m_db(db), m_opt(opt), m_session(file, opt.progress, "Importing transactions", databaseFiles(db)) {
        m_session.requireColumns({"order_id", "card_no", "store", "occurred_at", "amount"});
        m_session.requireKnownColumns({"order_id", "card_no", "store", "channel", "occurred_at", "amount",
                                       "currency", "kind", "items", "category", "refund_of"},
                                      opt.ignoreColumns);
    }

    ImportReport run() {
        WriteTransaction tr(m_db);
        // New rows are found by id after the import's last one; on PostgreSQL no other writer may take
        // ids in between (SQLite's BEGIN IMMEDIATE already makes us the only writer).
        m_db.dialect().lockTableForAppend(m_db, "transactions");
        const std::int64_t lastBefore = maxId(m_db, "transactions");
        const Timestamp now = m_opt.now.value_or(nowUtc());
        m_nowText = formatTimestamp(now);
        m_session.progress("Loading members", 0, 0);
        const auto members = loadMemberIds(m_db);
        TransactionLineParser parser(m_session, members, loadStoreCodes(m_db), m_opt.zone, now);
        int anyTransaction = 0;
        m_db.sql() << "SELECT COUNT(*) FROM (SELECT 1 FROM transactions LIMIT 1) x",
            soci::into(anyTransaction);
        if (anyTransaction != 0)
            m_keys.emplace(m_db, "md_import_order_keys",
                           "SELECT CAST(0 AS BIGINT) AS line, store_code, order_id FROM transactions");
        m_inserter.emplace(m_db, "transactions", transactionColumns(), kBatchRows);
        m_corrector.emplace(m_db, "transactions", correctionColumns(), kBatchRows);

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

        const std::string actor = (m_opt.actor ? *m_opt.actor : m_db.actor()).name;
        appendTransactionEvents(m_db, lastBefore, actor, m_nowText);
        m_session.progress("Updating member totals", 0, m_inserted);
        processMemberTotals(m_db, m_nowText);
        m_session.report().imported = m_inserted;
        return commitImport(m_db, tr, m_session, "transactions", m_opt.mode, m_opt.actor);
    }

private:
    // The current stored row of every order of the batch that is already in the database, by line.
    std::unordered_map<std::size_t, StoredOrder> existingOrders() {
        std::unordered_map<std::size_t, StoredOrder> found;
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
        long long line = 0, id = 0, revision = 0, memberId = 0, amount = 0, items = 0;
        std::string store, channel, occurred, currency, kind, category, refundOf;
        soci::indicator refundOfInd = soci::i_ok;
        soci::statement st =
            (m_db.sql().prepare
                 << "SELECT k.line, t.id, t.revision, t.member_id, t.store_code, t.channel, "
                    "t.occurred_at, t.amount_minor, t.currency, t.kind, t.items, t.category, t.refund_of "
                    "FROM " +
                        m_keys->name() +
                        " k JOIN transactions t ON t.store_code = k.store_code AND t.order_id = "
                        "k.order_id AND t.superseded = 0",
             soci::into(line), soci::into(id), soci::into(revision), soci::into(memberId), soci::into(store),
             soci::into(channel), soci::into(occurred), soci::into(amount), soci::into(currency),
             soci::into(kind), soci::into(items), soci::into(category), soci::into(refundOf, refundOfInd));
        st.execute();
        const char sep = '\x1f';
        while (st.fetch()) {
            if (refundOfInd != soci::i_ok) refundOf.clear();
            found[static_cast<std::size_t>(line)] = {id, revision, memberId,
                                                     std::to_string(memberId) + sep + store + sep + channel +
                                                         sep + occurred + sep + std::to_string(amount) + sep +
                                                         currency + sep + kind + sep + std::to_string(items) +
                                                         sep + category + sep + refundOf};
        }
        m_keys->clear();
        return found;
    }

    void supersede(std::int64_t id) {
        long long rowId = id;
        m_db.sql() << "UPDATE transactions SET superseded = 1 WHERE id = :id", soci::use(rowId);
    }

    void writeBatch() {
        if (m_batch.empty()) return;
        const auto existing = existingOrders();
        for (auto& p : m_batch) {
            const Transaction& t = p.parsed.tx;
            const auto stored = existing.find(p.line);
            if (stored == existing.end()) {
                appendTransactionRow(*m_inserter, t, p.parsed.memberId);
                ++m_inserted;
                continue;
            }
            if (m_opt.mode == ImportMode::Insert) {
                m_session.reject(p.line, std::move(p.fields),
                                 "duplicate order " + t.orderId + " in store " + t.storeCode +
                                     " (already in the database)");
                continue;
            }
            if (stored->second.signature == signatureOf(p.parsed.memberId, t)) {
                ++m_session.report().unchanged;
                continue;
            }
            // Superseded first: only current rows must be unique per (store, order).
            supersede(stored->second.id);
            appendTransactionRow(*m_corrector, t, p.parsed.memberId,
                                 CorrectionOf{stored->second.revision + 1, stored->second.id});
            ++m_inserted;
            ++m_session.report().corrected;
        }
        m_inserter->flush();
        m_corrector->flush();
        m_batch.clear();
        m_session.flushRejects();
    }

    Database& m_db;
    const ImportOptions& m_opt;
    ImportSession m_session;
    std::optional<TempTable> m_keys;
    std::optional<BulkWriter> m_inserter, m_corrector;
    std::string m_nowText;
    std::unordered_map<std::string, std::size_t> m_seen; ///< store + order -> line, within the file
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
