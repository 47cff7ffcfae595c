#pragma once
// A Member as a row of the members table, both ways, for the bulk paths (import, upsert, demo load).
// The derived search keys (name_key, name_sort, card_digits, phone_rev, email_key) are computed here,
// once for all bulk writers.
#include "domain/member.h"
#include "persistence/bulk_loader.h"

#include <string>
#include <vector>

namespace md::db {

/// Columns appendMemberRow() writes, in its order (the id is left to the database).
std::vector<BulkColumn> memberColumns();
/// now: the ISO 8601 instant used for created_at and updated_at.
void appendMemberRow(BulkWriter& w, const Member& m, const std::string& now);
/// The demo loader's shape: m.id given, and the totals it computed while generating.
std::vector<BulkColumn> memberColumnsWithIdAndTotals();
void appendMemberRowWithIdAndTotals(BulkWriter& w, const Member& m, const std::string& now,
                                    const MemberTotals& t);

/// Columns of the upsert staging table, which appendMemberUpdate() fills: the member's id and every
/// column an import may change.
std::vector<BulkColumn> memberUpdateColumns();
void appendMemberUpdate(BulkWriter& w, const Member& m, const std::string& now);
/// "UPDATE members SET ... FROM <staging> u WHERE members.id = u.id AND members.version = u.version - 1"
/// (same SQL on both backends): a row whose stored version moved on since it was read is not touched.
std::string memberUpdateFromSql(const std::string& staging);
/// Runs memberUpdateFromSql(staging) and checks that it changed `expected` rows; otherwise throws
/// md::ConflictError naming the first member saved or deleted by someone else since it was read (the
/// caller's transaction must then roll back).
void applyMemberUpdates(Database& db, const std::string& staging, std::size_t expected);
/// "SELECT id, name, ... FROM members": the shape of the staging table, for TempTable.
std::string memberUpdateShapeSql();

/// memberReadColumns() (member_columns.h) with every column prefixed by alias, for joins.
std::string memberColumnsOf(const std::string& alias);
/// How many columns memberReadColumns() has.
std::size_t memberColumnCount();

} // namespace md::db
