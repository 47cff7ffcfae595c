#pragma once
// The file side of a CSV import, shared by members and transactions: the header and its columns, the
// streamed records, the rejects file, and progress with cancel. Knows nothing of the database.
#include "domain/csv.h"
#include "domain/progress.h"
#include "domain/safe_output.h"
#include "persistence/csv_import.h"

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md::db {

class ImportSession {
public:
    /// Opens file and reads its header. Throws std::runtime_error when the file cannot be read or
    /// has no header.
    /// keep: files the rejects file must never replace (the database's own files); the input file
    /// is always kept.
    ImportSession(const std::filesystem::path& file, ProgressFn progress, std::string stage,
                  std::vector<std::filesystem::path> keep = {});
    ~ImportSession(); ///< removes an unfinished rejects file; a previous one stays as it was
    ImportSession(const ImportSession&) = delete;
    ImportSession& operator=(const ImportSession&) = delete;

    /// Index of a header column (case-insensitive, surrounding spaces ignored), -1 when absent.
    int column(std::string_view name) const;
    /// Throws std::runtime_error "FILE: missing column(s) a, b" when any is absent.
    void requireColumns(std::initializer_list<std::string_view> names) const;
    /// Throws std::runtime_error unless at least one of names is a column.
    void requireAnyColumn(std::initializer_list<std::string_view> names) const;
    /// Refuses a header with a column that is not in known (misspelled: "emial") unless it is in
    /// ignored, and a column named twice: std::runtime_error naming the columns. Ignored columns that
    /// the header does not have are refused too (a typo there would hide the next misspelling).
    void requireKnownColumns(std::initializer_list<std::string_view> known,
                             const std::vector<std::string>& ignored) const;

    /// Next data record (blank lines skipped). Counts it in report().records and reports progress
    /// (may throw md::Cancelled).
    std::optional<CsvRecord> next();
    /// Why a record cannot be read at all (CSV syntax, invalid UTF-8, column count), or "".
    std::string structuralProblem(const CsvRecord& r) const;
    /// The trimmed field of column col, "" when the column is absent.
    static std::string_view field(const CsvRecord& r, int col);

    /// Records a rejected line; kept until flushRejects() writes the pending ones in line order.
    void reject(const CsvRecord& r, std::string reason);
    void reject(std::size_t line, std::vector<std::string> fields, std::string reason);
    void flushRejects();

    /// Calls the progress callback with the given stage; throws md::Cancelled when it returns false.
    void progress(const std::string& stage, std::uint64_t done, std::uint64_t total);
    /// Writes out the rejects and closes the file; throws std::runtime_error on an I/O error.
    /// Call before committing, so a full disk fails the import rather than losing the rejects.
    void closeRejects();
    /// After the commit: puts the rejects file in place, or deletes a stale one when there were none.
    void finish();

    ImportReport& report() { return m_report; }
    const std::filesystem::path& file() const { return m_file; }
    const std::string& stage() const { return m_stage; }

private:
    struct Reject {
        std::size_t line;
        std::string reason;
        std::vector<std::string> fields;
    };
    void maybeReport();

    std::filesystem::path m_file, m_rejectsPath;
    std::ifstream m_in;
    std::optional<CsvReader> m_reader;
    std::vector<std::string> m_header;
    std::vector<std::string> m_headerKeys; ///< lower-cased, trimmed
    ProgressFn m_progress;
    std::string m_stage;
    std::uint64_t m_size = 0, m_lastBytes = 0, m_lastRecords = 0;
    std::vector<Reject> m_pending;
    std::vector<std::filesystem::path> m_keep; ///< files the rejects file must never replace
    std::optional<SafeOutputFile> m_rejects;
    bool m_finished = false;
    ImportReport m_report;
};

/// "1"/"0", "yes"/"no", "true"/"false", "y"/"n", "是"/"否" (case-insensitive); empty is no.
std::optional<bool> parseConsentFlag(std::string_view text);
std::string trimmed(std::string_view s);
std::string upperAscii(std::string_view s);
/// "phone: contains letters": the column name before the domain's reason, unless the reason already
/// starts with it ("amount \"abc\" is not a number").
std::string fieldReason(std::string_view column, const std::string& reason);
/// The audit record of one import: {"file":..., "records":..., "imported":..., "rejected":..., "mode":...}.
std::string importSummaryJson(const std::filesystem::path& file, const ImportReport& r, ImportMode mode);

/// The files of the database that imports must never write over (SQLite's file, WAL, journal).
std::vector<std::filesystem::path> databaseFiles(const Database& db);

class WriteTransaction;
/// The steps every import ends with: the summary audit entry ("import" of entity, keyed by the file
/// name), the rejects file put in place, the commit, and the session finished. Returns the report.
/// `who` is the acting user (ImportOptions::actor), the connection's user when empty.
ImportReport commitImport(Database& db, WriteTransaction& tr, ImportSession& session,
                          const std::string& entity, ImportMode mode, const std::optional<Actor>& who = {});

} // namespace md::db
