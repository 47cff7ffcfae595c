// The command table, the --help text (kept together so they cannot drift apart) and how commands
// open the database (the schema policy in commands.h).
#include "cli/commands.h"
#include "app/database.h"
#include "app/settings.h"
#include "domain/errors.h"
#include "domain/user_error.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace md::cli {

const std::vector<Command>& commands() {
    constexpr auto any = SIZE_MAX;
    static const std::vector<Command> table = {
        {{"init", "init", {}, {}, 0, 0}, runInit, "create the database or bring its schema up to date"},
        {{"migrate", "migrate", {}, {}, 0, 0},
         runMigrate,
         "upgrade the schema of an existing database (needed for a shared PostgreSQL database, which\n"
         "      other commands never upgrade on their own)"},
        {{"demo",
          "demo --members N [--seed S] [--stores N] [--if-empty]",
          {"--members", "--seed", "--stores"},
          {"--if-empty"},
          0,
          0},
         runDemo,
         "load a generated demo programme (stores, members, transactions) into an empty database;\n"
         "      --if-empty: do nothing (exit 0) when the database already has members"},
        {{"import",
          "import stores|members|transactions FILE [--mode insert|upsert] [--ignore-columns A,B]",
          {"--mode", "--ignore-columns"},
          {},
          2,
          2},
         runImport,
         "import a CSV file; bad lines go to FILE.rejects.csv, good lines all-or-nothing;\n"
         "      --ignore-columns: header columns to skip (any other unknown column refuses the file)"},
        {{"export",
          "export members [--out FILE] [--spreadsheet-safe]",
          {"--out"},
          {"--spreadsheet-safe"},
          1,
          1},
         runExport,
         "write members as CSV in the import format (stdout unless --out); --out never replaces the\n"
         "      database, a device or a folder; --spreadsheet-safe puts ' before cells starting with\n"
         "      = + - @ so a spreadsheet does not run them as formulas (the file then no longer\n"
         "      round-trips exactly)"},
        {{"find", "find QUERY [--limit N] [--json]", {"--limit"}, {"--json"}, 1, any},
         runFind,
         "find members by phone, last digits, card number, name prefix or email"},
        {{"show", "show CARD_NO [--json]", {}, {"--json"}, 1, 1},
         runShow,
         "a member's profile, consent, totals and last 10 transactions"},
        {{"store",
          "store add CODE NAME [--city C] | store update CODE NAME [--city C] | store list [--json]",
          {"--city"},
          {"--json"},
          1,
          3},
         runStore,
         "manage the stores (a transaction names its store, so a new database needs one first)"},
        {{"config", "config list | config get KEY | config set KEY VALUE", {}, {}, 1, 3},
         runConfig,
         "settings shared by everyone on this database (timezone, ...); values are checked per key"},
        {{"programme",
          "programme import FILE.json [--effective DATE] | programme export FILE.json|- [--version N] | "
          "programme list\n"
          "  | programme whatif FILE.json [--from DATE] [--to DATE] [--json]",
          {"--effective", "--version", "--from", "--to"},
          {"--json"},
          1,
          2},
         runProgramme,
         "the loyalty programme (docs/programme-format.md): import validates and stores a new version\n"
         "      (a bad file stores nothing and names each wrong field); export writes one; whatif shows\n"
         "      what a proposed file would have issued and where it would put members (changes nothing)"},
        {{"points",
          "points balance CARD [--json] | points adjust CARD ±N --reason CODE [--note T] | points redeem "
          "CARD N\n"
          "  [--for T] | points approve ID | points expire [--as-of DATE] | points expiring --within DAYS "
          "[--json]\n"
          "  | points check | points liability [--as-of DATE] [--json]",
          {"--reason", "--note", "--for", "--request-id", "--as-of", "--within"},
          {"--json"},
          1,
          3},
         runPoints,
         "a member's points; adjustments above the programme's limit wait for a second person; a\n"
         "      redemption the balance cannot cover writes nothing (exit 2); check exits 4 on differences"},
        {{"tier",
          "tier history CARD | tier set CARD TIER --until DATE --reason TEXT | tier review [--as-of DATE] "
          "[--dry-run]",
          {"--until", "--reason", "--as-of"},
          {"--dry-run"},
          1,
          3},
         runTier,
         "tier history, a manual tier (always with an end date), and the review that applies downgrades"},
        {{"rerate", "rerate --from DATE --to DATE [--json]", {"--from", "--to"}, {"--json"}, 0, 0},
         runRerate,
         "apply the programme in force today to the purchases of a past period again: a reverse and a\n"
         "      new earn, with reasons, where the points differ; a second run writes nothing"},
        {{"membership",
          "membership plans [--json] | membership buy CARD PLAN | membership renew CARD | membership cancel "
          "CARD\n"
          "  --reason TEXT [--last-day DATE] | membership status CARD [--json] | membership renewals "
          "--within "
          "DAYS [--json]",
          {"--reason", "--last-day", "--within", "--request-id"},
          {"--json"},
          1,
          3},
         runMembership,
         "paid membership (付费会员): buy and renew record the fee; a renewal extends from the current end;\n"
         "      --request-id makes a retry safe; renewals lists members whose membership ends soon"},
        {{"referral", "referral code CARD | referral link CARD CODE", {}, {}, 2, 3},
         runReferral,
         "a member's referral code; record who referred a new member (the referrer earns the\n"
         "      programme's referral points on that member's first purchase)"},
        {{"voucher",
          "voucher issue CARD --value MINOR|--points N [--valid-days D] | voucher batch --count N --value "
          "MINOR\n"
          "  [--valid-days D] [--batch NAME] [--out FILE] | voucher redeem CODE [--card CARD] [--order ID]\n"
          "  | voucher expire [--as-of DATE] | voucher list CARD [--json]",
          {"--value", "--points", "--valid-days", "--request-id", "--count", "--batch", "--out", "--card",
           "--order", "--as-of"},
          {"--json"},
          1,
          2},
         runVoucher,
         "vouchers (优惠券): single-use codes; a redeemed code can never be redeemed again"},
        {{"benefits", "benefits run [--as-of DATE]", {"--as-of"}, {}, 1, 1},
         runBenefits,
         "issue the tiers' birthday vouchers for the month of DATE (once per member per year)"},
        {{"segment",
          "segment create NAME --rule JSON|--rule-file FILE | segment count NAME|--rule JSON [--json]\n"
          "  | segment export NAME --out FILE.csv | segment list [--json] | segment freeze NAME",
          {"--rule", "--rule-file", "--out"},
          {"--json"},
          1,
          2},
         runSegment,
         "segments (细分): members selected by a rule over profile, loyalty and behaviour fields\n"
         "      (docs/segments.md); a dynamic segment is evaluated when used, freeze stores a snapshot"},
        {{"rebuild", "rebuild totals", {}, {}, 1, 1},
         runRebuild,
         "recompute every member's orders, revenue and first/last purchase from the transactions"},
    };
    return table;
}

void requireWords(const Args& args, std::size_t n, const char* usage) {
    if (args.positional().size() != n) throw UsageError(std::string("usage: ") + kProgramName + " " + usage);
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
      << "  --db URL      the database: sqlite:PATH, a plain file path, postgresql://user@host:port/db\n"
      << "                or a libpq keyword string \"host=H dbname=D user=U\" (passwords are shown as ***)\n"
      << "                (default: $MEMBERDESK_DB, else sqlite:$XDG_DATA_HOME/memberdesk/memberdesk.db)\n"
      << "  -h, --help    show this help\n"
      << "  --version     show the program and schema versions\n"
      << "\n"
      << "find accepts \"+86 138 0013 8000\", \"13800138000\", \"138-0013-8000\", the last 4-10 digits of a\n"
      << "phone, a card number (MD00012345), the start of a name (王, 王芳, emma) or an email address.\n"
      << "Quote queries with spaces, or pass them as several words.\n"
      << "\n"
      << "Import files are UTF-8 CSV with a header line naming the columns (any order):\n"
      << "  stores        code,name[,city]\n"
      << "  members       card_no,name,phone,email,birthday,gender,join_date,store,email_consent,\n"
      << "                sms_consent[,status][,referred_by]   (card_no, name and phone or email required;\n"
      << "                referred_by: the referrer's referral code)\n"
      << "  transactions  order_id,card_no,store,channel,occurred_at,amount,currency,kind,items,category\n"
      << "A header column the import does not know (a misspelling such as emial) refuses the file; name\n"
      << "columns to skip with --ignore-columns. Dates must be plausible: birthdays and join dates from\n"
      << "1900 to today, occurred_at from 1990 to a day from now.\n"
      << "--mode upsert updates members already stored: an empty cell keeps the stored value; write\n"
      << "<clear> in a cell to remove the value (phone, email, birthday, gender, store; a consent\n"
      << "cell with <clear> records it as refused). A purchase amount may be 0 (paid with points).\n"
      << "occurred_at is ISO 8601; a time without an offset (2024-03-01 18:15) is read in the programme's\n"
      << "time zone (config get timezone; default Asia/Shanghai). An empty join_date is today there.\n"
      << "\n"
      << "Output is UTF-8. Times are UTC in ISO 8601 (2024-03-01T10:15:00Z); dates are YYYY-MM-DD.\n"
      << "Amounts are shown as ¥1,234.50; JSON also carries integer minor units (fen).\n"
      << "Progress goes to stderr; Ctrl-C cancels an import or demo load and rolls it back.\n"
      << "\n"
      << "Schema: init and migrate create or upgrade the schema. demo, import, store and config upgrade\n"
      << "an embedded (SQLite) database as they open it, but never a shared PostgreSQL one: run migrate\n"
      << "when everyone is ready. find, show and export only read and ask you to run init first.\n"
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

void requireWritten(std::ostream& out, const std::string& what) {
    errno = 0;
    out.flush();
    if (out) return;
    const int error = errno;
    throw CliError("writing " + what + " failed: " + (error ? std::strerror(error) : "write error"),
                   "check that the disk has space and the output is still open", {});
}

namespace {

std::string initCommandFor(const DatabaseTarget& target) {
    return std::string(kProgramName) + " --db '" + target.display + "' init";
}

// Who acts: the connection's user (OS user on SQLite, database user on PostgreSQL); the programme's
// time zone comes from the database's settings.
void adoptDatabase(Context& ctx, DataStore& store) {
    ctx.request.actor = store.connectionUser();
    ctx.request = app::withProgrammeTimeZone(ctx.request, store);
}

} // namespace

std::unique_ptr<DataStore> Context::openForWriting(app::UpgradePolicy policy) {
    auto store = target.open();
    try {
        app::prepareDatabase(request, *store, policy);
    } catch (const UserError& e) {
        if (e.code() != "database.needs_upgrade") throw;
        throw CliError("the shared database " + target.display + " has schema version " + e.param("current") +
                           " but this program needs " + e.param("supported"),
                       "upgrading changes it for everyone who uses it; when they are ready, run: " +
                           std::string(kProgramName) + " --db '" + target.display + "' migrate");
    }
    adoptDatabase(*this, *store);
    return store;
}

std::unique_ptr<DataStore> Context::openAndUpgrade(int& before, int& after) {
    auto store = target.open();
    before = store->schemaStatus().current;
    after = app::prepareDatabase(request, *store, app::UpgradePolicy::Confirmed);
    adoptDatabase(*this, *store);
    return store;
}

std::unique_ptr<DataStore> Context::openForReading() {
    // Connecting to SQLite creates the file: a read command must not leave an empty database behind
    // because of a typo in the path.
    if (target.embeddedPath && *target.embeddedPath != ":memory:" &&
        !std::filesystem::exists(*target.embeddedPath))
        throw CliError("there is no database at " + *target.embeddedPath,
                       "create it with: " + initCommandFor(target));

    auto store = target.openReadOnly ? target.openReadOnly() : target.open();
    const SchemaStatus s = store->schemaStatus();
    if (s.tooNew()) throw SchemaTooNew(s.current, s.supported);
    if (s.current == 0)
        throw CliError("the database " + target.display + " is not initialised",
                       "create the schema with: " + initCommandFor(target));
    if (s.needsUpgrade())
        throw CliError("the database " + target.display + " has schema version " + std::to_string(s.current) +
                           " but this program needs " + std::to_string(s.supported),
                       "upgrade it with: " + std::string(kProgramName) + " --db '" + target.display + "' " +
                           (s.shared ? "migrate" : "init"));
    adoptDatabase(*this, *store);
    return store;
}

} // namespace md::cli
