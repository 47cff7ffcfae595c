#pragma once
// Internal: what SOCI cannot express — multi-statement scripts and SQLite's BEGIN IMMEDIATE — done
// through the driver's own handle (sqlite3* / PGconn*).
#include "persistence/database.h"

#include <string>

namespace md::db {

/// Runs a multi-statement script through the driver's native API (trigger and function bodies contain
/// semicolons that a statement splitter would cut). Throws soci::soci_error with the driver's message.
void executeScript(Database& db, const std::string& script);

/// A write transaction. On SQLite it starts with BEGIN IMMEDIATE so the write lock is taken up front
/// and a second writer waits (busy_timeout) instead of failing with SQLITE_BUSY when it upgrades a read
/// lock half-way; on PostgreSQL it is a plain BEGIN. Rolls back unless committed.
///
/// Nesting joins: a WriteTransaction opened while another is open on the same Database neither BEGINs
/// nor COMMITs (no savepoints): its commit() only marks its part done, and if it is destroyed without
/// commit() the outer transaction is doomed — the outer commit() then throws and everything rolls back.
/// This is the same on both backends, so a use case's unit of work can call code that opens its own.
class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_open = true;
    bool m_outer = false;
};

} // namespace md::db
