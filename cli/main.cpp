// memberdesk-cli: global options, command dispatch, and the one place where failures become messages
// and exit codes (see cli/commands.h for the scheme).
#include "cli/commands.h"
#include "cli/messages.h"
#include "cli/text_table.h"
#include "domain/errors.h"
#include "persistence/soci_data_store.h"

#include <algorithm>
#include <iostream>
#include <unistd.h>

using namespace md::cli;

namespace {

const Command* findCommand(const std::string& name) {
    for (const auto& c : commands())
        if (c.spec.name == name) return &c;
    return nullptr;
}

void printHeadline(std::ostream& err, const std::string& headline, const std::string& detail,
                   const std::string& hint) {
    // Messages quote what the person typed or a file held: escape control characters so a crafted
    // value cannot drive the terminal through stderr either.
    err << kProgramName << ": error: " << terminalSafe(headline) << '\n';
    if (!detail.empty() && detail != headline) {
        // Driver messages span several lines (libpq's does); indent them all under the headline.
        std::string text = detail;
        while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
            text.pop_back();
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto end = std::min(text.find('\n', start), text.size());
            std::string line = text.substr(start, end - start);
            while (!line.empty() && (line.front() == '\t' || line.front() == ' '))
                line.erase(0, 1);
            if (!line.empty()) err << "  " << terminalSafe(line) << '\n';
            start = end + 1;
        }
    }
    if (!hint.empty()) err << "hint: " << terminalSafe(hint) << '\n';
}

std::string dbFlagHint(const md::db::DatabaseUrl* url) {
    return url ? " (" + url->display() + ")" : std::string();
}

int run(int argc, char** argv, const md::db::DatabaseUrl*& urlOut, md::db::DatabaseUrl& urlStorage,
        const Command*& commandOut) {
    const GlobalOptions g = parseGlobalOptions(argc, argv);
    if (g.version) {
        std::cout << kProgramName << ' ' << kProgramVersion << " (schema version "
                  << md::db::Database::supportedSchemaVersion() << ")\n";
        return kOk;
    }
    if (g.help) {
        std::cout << helpText();
        return kOk;
    }
    if (g.rest.empty()) {
        std::cerr << helpText();
        return kError;
    }
    const Command* cmd = findCommand(g.rest.front());
    if (!cmd) {
        std::cerr << kProgramName << ": error: unknown command '" << terminalSafe(g.rest.front()) << "'; run "
                  << kProgramName << " --help\n";
        return kError;
    }
    commandOut = cmd;
    const std::vector<std::string> words(g.rest.begin() + 1, g.rest.end());
    const Args args = Args::parse(cmd->spec, words);
    try {
        urlStorage =
            g.db ? md::db::DatabaseUrl::parse(*g.db) : md::db::DatabaseUrl::fromEnvironmentOrDefault();
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--db: ") + e.what());
    }
    urlOut = &urlStorage;
    // The one place the CLI names persistence: how to open the database the commands work on.
    DatabaseTarget target{urlStorage.display(),
                          urlStorage.backend == md::db::Backend::Sqlite ? std::optional(urlStorage.path)
                                                                        : std::nullopt,
                          [url = urlStorage] { return std::make_unique<md::db::SociDataStore>(url); },
                          [url = urlStorage]() mutable {
                              url.readOnly = true;
                              return std::make_unique<md::db::SociDataStore>(url);
                          }};
    Context ctx{std::move(target), std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1};
    const int code = cmd->run(ctx, args);
    requireWritten(std::cout, "the output"); // a full disk or closed pipe is never exit 0
    return code;
}

} // namespace

int main(int argc, char** argv) {
    const md::db::DatabaseUrl* url = nullptr;
    md::db::DatabaseUrl urlStorage;
    const Command* cmd = nullptr;
    try {
        return run(argc, argv, url, urlStorage, cmd);
    } catch (const UsageError& e) {
        std::cerr << kProgramName << ": error: " << terminalSafe(e.what()) << '\n';
        if (cmd)
            std::cerr << "usage: " << kProgramName << ' ' << cmd->spec.usage << '\n';
        else
            std::cerr << "run " << kProgramName << " --help for usage\n";
        return kError;
    } catch (const CliError& e) {
        printHeadline(std::cerr, e.what(), e.detail(), e.hint());
        return kError;
    } catch (const md::Cancelled& e) {
        std::cerr << kProgramName << ": cancelled: " << e.what() << '\n'
                  << "Nothing was changed: the work was rolled back.\n";
        return kInterrupted;
    } catch (const md::UserError& e) {
        const Message m = describe(e);
        printHeadline(std::cerr, m.headline, {}, m.hint);
        return kError;
    } catch (const md::SchemaTooNew& e) {
        // The headline already says what to do; name the database so the user knows which one.
        printHeadline(std::cerr, e.what(), e.detail(), url ? "database: " + url->display() : std::string());
        return kError;
    } catch (const md::DatabaseUnavailable& e) {
        printHeadline(std::cerr, e.what(), e.detail(),
                      "check the database URL" + dbFlagHint(url) +
                          " given with --db or MEMBERDESK_DB, and that the server is running and reachable.");
        return kError;
    } catch (const md::MemberDeskError& e) {
        printHeadline(std::cerr, e.what(), e.detail(), {});
        return kError;
    } catch (const std::exception& e) {
        printHeadline(std::cerr, e.what(), {}, {});
        return kError;
    }
}
