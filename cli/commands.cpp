// The command table, the --help text (kept together so they cannot drift apart) and how commands
// open the database (the schema policy in commands.h).
#include "cli/commands.h"
#include "domain/errors.h"

#include <cstdint>
#include <filesystem>
#include <sstream>

namespace md::cli {

const std::vector<Command>& commands() {
    constexpr auto any = SIZE_MAX;
    static const std::vector<Command> table = {
        {{"init", "init", {}, {}, 0, 0}, runInit, "create the database or bring its schema up to date"},
        {{"demo",
          "demo --members N [--seed S] [--stores N] [--if-empty]",
          {"--members", "--seed", "--stores"},
          {"--if-empty"},
          0,
          0},
         runDemo,
         "load a generated demo programme (stores, members, transactions) into an empty database;\n"
         "      --if-empty: do nothing (exit 0) when the database already has members"},
        {{"import", "import members|transactions FILE [--mode insert|upsert]", {"--mode"}, {}, 2, 2},
         runImport,
         "import a CSV file; bad lines go to FILE.rejects.csv, good lines all-or-nothing"},
        {{"export", "export members [--out FILE]", {"--out"}, {}, 1, 1},
         runExport,
         "write members as CSV in the import format (stdout unless --out)"},
        {{"find", "find QUERY [--limit N] [--json]", {"--limit"}, {"--json"}, 1, any},
         runFind,
         "find members by phone, last digits, card number, name prefix or email"},
        {{"show", "show CARD_NO [--json]", {}, {"--json"}, 1, 1},
         runShow,
         "a member's profile, consent, totals and last 10 transactions"},
    };
    return table;
}

std::string helpText() {
    std::ostringstream s;
    s << "Usage: " << kProgramName << " [--db URL] COMMAND [ARGS...]\n"
      << "\n"
      << "MemberDesk from the command line: set up a database, load demo data, import and export CSV,\n"
      << "and look members up.\n"
      << "\n"
      << "Commands:\n";
    for (const auto& c : commands())
        s << "  " << c.spec.usage << "\n      " << c.summary << "\n";
    s << "\n"
      << "Options:\n"
      << "  --db URL      the database: sqlite:PATH, a plain file path, or postgresql://user@host:port/db\n"
      << "                (default: $MEMBERDESK_DB, else sqlite:$XDG_DATA_HOME/memberdesk/memberdesk.db)\n"
      << "  -h, --help    show this help\n"
      << "  --version     show the program and schema versions\n"
      << "\n"
      << "find accepts \"+86 138 0013 8000\", \"13800138000\", \"138-0013-8000\", the last 4-10 digits of a\n"
      << "phone, a card number (MD00012345), the start of a name (王, 王芳, emma) or an email address.\n"
      << "Quote queries with spaces, or pass them as several words.\n"
      << "\n"
      << "Import files are UTF-8 CSV with a header line naming the columns (any order):\n"
      << "  members       card_no,name,phone,email,birthday,gender,join_date,store,email_consent,\n"
      << "                sms_consent[,status]   (card_no, name and phone or email required)\n"
      << "  transactions  order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category\n"
      << "occurred_at is ISO 8601; a time without an offset is taken as UTC, so write China time as\n"
      << "2024-03-01T18:15:00+08:00.\n"
      << "\n"
      << "Output is UTF-8. Times are UTC in ISO 8601 (2024-03-01T10:15:00Z); dates are YYYY-MM-DD.\n"
      << "Amounts are shown as ¥1,234.50; JSON also carries integer minor units (fen).\n"
      << "Progress goes to stderr; Ctrl-C cancels an import or demo load and rolls it back.\n"
      << "\n"
      << "Schema: init, demo and import create or upgrade the schema; find, show and export only read\n"
      << "and ask you to run init first.\n"
      << "\n"
      << "Exit status:\n"
      << "  0    success\n"
      << "  1    nothing found (find, show)\n"
      << "  2    error: bad usage, database unreachable or newer than this program, import failed\n"
      << "       (nothing was imported)\n"
      << "  3    import finished but some lines were rejected (see FILE.rejects.csv)\n"
      << "  130  cancelled with Ctrl-C; nothing was changed\n";
    return s.str();
}

namespace {

std::string initCommandFor(const db::DatabaseUrl& url) {
    return std::string(kProgramName) + " --db '" + url.display() + "' init";
}

} // namespace

std::unique_ptr<db::Database> Context::openForWriting() const {
    auto database = std::make_unique<db::Database>(url);
    database->migrate();
    return database;
}

std::unique_ptr<db::Database> Context::openForReading() const {
    // Connecting to SQLite creates the file: a read command must not leave an empty database behind
    // because of a typo in the path.
    if (url.backend == db::Backend::Sqlite && url.path != ":memory:" && !std::filesystem::exists(url.path))
        throw CliError("there is no database at " + url.path, "create it with: " + initCommandFor(url));

    auto database = std::make_unique<db::Database>(url);
    const int found = database->schemaVersion();
    const int supported = db::Database::supportedSchemaVersion();
    if (found > supported) throw SchemaTooNew(found, supported);
    if (found == 0)
        throw CliError("the database " + url.display() + " is not initialised",
                       "create the schema with: " + initCommandFor(url));
    if (found < supported)
        throw CliError("the database " + url.display() + " has schema version " + std::to_string(found) +
                           " but this program needs " + std::to_string(supported),
                       "upgrade it with: " + initCommandFor(url));
    database->requireCurrentSchema();
    return database;
}

} // namespace md::cli
