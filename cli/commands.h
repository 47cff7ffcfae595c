#pragma once
// The commands of memberdesk-cli and what they share.
//
// Exit codes (documented in --help):
//   0  success
//   1  nothing found (find, show)
//   2  error: bad usage, database unreachable or too new, failed import (nothing imported)
//   3  import finished but some lines were rejected (see FILE.rejects.csv)
//   4  a check found problems (points check: cached balances that differ from the ledger)
//   130 cancelled with Ctrl-C (the work was rolled back)
//
// Schema policy: init, demo and import create or migrate the schema (they write anyway); find, show
// and export only read, so they require the current schema and never change the database — an empty
// or old database gets a hint to run init instead.
#include "app/database.h"
#include "app/request_context.h"
#include "cli/args.h"
#include "domain/unit_of_work.h"

#include <functional>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace md::cli {

enum ExitCode : int {
    kOk = 0,
    kNotFound = 1,
    kError = 2,
    kPartial = 3,
    kCheckFailed = 4,
    kInterrupted = 130
};

inline constexpr const char* kProgramName = "memberdesk-cli";
inline constexpr const char* kProgramVersion = "0.1.0";

/// A failure the CLI explains itself: a headline, optional detail and a hint, then exit code 2.
class CliError : public std::runtime_error {
public:
    CliError(const std::string& headline, std::string hint = {}, std::string detail = {})
        : std::runtime_error(headline), m_hint(std::move(hint)), m_detail(std::move(detail)) {}
    const std::string& hint() const { return m_hint; }
    const std::string& detail() const { return m_detail; }

private:
    std::string m_hint, m_detail;
};

/// The database the command works on. main() builds it: only main() knows the concrete persistence.
struct DatabaseTarget {
    std::string display;                              ///< the address with any password masked
    std::optional<std::string> embeddedPath;          ///< the SQLite file, for a database on this PC
    std::function<std::unique_ptr<DataStore>()> open; ///< connects; throws DatabaseUnavailable
    /// Connects for reading only (an embedded database is opened read-only, so one in a read-only
    /// folder can be read); empty: open is used.
    std::function<std::unique_ptr<DataStore>()> openReadOnly;
};

struct Context {
    DatabaseTarget target;
    std::ostream& out;
    std::ostream& err;
    bool stderrIsTerminal = false;
    /// Who acts and when; the actor and time zone are filled in once the database is open.
    app::RequestContext request = app::systemContext(currentOsUser());

    /// Connects; upgrades an embedded database, but a shared one only after `init`/`migrate` (throws
    /// UserError database.needs_upgrade). Throws DatabaseUnavailable, SchemaTooNew.
    std::unique_ptr<DataStore> openForWriting(app::UpgradePolicy policy = app::UpgradePolicy::IfPrivate);
    /// Connects and requires the current schema; never creates or changes anything. Throws CliError
    /// with a hint to run init when the database is missing or not initialised.
    std::unique_ptr<DataStore> openForReading();
    /// Connects and upgrades whatever the database is (init, migrate: the person asked for it).
    std::unique_ptr<DataStore> openAndUpgrade(int& before, int& after);
};

using CommandFn = int (*)(Context&, const Args& args);

struct Command {
    CommandSpec spec;
    CommandFn run;
    std::string summary; ///< one line for --help
};

/// Every command, in the order --help lists them.
const std::vector<Command>& commands();

int runInit(Context& ctx, const Args& args);
int runDemo(Context& ctx, const Args& args);
int runImport(Context& ctx, const Args& args);
int runExport(Context& ctx, const Args& args);
int runFind(Context& ctx, const Args& args);
int runShow(Context& ctx, const Args& args);
int runMigrate(Context& ctx, const Args& args);
int runConfig(Context& ctx, const Args& args);
int runStore(Context& ctx, const Args& args);
int runRebuild(Context& ctx, const Args& args);
int runProgramme(Context& ctx, const Args& args);
int runPoints(Context& ctx, const Args& args);
int runTier(Context& ctx, const Args& args);
int runRerate(Context& ctx, const Args& args);
/// programme whatif FILE.json (cli/commands_rerate.cpp).
int runProgrammeWhatIf(Context& ctx, const Args& args);

/// A DATE option's value; UsageError naming the option when it is not YYYY-MM-DD.
Date parseDateOption(const std::string& text, const char* option);
/// A whole (small) file, for JSON definitions; CliError when it cannot be read or is a folder.
std::string readWholeFile(const std::string& path);
int runMembership(Context& ctx, const Args& args); ///< commands_membership.cpp
int runReferral(Context& ctx, const Args& args);
int runVoucher(Context& ctx, const Args& args);
int runBenefits(Context& ctx, const Args& args);
int runSegment(Context& ctx, const Args& args); ///< commands_segments.cpp

/// Throws UsageError "usage: memberdesk-cli USAGE" unless the command has exactly n positional words.
void requireWords(const Args& args, std::size_t n, const char* usage);

/// Flushes out and throws CliError "writing WHAT failed: REASON" when any write to it failed (a full
/// disk, a closed pipe): output that did not arrive must never end in exit 0.
void requireWritten(std::ostream& out, const std::string& what);

/// The full --help text.
std::string helpText();

} // namespace md::cli
