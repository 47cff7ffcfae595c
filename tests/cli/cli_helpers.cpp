#include "tests/cli/cli_helpers.h"

#include <stdexcept>

namespace md::test {

const char* const kMembersHeader =
    "card_no,name,phone,email,birthday,gender,join_date,store,email_consent,sms_consent";

std::string describe(const CliResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout ---\n" + r.out + "--- stderr ---\n" + r.err;
}

CliResult runOn(const TestDatabase& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db.urlText()});
    return runCli(args);
}

InitialisedDatabase::InitialisedDatabase() {
    const auto r = runOn(*this, {"init"});
    if (r.exitCode != 0) throw std::runtime_error("init failed: " + describe(r));
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

std::string membersCsv(const std::vector<std::string>& lines) {
    std::string csv = std::string(kMembersHeader) + "\n";
    for (const auto& l : lines)
        csv += l + "\n";
    return csv;
}

std::string writeScratch(const TestDatabase& db, const std::string& name, const std::string& text) {
    const std::string path = (db.dir() / name).string();
    writeFile(path, text);
    return path;
}

} // namespace md::test
