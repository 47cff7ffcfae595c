#include "cli/args.h"

#include <charconv>

namespace md::cli {

namespace {

bool looksLikeOption(const std::string& w) {
    // "-5" or "-" alone are values (a negative number, stdin), not options.
    return w.size() > 1 && w[0] == '-' && !(w[1] >= '0' && w[1] <= '9');
}

template <class T> T parseNumber(const std::string& name, const std::string& text) {
    T v{};
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty())
        throw UsageError(name + " expects a whole number, not '" + text + "'");
    return v;
}

} // namespace

Args Args::parse(const CommandSpec& spec, const std::vector<std::string>& words) {
    Args a;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (optionsEnded || !looksLikeOption(w)) {
            a.m_positional.push_back(w);
            continue;
        }
        if (w == "--") {
            optionsEnded = true;
            continue;
        }
        const auto eq = w.find('=');
        const std::string name = w.substr(0, eq);
        if (spec.valueOptions.count(name)) {
            if (eq != std::string::npos) {
                a.m_values[name] = w.substr(eq + 1);
            } else if (i + 1 < words.size()) {
                a.m_values[name] = words[++i];
            } else {
                throw UsageError(name + " needs a value");
            }
        } else if (spec.flags.count(name) && eq == std::string::npos) {
            a.m_flags.insert(name);
        } else {
            throw UsageError("unknown option '" + w + "' for " + spec.name);
        }
    }
    if (a.m_positional.size() < spec.minPositional) throw UsageError(spec.name + ": missing arguments");
    if (a.m_positional.size() > spec.maxPositional)
        throw UsageError(spec.name + ": unexpected argument '" + a.m_positional[spec.maxPositional] + "'");
    return a;
}

std::optional<std::string> Args::value(const std::string& name) const {
    const auto it = m_values.find(name);
    if (it == m_values.end()) return std::nullopt;
    return it->second;
}

std::int64_t Args::integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                           std::int64_t max) const {
    const auto text = value(name);
    if (!text) return fallback;
    const auto v = parseNumber<std::int64_t>(name, *text);
    if (v < min || v > max)
        throw UsageError(name + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

std::uint64_t Args::unsignedInteger(const std::string& name, std::uint64_t fallback) const {
    const auto text = value(name);
    return text ? parseNumber<std::uint64_t>(name, *text) : fallback;
}

GlobalOptions parseGlobalOptions(int argc, const char* const* argv) {
    GlobalOptions g;
    bool optionsEnded = false;
    for (int i = 1; i < argc; ++i) {
        const std::string w = argv[i];
        // Global options may come before or after the command, but not after "--": there they are
        // query text ("find -- --db" searches for "--db").
        if (optionsEnded) {
            g.rest.push_back(w);
        } else if (w == "--") {
            optionsEnded = true;
            g.rest.push_back(w);
        } else if (w == "--db") {
            if (i + 1 >= argc) throw UsageError("--db needs a database URL");
            g.db = argv[++i];
        } else if (w.rfind("--db=", 0) == 0) {
            g.db = w.substr(5);
        } else if (w == "--help" || w == "-h") {
            g.help = true;
        } else if (w == "--version") {
            g.version = true;
        } else {
            g.rest.push_back(w);
        }
    }
    return g;
}

} // namespace md::cli
