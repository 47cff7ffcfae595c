#include "persistence/import_session.h"

#include "domain/errors.h"
#include "domain/text.h"
#include "domain/user_error.h"
#include "persistence/audit.h"
#include "persistence/native_sql.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace md::db {

namespace {

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isBlank(const CsvRecord& r) {
    return r.error.empty() && r.fields.size() == 1 && r.fields[0].empty();
}

} // namespace

std::string trimmed(std::string_view s) {
    return std::string(text::trim(s));
}

std::string upperAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string fieldReason(std::string_view column, const std::string& reason) {
    // "amount \"abc\" is not a number" already says which field it is about.
    const bool named = reason.size() > column.size() && reason.compare(0, column.size(), column) == 0 &&
                       (reason[column.size()] == ':' || reason[column.size()] == ' ');
    return named ? reason : std::string(column) + ": " + reason;
}

std::optional<bool> parseConsentFlag(std::string_view text) {
    const std::string t = lowerAscii(trimmed(text));
    if (t.empty() || t == "0" || t == "no" || t == "false" || t == "n" || t == "否") return false;
    if (t == "1" || t == "yes" || t == "true" || t == "y" || t == "是") return true;
    return std::nullopt;
}

std::string importSummaryJson(const std::filesystem::path& file, const ImportReport& r, ImportMode mode) {
    std::string name;
    for (const unsigned char c : file.filename().string()) {
        if (c == '"' || c == '\\') {
            name += '\\';
            name += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            name += buf;
        } else {
            name += static_cast<char>(c);
        }
    }
    return "{\"file\":\"" + name + "\",\"records\":" + std::to_string(r.records) +
           ",\"imported\":" + std::to_string(r.imported) + ",\"rejected\":" + std::to_string(r.rejected) +
           ",\"mode\":\"" + (mode == ImportMode::Upsert ? "upsert" : "insert") + "\"}";
}

ImportSession::ImportSession(const std::filesystem::path& file, ProgressFn progress, std::string stage,
                             std::vector<std::filesystem::path> keep)
    : m_file(file), m_rejectsPath(file.string() + ".rejects.csv"), m_in(file, std::ios::binary),
      m_progress(std::move(progress)), m_stage(std::move(stage)), m_keep(std::move(keep)) {
    m_keep.push_back(file);
    if (!m_in) throw std::runtime_error("Cannot open " + file.string());
    std::error_code ec;
    m_size = std::filesystem::file_size(file, ec);
    if (ec) m_size = 0;
    m_reader.emplace(m_in);
    auto header = m_reader->next();
    if (!header || isBlank(*header))
        throw std::runtime_error(file.string() + " is empty: expected a header line");
    if (!header->error.empty()) throw std::runtime_error(file.string() + ": header line: " + header->error);
    m_header = std::move(header->fields);
    for (const auto& h : m_header)
        m_headerKeys.push_back(lowerAscii(trimmed(h)));
}

ImportSession::~ImportSession() = default; // an unfinished SafeOutputFile removes its temporary

int ImportSession::column(std::string_view name) const {
    const auto it = std::find(m_headerKeys.begin(), m_headerKeys.end(), lowerAscii(name));
    return it == m_headerKeys.end() ? -1 : static_cast<int>(it - m_headerKeys.begin());
}

void ImportSession::requireColumns(std::initializer_list<std::string_view> names) const {
    std::string missing;
    for (auto n : names)
        if (column(n) < 0) missing += (missing.empty() ? "" : ", ") + std::string(n);
    if (!missing.empty())
        throw std::runtime_error(m_file.filename().string() + ": missing column(s) " + missing);
}

void ImportSession::requireAnyColumn(std::initializer_list<std::string_view> names) const {
    std::string all;
    for (auto n : names) {
        if (column(n) >= 0) return;
        all += (all.empty() ? "" : " or ") + std::string(n);
    }
    throw std::runtime_error(m_file.filename().string() + ": missing column " + all);
}

void ImportSession::requireKnownColumns(std::initializer_list<std::string_view> known,
                                        const std::vector<std::string>& ignored) const {
    std::vector<std::string> ignoredKeys;
    for (const auto& i : ignored)
        ignoredKeys.push_back(lowerAscii(trimmed(i)));
    const auto listed = [](const std::vector<std::string>& v, const std::string& key) {
        return std::find(v.begin(), v.end(), key) != v.end();
    };
    std::string unknown, duplicated, notThere;
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < m_headerKeys.size(); ++i) {
        const std::string& key = m_headerKeys[i];
        const std::string shown = "\"" + trimmed(m_header[i]) + "\"";
        if (listed(seen, key)) {
            // Which of the two cells would count is a guess: refuse rather than lose one.
            duplicated += (duplicated.empty() ? "" : ", ") + shown;
            continue;
        }
        seen.push_back(key);
        bool isKnown = false;
        for (auto k : known)
            isKnown = isKnown || key == k;
        if (!isKnown && !listed(ignoredKeys, key)) unknown += (unknown.empty() ? "" : ", ") + shown;
    }
    for (const auto& i : ignoredKeys)
        if (!listed(m_headerKeys, i)) notThere += (notThere.empty() ? "" : ", ") + i;
    const std::string name = m_file.filename().string();
    if (!duplicated.empty())
        throw std::runtime_error(name + ": column(s) named twice in the header: " + duplicated);
    if (!unknown.empty()) {
        std::string all;
        for (auto k : known)
            all += (all.empty() ? "" : ",") + std::string(k);
        throw std::runtime_error(name + ": unknown column(s) " + unknown + " (misspelled?). Known columns: " +
                                 all + ". To import without them, add --ignore-columns with their names.");
    }
    if (!notThere.empty())
        throw std::runtime_error(name +
                                 ": --ignore-columns names column(s) the header does not have: " + notThere);
}

std::optional<CsvRecord> ImportSession::next() {
    for (;;) {
        auto r = m_reader->next();
        if (!r) return r;
        if (isBlank(*r)) continue;
        ++m_report.records;
        maybeReport();
        return r;
    }
}

std::string ImportSession::structuralProblem(const CsvRecord& r) const {
    if (!r.error.empty()) return r.error;
    // Valid UTF-8, but no database text type stores it (PostgreSQL would fail the whole COPY).
    for (std::size_t i = 0; i < r.fields.size(); ++i)
        if (r.fields[i].find('\0') != std::string::npos)
            return "NUL character in field " + std::to_string(i + 1);
    if (r.fields.size() != m_header.size())
        return "wrong column count: " + std::to_string(r.fields.size()) + " fields, header has " +
               std::to_string(m_header.size());
    return {};
}

std::string_view ImportSession::field(const CsvRecord& r, int col) {
    if (col < 0 || static_cast<std::size_t>(col) >= r.fields.size()) return {};
    return text::trim(r.fields[static_cast<std::size_t>(col)]);
}

void ImportSession::reject(const CsvRecord& r, std::string reason) {
    // A record the reader could not split (unterminated quote, over-long line) is given back whole,
    // exactly as it was, so it can be fixed from the rejects file.
    if (!r.raw.empty() && !r.error.empty())
        reject(r.line, {r.raw}, std::move(reason));
    else
        reject(r.line, r.fields, std::move(reason));
}

void ImportSession::reject(std::size_t line, std::vector<std::string> fields, std::string reason) {
    ++m_report.rejected;
    m_pending.push_back({line, std::move(reason), std::move(fields)});
}

void ImportSession::flushRejects() {
    if (m_pending.empty()) return;
    if (!m_rejects) {
        // A fresh temporary (O_EXCL, no symlink following) renamed over FILE.rejects.csv on finish().
        m_rejects.emplace(m_rejectsPath, m_keep);
        std::vector<std::string> head{"line", "reason"};
        head.insert(head.end(), m_header.begin(), m_header.end());
        writeCsvRecord(m_rejects->stream(), head);
    }
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const Reject& a, const Reject& b) { return a.line < b.line; });
    std::vector<std::string> row;
    for (auto& rj : m_pending) {
        row.clear();
        row.push_back(std::to_string(rj.line));
        row.push_back(std::move(rj.reason));
        for (auto& f : rj.fields)
            row.push_back(std::move(f));
        writeCsvRecord(m_rejects->stream(), row);
    }
    m_pending.clear();
    if (!m_rejects->stream()) m_rejects->close(); // throws file.cannot_write with the reason
}

void ImportSession::maybeReport() {
    // At least every 1% of the file or every 50,000 records, whichever comes first.
    const std::uint64_t bytes = m_reader->bytesRead();
    if (m_report.records - m_lastRecords < 50000 &&
        bytes - m_lastBytes < std::max<std::uint64_t>(m_size / 100, 1))
        return;
    m_lastRecords = m_report.records;
    m_lastBytes = bytes;
    progress(m_stage, bytes, std::max(m_size, bytes));
}

void ImportSession::progress(const std::string& stage, std::uint64_t done, std::uint64_t total) {
    if (m_progress && !m_progress(Progress{stage, done, total}))
        throw Cancelled("The import was cancelled; nothing was changed", m_file.string());
}

void ImportSession::closeRejects() {
    flushRejects();
    if (m_rejects) m_rejects->close();
}

void ImportSession::finish() {
    m_finished = true;
    if (m_report.rejected > 0 && m_rejects) {
        // After the commit: the import stands even if the rename fails; the report says where the
        // rejects are (the temporary stays when it cannot be renamed).
        try {
            m_rejects->commit();
            m_report.rejectsFile = m_rejectsPath;
        } catch (const UserError&) {
            m_rejects->keep();
            m_report.rejectsFile = m_rejects->temporary();
        }
    } else {
        // A stale rejects file from an earlier run would describe lines that are now imported.
        struct stat st {};
        if (::lstat(m_rejectsPath.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::unlink(m_rejectsPath.c_str());
    }
}

std::vector<std::filesystem::path> databaseFiles(const Database& db) {
    if (db.backend() != Backend::Sqlite || db.url().path == ":memory:") return {};
    return sqliteFiles(db.url().path);
}

ImportReport commitImport(Database& db, WriteTransaction& tr, ImportSession& session,
                          const std::string& entity, ImportMode mode, const std::optional<Actor>& who) {
    ImportReport& report = session.report();
    appendAudit(db, who ? *who : db.actor(), "import", entity, session.file().filename().string(),
                std::nullopt, importSummaryJson(session.file(), report, mode));
    session.closeRejects();
    session.progress("Committing", report.records, report.records);
    tr.commit();
    session.finish();
    return report;
}

} // namespace md::db
