#pragma once
// CSV import of members and transactions: header names decide the columns; every bad line goes to
// FILE.rejects.csv with its line number and a reason; the valid lines are committed all-or-nothing in
// one transaction (bulk-loaded: prepared vector inserts on SQLite, COPY into a staging table on
// PostgreSQL). A failure or cancel half-way leaves the database as it was.
#include "domain/data_transfer.h"
#include "persistence/database.h"

#include <filesystem>
#include <ostream>

namespace md::db {

// The option and report types live in domain/data_transfer.h (the use cases hand them through).
using md::ImportMode;
using md::ImportOptions;
using md::ImportReport;

/// Members: card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent[,status].
/// Throws md::DatabaseError / DatabaseUnavailable / Cancelled (database unchanged in every case) and
/// std::runtime_error for an unreadable file or a header missing required columns.
ImportReport importMembers(Database& db, const std::filesystem::path& file, const ImportOptions& opt);
/// Transactions: order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category.
/// Member totals (orders, revenue, first/last purchase) are updated in the same transaction.
ImportReport importTransactions(Database& db, const std::filesystem::path& file, const ImportOptions& opt);

/// Stores: code,name[,city]. Insert refuses a code already stored; upsert updates its name and city.
ImportReport importStores(Database& db, const std::filesystem::path& file, const ImportOptions& opt);

/// Members in the import format, ordered by card number, so export -> import -> export is identical.
/// With spreadsheetSafe, cells starting with = + - @ are prefixed with ' (see md::ExportOptions).
std::uint64_t exportMembers(Database& db, std::ostream& out, const ProgressFn& progress = {},
                            bool spreadsheetSafe = false);

} // namespace md::db
