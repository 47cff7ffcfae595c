#pragma once
// Command-line parsing for memberdesk-cli: global options (--db, --help, --version) and, per command,
// positional arguments, options with values ("--limit 5" or "--limit=5") and flags ("--json").
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace md::cli {

/// A mistake in how the program was called: printed with the command's usage line, exit code 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What one command accepts.
struct CommandSpec {
    std::string name;
    std::string usage;                  ///< "find QUERY [--limit N] [--json]"
    std::set<std::string> valueOptions; ///< "--limit", "--out", ...
    std::set<std::string> flags;        ///< "--json", ...
    std::size_t minPositional = 0;
    std::size_t maxPositional = 0; ///< SIZE_MAX for "any number"
};

class Args {
public:
    /// Parses the words after the command name. "--" ends options (for queries starting with '-').
    /// Throws UsageError for unknown options, missing values and a wrong number of positionals.
    static Args parse(const CommandSpec& spec, const std::vector<std::string>& words);

    const std::vector<std::string>& positional() const { return m_positional; }
    bool flag(const std::string& name) const { return m_flags.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    /// The option's integer value within [min, max], or fallback when absent. Throws UsageError.
    std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                         std::int64_t max) const;
    std::uint64_t unsignedInteger(const std::string& name, std::uint64_t fallback) const;

private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
};

/// The options that apply to every command, taken out of argv wherever they appear.
struct GlobalOptions {
    std::optional<std::string> db; ///< --db URL
    bool help = false;             ///< --help / -h
    bool version = false;          ///< --version
    std::vector<std::string> rest; ///< the command and its words, in order
};

/// Throws UsageError for "--db" without a value.
GlobalOptions parseGlobalOptions(int argc, const char* const* argv);

} // namespace md::cli
