#pragma once
// One line of a transaction import file -> a row for the transactions table, or the reason it is
// rejected. The card numbers and store codes it checks against come in as maps; no database access.
#include "domain/time_zone.h"
#include "domain/transaction.h"
#include "persistence/bulk_loader.h"
#include "persistence/import_session.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace md::db {

/// The currency of the programme: amounts in any other are rejected, never converted.
inline constexpr const char* kProgrammeCurrency = "CNY";

struct ParsedTransaction {
    Transaction tx;            ///< cardNo and storeCode as stored
    std::int64_t memberId = 0; ///< resolved from cardNo
};

class TransactionLineParser {
public:
    /// members: card number -> member id; stores: upper-cased code -> code as stored; now: the latest
    /// plausible purchase time is a day after it (clocks of tills drift; time zones differ).
    TransactionLineParser(const ImportSession& session,
                          const std::unordered_map<std::string, std::int64_t>& members,
                          std::unordered_map<std::string, std::string> stores, TimeZone zone, Timestamp now);
    Expected<ParsedTransaction> parse(const CsvRecord& r) const;

private:
    const ImportSession& m_session;
    const std::unordered_map<std::string, std::int64_t>& m_members;
    std::unordered_map<std::string, std::string> m_stores;
    TimeZone m_zone; ///< naive occurred_at values are wall times here
    Timestamp m_now;
    int m_order, m_card, m_store, m_channel, m_occurred, m_amount, m_currency, m_kind, m_items, m_category,
        m_refundOf;
};

/// Columns appendTransactionRow() writes, in its order.
std::vector<BulkColumn> transactionColumns();
/// A correction row's extra columns (see correctionColumns() in transaction_import.cpp).
struct CorrectionOf {
    std::int64_t revision = 0, replacesId = 0;
};
void appendTransactionRow(BulkWriter& w, const Transaction& t, std::int64_t memberId,
                          std::optional<CorrectionOf> correction = std::nullopt);

} // namespace md::db
