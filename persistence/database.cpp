#include "persistence/database.h"
#include "domain/text.h"

#include "domain/errors.h"
#include "persistence/native_sql.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

namespace md::db {

namespace {

constexpr std::string_view kAcceptedForms =
    "expected sqlite:PATH, a file path, a postgresql://user@host/dbname URL or a libpq keyword string "
    "such as \"host=db1 dbname=crm user=agent\"";

// The keywords of a libpq connection string; text starting with "keyword=" is one, never a file name
// (which would put the password into the name of a new SQLite file).
bool startsWithLibpqKeyword(std::string_view text) {
    static constexpr std::string_view kKeywords =
        " host hostaddr port dbname user password passfile connect_timeout options sslmode sslcert sslkey "
        "sslrootcert sslcrl service target_session_attrs application_name client_encoding gssencmode "
        "krbsrvname requiressl channel_binding keepalives ";
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) return false;
    const auto key = md::text::trim(text.substr(0, eq));
    return !key.empty() && key.find(' ') == std::string_view::npos &&
           kKeywords.find(" " + std::string(key) + " ") != std::string_view::npos;
}

// Masks every password: URL userinfo (scheme://user:secret@host), ?password=... and the conninfo
// keyword password=... (quoted values included).
std::string maskPasswords(std::string out) {
    if (auto scheme = out.find("://"); scheme != std::string::npos) {
        const auto start = scheme + 3;
        const auto end = out.find_first_of("/?", start);
        const auto at = out.rfind('@', end == std::string::npos ? out.size() : end);
        if (at != std::string::npos && at > start) {
            const auto colon = out.find(':', start);
            if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
        }
    }
    for (auto pos = out.find("password"); pos != std::string::npos; pos = out.find("password", pos + 1)) {
        auto valueStart = pos + 8;
        while (valueStart < out.size() && out[valueStart] == ' ')
            ++valueStart;
        if (valueStart >= out.size() || out[valueStart] != '=') continue;
        ++valueStart;
        while (valueStart < out.size() && out[valueStart] == ' ')
            ++valueStart;
        std::size_t valueEnd = valueStart;
        if (valueEnd < out.size() && out[valueEnd] == '\'') {
            for (++valueEnd; valueEnd < out.size() && out[valueEnd] != '\''; ++valueEnd)
                if (out[valueEnd] == '\\') ++valueEnd;
            valueEnd = std::min(valueEnd + 1, out.size());
        } else {
            valueEnd = std::min(out.find_first_of("& ", valueStart), out.size());
        }
        out.replace(valueStart, valueEnd - valueStart, "***");
    }
    return out;
}

// SQLite waits this long for another writer (a second window, the CLI) before reporting "busy".
constexpr int kBusyTimeoutSeconds = 10;

bool startsWith(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

std::string homeDirectory() {
    if (const char* h = std::getenv("HOME"); h && *h) return h;
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

std::string expandHome(std::string path) {
    if (path == "~" || startsWith(path, "~/")) return homeDirectory() + path.substr(1);
    return path;
}

// libpq prints NOTICEs (e.g. "relation already exists, skipping") on stderr; the CLI's output and the
// test logs must not fill with them.
std::string withQuietNotices(const std::string& conninfo) {
    // Options the user gave win: libpq keeps only the last "options", so ours would replace theirs.
    if (conninfo.find("options=") != std::string::npos) return conninfo;
    if (startsWith(conninfo, "postgresql://") || startsWith(conninfo, "postgres://")) {
        const char sep = conninfo.find('?') == std::string::npos ? '?' : '&';
        return conninfo + sep + "options=-c%20client_min_messages%3Dwarning";
    }
    return conninfo + " options='-c client_min_messages=warning'";
}

// Whether a read-only connection can read (a WAL database in a read-only folder cannot).
bool readableInPlace(soci::session& sql) {
    try {
        int n = 0;
        sql << "SELECT COUNT(*) FROM sqlite_master", soci::into(n);
        return true;
    } catch (const soci::soci_error&) {
        return false;
    }
}

bool folderWritable(const std::filesystem::path& file) {
    const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    return ::access(dir.c_str(), W_OK) == 0;
}

// file:PATH?immutable=1 with the characters a URI gives meaning to escaped.
std::string immutableUri(const std::filesystem::path& file) {
    std::string uri = "file:";
    for (const char c : std::filesystem::absolute(file).string()) {
        if (c == '%')
            uri += "%25";
        else if (c == '?')
            uri += "%3f";
        else if (c == '#')
            uri += "%23";
        else
            uri += c;
    }
    return uri + "?immutable=1";
}

void configureSqlite(Database& db, bool readOnly) {
    // WAL lets the GUI read while an import writes; NORMAL is durable across application crashes in
    // WAL mode and much faster than FULL; a 64 MB page cache keeps the member indexes hot. A reader
    // leaves the journal mode as the writers set it (changing it would need write access).
    if (!readOnly) executeScript(db, "PRAGMA journal_mode=WAL");
    executeScript(db, "PRAGMA synchronous=NORMAL");
    executeScript(db, "PRAGMA foreign_keys=ON");
    executeScript(db, "PRAGMA busy_timeout=" + std::to_string(kBusyTimeoutSeconds * 1000));
    executeScript(db, "PRAGMA cache_size=-65536");
}

} // namespace

DatabaseUrl DatabaseUrl::parse(std::string_view text) {
    text = md::text::trim(text);
    if (text.empty())
        throw std::invalid_argument("The database location is empty; " + std::string(kAcceptedForms));

    DatabaseUrl url;
    if (startsWith(text, "postgresql://") || startsWith(text, "postgres://") ||
        startsWithLibpqKeyword(text)) {
        url.backend = Backend::Postgresql;
        url.conninfo = std::string(text); // libpq parses URLs itself, including ?sslmode=... options
        return url;
    }
    if (startsWith(text, "sqlite:")) {
        text.remove_prefix(7);
        if (startsWith(text, "//")) text.remove_prefix(2); // sqlite:///abs/path
        if (text.empty())
            throw std::invalid_argument("sqlite: needs a file path; " + std::string(kAcceptedForms));
    } else if (text.find("://") != std::string_view::npos) {
        throw std::invalid_argument("Unsupported database URL \"" + maskPasswords(std::string(text)) +
                                    "\"; " + std::string(kAcceptedForms));
    }
    url.backend = Backend::Sqlite;
    url.path = expandHome(std::string(text));
    return url;
}

DatabaseUrl DatabaseUrl::fromEnvironmentOrDefault() {
    if (const char* env = std::getenv("MEMBERDESK_DB"); env && *env) return parse(env);
    std::string dataHome;
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/')
        dataHome = xdg;
    else
        dataHome = homeDirectory() + "/.local/share";
    DatabaseUrl url;
    url.backend = Backend::Sqlite;
    url.path = (std::filesystem::path(dataHome) / "memberdesk" / "memberdesk.db").string();
    return url;
}

std::string DatabaseUrl::display() const {
    if (backend == Backend::Sqlite) return "sqlite:" + path;
    return maskPasswords(conninfo);
}

Database::Database(const DatabaseUrl& url) : m_url(url) {
    const std::string headline = "Could not open the database " + m_url.display();
    try {
        if (m_url.backend == Backend::Sqlite) {
            const std::filesystem::path file(m_url.path);
            // Read-only: nothing is created or changed, so a database in a read-only folder (or
            // on read-only media) can still be read. A path with '"' cannot be quoted for SOCI.
            const bool readOnly =
                m_url.readOnly && m_url.path != ":memory:" && m_url.path.find('"') == std::string::npos;
            if (!readOnly && m_url.path != ":memory:" && file.has_parent_path())
                std::filesystem::create_directories(file.parent_path());
            // A path containing '=' would be read by SOCI as key=value pairs: quote it as db="...".
            std::string connect =
                m_url.path.find('=') == std::string::npos ? m_url.path : "db=\"" + m_url.path + "\"";
            if (readOnly) connect = "db=\"" + m_url.path + "\" readonly=1";
            m_sql = std::make_unique<soci::session>(*soci::factory_sqlite3(), connect);
            if (readOnly && !readableInPlace(*m_sql) && !folderWritable(file)) {
                // A WAL database needs its -shm file, which no one can create in a read-only folder:
                // read it as immutable (no locks, no -shm). No one can be writing it there either.
                m_sql = std::make_unique<soci::session>(*soci::factory_sqlite3(),
                                                        "db=\"" + immutableUri(file) + "\" readonly=1");
            }
            configureSqlite(*this, readOnly);
            m_actor = currentOsUser();
        } else {
            m_sql = std::make_unique<soci::session>(*soci::factory_postgresql(),
                                                    withQuietNotices(m_url.conninfo));
            std::string user;
            *m_sql << "SELECT current_user", soci::into(user);
            m_actor = Actor{user};
        }
    } catch (const soci::soci_error& e) {
        throw DatabaseUnavailable(headline, e.what());
    } catch (const std::filesystem::filesystem_error& e) {
        throw DatabaseUnavailable(headline, e.what());
    }
}

Database::~Database() = default;

void Database::setCacheBudget(int megabytes) {
    if (m_url.backend != Backend::Sqlite) return;
    executeScript(*this, "PRAGMA cache_size=-" + std::to_string(std::max(1, megabytes) * 1024));
}

int Database::cacheBudget() {
    if (m_url.backend != Backend::Sqlite) return 0;
    int size = 0;
    *m_sql << "PRAGMA cache_size", soci::into(size);
    // Negative: a budget in KiB; positive: a number of pages (4 KiB by default).
    return size < 0 ? -size / 1024 : size * 4 / 1024;
}

soci::session& Database::sql() {
    return *m_sql;
}

} // namespace md::db
