#pragma once
// Every difference between SQLite and PostgreSQL that the SQL in persistence/ cares about, in one place,
// instead of backend `if`s spread over the files that write SQL. Text-producing members return the
// fragment for this backend ("" where the backend needs nothing); actions run it on a Database.
#include <cstdint>
#include <string>

namespace md::db {

class Database;
enum class Backend;

class SqlDialect {
public:
    static const SqlDialect& of(Backend backend);

    Backend backend() const { return m_backend; }
    bool isPostgres() const;
    /// A database other people use at the same time (upgrades need their consent).
    bool shared() const { return isPostgres(); }

    /// Starts a write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE) so two writers
    /// cannot both read and then fail to upgrade their lock.
    const char* beginWrite() const;
    /// A table's identity primary key column type in migrations.
    const char* identityPrimaryKey() const;
    /// Byte-order collation for codes and keys ("COLLATE BINARY" / "COLLATE \"C\"").
    const char* binaryCollation() const;
    /// Appended to a SELECT that reads rows the transaction will update (PostgreSQL READ COMMITTED must
    /// lock them; SQLite's writer already excludes others).
    std::string forUpdateOf(const std::string& alias) const;
    /// Appended to CREATE TEMP TABLE so the table goes with the transaction.
    const char* tempTableOnCommit() const;
    /// Empties a work table. TRUNCATE on PostgreSQL: DELETE would leave the dead rows of every batch
    /// behind until the commit, and the growing table would mislead the planner.
    std::string emptyTable(const std::string& table) const;
    /// SQL that says whether a table exists in the current schema; binds :name.
    const char* tableExistsQuery() const;
    /// Row-value comparisons "(a, id) > (:a, :id)" become one index range (PostgreSQL does; SQLite
    /// plans them poorly, so callers spell out the OR form).
    bool rowValueRangeUsesIndex() const { return isPostgres(); }
    /// Sampling every n-th row of a sorted table: ROW_NUMBER() in the server beats streaming every key
    /// on PostgreSQL (libpq buffers whole results); SQLite streams faster than it numbers.
    bool numbersRowsFasterThanStreaming() const { return isPostgres(); }
    /// Segment conditions on other tables are "m.id [NOT] IN (SELECT member_id ...)". SQLite builds the
    /// list into a temporary index once; PostgreSQL hashes it only while it fits work_mem and otherwise
    /// rescans it for every member (quadratic), so segment queries raise work_mem for their duration
    /// (a million member ids take ~50 MB). The statements that set and restore it; "" on SQLite.
    const char* segmentMemory() const { return isPostgres() ? "SET work_mem = '256MB'" : ""; }
    const char* segmentMemoryReset() const { return isPostgres() ? "RESET work_mem" : ""; }
    /// Segment conditions on the one-row-per-member tables (member_tiers, member_points): SQLite scans
    /// members and probes them by primary key (a LEFT JOIN: 0.8 s at 1 M members, where an id list it
    /// drove through the rowid took 2.9 s); PostgreSQL filters the table into a hashed id list (a LEFT
    /// JOIN made it hash the whole table first).
    bool segmentJoinsMemberTables() const { return !isPostgres(); }

    /// Keeps other writers from adding rows to `table` until commit, so "rows after the last id" are
    /// this transaction's alone. Nothing on SQLite (BEGIN IMMEDIATE already excludes other writers).
    void lockTableForAppend(Database& db, const std::string& table) const;
    /// A transaction-scoped advisory lock (PostgreSQL); shared or exclusive. Nothing on SQLite.
    void advisoryLock(Database& db, std::int64_t key, bool shared) const;
    /// After rows were inserted with explicit ids, the identity continues after the largest.
    void resetIdentity(Database& db, const std::string& table) const;
    /// Refreshes the planner's statistics after a bulk load (PostgreSQL; SQLite plans without them).
    void analyze(Database& db, const std::string& tables) const;

private:
    explicit SqlDialect(Backend b) : m_backend(b) {}
    Backend m_backend;
};

} // namespace md::db
