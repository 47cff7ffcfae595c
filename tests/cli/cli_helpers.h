#pragma once
// Shared helpers for the memberdesk-cli end-to-end tests.
#include "tests/cli/run_cli.h"
#include "tests/support/test_database.h"

#include <string>
#include <vector>

namespace md::test {

/// "exit 2\nstdout: ...\nstderr: ..." for failure messages.
std::string describe(const CliResult& r);

/// Runs memberdesk-cli --db <db> args...
CliResult runOn(const TestDatabase& db, std::vector<std::string> args);

/// A fresh database with the current schema, made by `memberdesk-cli init` as a person would (a shared
/// database is never given a schema by an ordinary command).
class InitialisedDatabase : public TestDatabase {
public:
    InitialisedDatabase();
};

bool contains(const std::string& haystack, const std::string& needle);

/// A members CSV in the import format: header plus the given data lines (each without newline).
std::string membersCsv(const std::vector<std::string>& lines);
extern const char* const kMembersHeader;

/// Writes text to dir/name and returns the path.
std::string writeScratch(const TestDatabase& db, const std::string& name, const std::string& text);

} // namespace md::test
