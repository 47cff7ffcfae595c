// memberdesk-cli end to end: the files it writes for a person (exports, rejects files) never replace
// the database, the input, a device or anything reached through a planted symlink; and a failed write,
// stdout included, is an error and never exit 0.
#include "tests/cli/cli_helpers.h"

#include "domain/csv.h"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <sstream>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace md::test;
namespace fs = std::filesystem;

namespace {

// A programme of two members, imported through the CLI.
struct TwoMembers {
    InitialisedDatabase db;
    TwoMembers() {
        const auto r =
            runOn(db, {"import", "members",
                       writeScratch(db, "in.csv",
                                    membersCsv({"MD40000001,王芳,13800138000,,,,2024-01-15,,0,1",
                                                "MD40000002,Li Lei,13900139000,,,,2024-01-15,,0,0"}))});
        BOOST_REQUIRE_MESSAGE(r.exitCode == 0, describe(r));
    }
};

bool containsSqlText(const std::string& text) {
    return contains(text, "SELECT ") || contains(text, "while executing") ||
           contains(text, "while preparing");
}

bool exportWorks(const TestDatabase& db) {
    return runOn(db, {"export", "members"}).exitCode == 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_files)

BOOST_FIXTURE_TEST_CASE(export_out_refuses_the_open_database_and_its_journal_files, TwoMembers) {
    if (db.isPostgres()) return; // a shared database has no file on this PC
    const std::string file = db.url().path;
    for (const std::string& target : {file, file + "-wal", file + "-journal", file + "-shm"}) {
        const bool existed = fs::exists(target);
        const auto r = runOn(db, {"export", "members", "--out", target});
        BOOST_TEST(r.exitCode == 2, target << "\n" << describe(r));
        BOOST_TEST(contains(r.err, "refusing to write " + target), describe(r));
        BOOST_TEST(fs::exists(target) == existed, target);
    }
    BOOST_TEST(exportWorks(db));
    const auto found = runOn(db, {"show", "MD40000001"});
    BOOST_TEST(found.exitCode == 0, describe(found));
}

BOOST_FIXTURE_TEST_CASE(export_out_refuses_directories_fifos_and_devices, TwoMembers) {
    const fs::path dir = db.dir() / "folder";
    fs::create_directory(dir);
    const fs::path fifo = db.dir() / "pipe";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::vector<fs::path> targets{dir, fifo};
    // A device node can only be made by root; as root the old export replaced one.
    const fs::path device = db.dir() / "null-device";
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) targets.push_back(device);
    for (const auto& target : targets) {
        const auto r = runOn(db, {"export", "members", "--out", target.string()});
        BOOST_TEST(r.exitCode == 2, target << "\n" << describe(r));
        BOOST_TEST(contains(r.err, "refusing to write"), describe(r));
        struct stat st {};
        BOOST_REQUIRE(::lstat(target.c_str(), &st) == 0);
        BOOST_TEST(!S_ISREG(st.st_mode), target << " was replaced by a regular file");
    }
    // Nothing is left behind next to the targets either.
    for (const auto& e : fs::directory_iterator(db.dir()))
        BOOST_TEST(e.path().extension() != ".tmp", e.path());
}

BOOST_FIXTURE_TEST_CASE(export_never_follows_a_symlink_planted_at_its_temporary_name, TwoMembers) {
    const fs::path victim = db.dir() / "victim.txt";
    writeFile(victim.string(), "precious\n");
    const fs::path out = db.dir() / "out.csv";
    // The old export always wrote to OUT.partial: a link there wrote the export into the victim.
    fs::create_symlink(victim, db.dir() / "out.csv.partial");
    const auto r = runOn(db, {"export", "members", "--out", out.string()});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(readFile(victim.string()) == "precious\n");
    BOOST_TEST(contains(readFile(out.string()), "MD40000002"));
}

BOOST_FIXTURE_TEST_CASE(export_out_replaces_a_regular_file_and_refuses_a_symlink, TwoMembers) {
    const fs::path out = db.dir() / "old.csv";
    writeFile(out.string(), "old\n");
    const auto r = runOn(db, {"export", "members", "--out", out.string()});
    BOOST_TEST(r.exitCode == 0, describe(r));
    BOOST_TEST(contains(readFile(out.string()), "MD40000001"));

    const fs::path victim = db.dir() / "victim.txt", link = db.dir() / "link.csv";
    writeFile(victim.string(), "precious\n");
    fs::create_symlink(victim, link);
    const auto viaLink = runOn(db, {"export", "members", "--out", link.string()});
    BOOST_TEST(viaLink.exitCode == 2, describe(viaLink));
    BOOST_TEST(fs::is_symlink(link));
    BOOST_TEST(readFile(victim.string()) == "precious\n");
}

BOOST_AUTO_TEST_CASE(the_rejects_file_never_follows_a_planted_symlink) {
    InitialisedDatabase db;
    const fs::path victim = db.dir() / "victim.txt";
    writeFile(victim.string(), "precious\n");
    const std::string file = writeScratch(db, "members.csv",
                                          membersCsv({"MD40000001,王芳,13800138000,,,,2024-01-15,,0,1",
                                                      "MD40000002,Bad Phone,12345,,,,2024-01-15,,0,0"}));
    // The old import wrote its rejects to FILE.rejects.csv.part, following a link planted there.
    fs::create_symlink(victim, file + ".rejects.csv.part");
    const auto r = runOn(db, {"import", "members", file});
    BOOST_TEST(r.exitCode == 3, describe(r));
    BOOST_TEST(readFile(victim.string()) == "precious\n");
    BOOST_TEST(contains(readFile(file + ".rejects.csv"), "Bad Phone"));
    BOOST_TEST(!fs::is_symlink(file + ".rejects.csv"));

    // A link at the rejects name itself is refused, and the import with it: nothing is lost.
    fs::remove(file + ".rejects.csv");
    fs::create_symlink(victim, file + ".rejects.csv");
    const std::string second = writeScratch(db, "members.csv",
                                            membersCsv({"MD40000003,Han Mei,13700137000,,,,2024-01-15,,0,1",
                                                        "MD40000004,Bad Phone,12345,,,,2024-01-15,,0,0"}));
    const auto again = runOn(db, {"import", "members", second});
    BOOST_TEST(again.exitCode == 2, describe(again));
    BOOST_TEST(contains(again.err, "refusing to write"), describe(again));
    BOOST_TEST(readFile(victim.string()) == "precious\n");
    BOOST_TEST(runOn(db, {"show", "MD40000003"}).exitCode == 1);
}

BOOST_FIXTURE_TEST_CASE(a_failed_write_to_stdout_is_exit_2_with_a_message, TwoMembers) {
    BOOST_REQUIRE(fs::exists("/dev/full"));
    const std::vector<std::vector<std::string>> commands{
        {"export", "members"},  {"find", "13800138000"},          {"find", "13800138000", "--json"},
        {"show", "MD40000001"}, {"show", "MD40000001", "--json"}, {"store", "list"}};
    for (auto args : commands) {
        args.insert(args.begin(), {"--db", db.urlText()});
        CliEnv env;
        env.stdoutTo = "/dev/full";
        const auto r = runCli(args, env);
        BOOST_TEST(r.exitCode == 2, args[2] << "\n" << describe(r));
        BOOST_TEST(contains(r.err, "failed"), args[2] << "\n" << describe(r));
        BOOST_TEST(!contains(r.err, "Exported"), describe(r));
    }
}

BOOST_AUTO_TEST_CASE(a_libpq_keyword_string_is_postgresql_and_its_password_is_never_printed) {
    const std::string conninfo =
        "host=127.0.0.1 port=1 dbname=crm user=agent password=s3cr3t connect_timeout=2";
    for (const char* command : {"find", "init"}) {
        std::vector<std::string> args{"--db", conninfo, command};
        if (std::string(command) == "find") args.push_back("13800138000");
        const auto r = runCli(args);
        BOOST_TEST(r.exitCode == 2, describe(r));
        BOOST_TEST(!contains(r.out + r.err, "s3cr3t"), describe(r));
        BOOST_TEST(contains(r.err, "password=***"), describe(r));
        // It was taken as a SQLite file name: "there is no database at host=..." or a new file.
        BOOST_TEST(!contains(r.err, "no database at"), describe(r));
        BOOST_TEST(!fs::exists(conninfo));
        std::error_code ec;
        fs::remove(conninfo, ec);
    }
    // On a real server it connects: the same database as the URL, the password still never shown.
    InitialisedDatabase db;
    std::smatch m;
    const std::string url = db.urlText();
    if (db.isPostgres()) {
        BOOST_REQUIRE(std::regex_match(url, m, std::regex(R"(postgresql://([^@:/]+)@([^:/]+):(\d+)/(\w+))")));
        const std::string keywords = "host=" + m[2].str() + " port=" + m[3].str() + " dbname=" + m[4].str() +
                                     " user=" + m[1].str() + " password=s3cr3t";
        const auto init = runCli({"--db", keywords, "init"});
        BOOST_TEST(init.exitCode == 0, describe(init));
        BOOST_TEST(contains(init.out, "password=***"), describe(init));
        BOOST_TEST(!contains(init.out + init.err, "s3cr3t"), describe(init));
        const auto found = runCli({"--db", keywords, "find", "13800138000"});
        BOOST_TEST(found.exitCode == 1, describe(found)); // connected, nobody there
    }
    // A quoted password with a space is masked whole.
    const auto quoted =
        runCli({"--db", "host=127.0.0.1 port=1 password='open sesame' connect_timeout=2", "find", "x1234"});
    BOOST_TEST(quoted.exitCode == 2, describe(quoted));
    BOOST_TEST(!contains(quoted.err, "sesame"), describe(quoted));
}

BOOST_AUTO_TEST_CASE(find_and_show_print_terminal_control_characters_escaped) {
    InitialisedDatabase db;
    // OSC 0 sets the window title, CSI 2J clears the screen, a newline forges a row, U+009B is a
    // one-character CSI: printed raw, a name could take over the agent's terminal.
    const std::string name = "Evil\x1b]0;pwned\x07\x1b[2J\nMD99999999 Fake\r\xc2\x9b";
    std::ostringstream csv;
    csv << kMembersHeader << '\n';
    md::writeCsvRecord(csv, {"MD40000007", name, "13800138007", "", "", "", "2024-01-15", "", "0", "0"});
    const auto imported = runOn(db, {"import", "members", writeScratch(db, "evil.csv", csv.str())});
    BOOST_REQUIRE_MESSAGE(imported.exitCode == 0, describe(imported));

    const auto raw = [](const std::string& out) {
        return contains(out, "\x1b") || contains(out, "\x07") || contains(out, "\r") ||
               contains(out, "\xc2\x9b");
    };
    for (std::vector<std::string> args :
         {std::vector<std::string>{"find", "13800138007"}, std::vector<std::string>{"show", "MD40000007"}}) {
        const auto r = runOn(db, args);
        BOOST_TEST(r.exitCode == 0, describe(r));
        BOOST_TEST(!raw(r.out), args[0]);
        BOOST_TEST(contains(r.out, "Evil\\x1b]0;pwned\\x07\\x1b[2J\\nMD99999999 Fake\\r\\u009b"), r.out);
        args.push_back("--json");
        const auto j = runOn(db, args);
        BOOST_TEST(j.exitCode == 0, describe(j));
        BOOST_TEST(!raw(j.out), args[0] << " --json");
        BOOST_TEST(contains(j.out, "Evil\\u001b]0;pwned\\u0007\\u001b[2J\\nMD99999999 Fake\\r\\u009b"),
                   j.out);
    }
}

BOOST_AUTO_TEST_CASE(export_spreadsheet_safe_guards_formula_cells_and_the_default_stays_exact) {
    InitialisedDatabase db;
    std::ostringstream csv;
    csv << kMembersHeader << '\n';
    md::writeCsvRecord(csv, {"MD40000011", "=HYPERLINK(\"http://x.example\",\"y\")", "13800138011", "", "",
                             "", "2024-01-15", "", "0", "0"});
    md::writeCsvRecord(csv,
                       {"MD40000012", "@SUM(A1)", "", "a@example.com", "", "", "2024-01-15", "", "0", "0"});
    md::writeCsvRecord(csv, {"MD40000013", "-2+3", "", "b@example.com", "", "", "2024-01-15", "", "0", "0"});
    const auto imported = runOn(db, {"import", "members", writeScratch(db, "f.csv", csv.str())});
    BOOST_REQUIRE_MESSAGE(imported.exitCode == 0, describe(imported));

    const auto exact = runOn(db, {"export", "members"});
    BOOST_TEST(exact.exitCode == 0, describe(exact));
    BOOST_TEST(
        contains(exact.out, "MD40000011,\"=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",+8613800138011,"),
        exact.out);
    BOOST_TEST(contains(exact.out, "MD40000012,@SUM(A1),"), exact.out);

    const fs::path out = db.dir() / "for-excel.csv";
    const auto safe = runOn(db, {"export", "members", "--spreadsheet-safe", "--out", out.string()});
    BOOST_TEST(safe.exitCode == 0, describe(safe));
    const std::string text = readFile(out.string());
    BOOST_TEST(
        contains(text, "MD40000011,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",'+8613800138011,"),
        text);
    BOOST_TEST(contains(text, "MD40000012,'@SUM(A1),"), text);
    BOOST_TEST(contains(text, "MD40000013,'-2+3,"), text);
}

BOOST_FIXTURE_TEST_CASE(a_database_in_a_read_only_folder_can_still_be_read, TwoMembers) {
    if (db.isPostgres()) return; // a server's files are not the CLI's to read
    const fs::path file = db.url().path, dir = file.parent_path();
    BOOST_REQUIRE(!fs::exists(file.string() + "-wal"));
    // Root may write anywhere: read as nobody, as an ordinary user in a read-only folder would.
    CliEnv env;
    if (::geteuid() == 0)
        env.prefix = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    for (std::vector<std::string> args :
         {std::vector<std::string>{"find", "13800138000"}, std::vector<std::string>{"show", "MD40000002"},
          std::vector<std::string>{"export", "members"}}) {
        args.insert(args.begin(), {"--db", db.urlText()});
        const auto r = runCli(args, env);
        BOOST_TEST(r.exitCode == 0, args[2] << "\n" << describe(r));
        BOOST_TEST(!containsSqlText(r.err), describe(r));
    }
    fs::permissions(dir, fs::perms::owner_all);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
}

BOOST_AUTO_TEST_SUITE_END()
