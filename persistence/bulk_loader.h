#pragma once
// Row-at-a-time appends, batch writes: the one bulk path used by CSV import and the demo loader.
// SQLite: one prepared INSERT per batch with vector use() binding (prepared afresh for every batch, so
// the bound vectors always have the batch's size). PostgreSQL: one COPY ... FROM STDIN per batch.
// Everything happens inside the caller's transaction; nothing here commits.
#include "persistence/database.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md::db {

enum class ColumnType { Text, Integer };

struct BulkColumn {
    std::string name;
    ColumnType type = ColumnType::Text;
};

class BulkWriter {
public:
    /// Values are appended in the order of columns, then endRow(). A full batch is written by
    /// endRow(); the rest by flush(), which the caller must call (the destructor discards unwritten
    /// rows, so a failure elsewhere never writes half a batch). batchRows == 0: only flush() writes,
    /// for callers that must order writes to several tables (foreign keys).
    BulkWriter(Database& db, std::string table, std::vector<BulkColumn> columns,
               std::size_t batchRows = 10000);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    BulkWriter& text(std::string_view v);
    BulkWriter& text(const std::string& v) { return text(std::string_view(v)); }
    BulkWriter& text(const char* v) { return text(std::string_view(v)); }
    BulkWriter& text(const std::optional<std::string>& v); ///< nullopt -> NULL
    BulkWriter& integer(std::int64_t v);
    BulkWriter& null();
    /// Throws DatabaseError / DatabaseUnavailable when the batch it completes cannot be written.
    void endRow();
    void flush();
    std::size_t pendingRows() const;
    std::uint64_t rowsWritten() const;

    struct Sink;

private:
    std::unique_ptr<Sink> m_sink;
};

/// A temporary table inside the caller's transaction. Created with CREATE TEMP TABLE ... AS SELECT so
/// its columns copy the types and collations of the real ones: joins against the real tables then use
/// their indexes on both backends. Temporary DDL is transactional on both, so a rollback removes it;
/// call drop() before committing (PostgreSQL also has ON COMMIT DROP).
class TempTable {
public:
    /// selectSql: "SELECT CAST(0 AS BIGINT) AS line, card_no FROM members" (WHERE 1 = 0 is appended).
    TempTable(Database& db, std::string name, const std::string& selectSql);
    const std::string& name() const { return m_name; }
    /// Call after filling: PostgreSQL has no statistics for temporary tables (autovacuum never sees
    /// them) and, guessing from their size on disk, switches to a full scan of the joined table.
    void analyze();
    void clear();
    void drop();

private:
    Database& m_db;
    std::string m_name;
};

bool isPostgres(Database& db);

} // namespace md::db
