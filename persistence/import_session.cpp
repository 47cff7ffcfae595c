#include "persistence/import_session.h"

#include "domain/errors.h"
#include "domain/text.h"
#include "persistence/audit.h"
#include "persistence/native_sql.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

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

ImportSession::ImportSession(const std::filesystem::path& file, ProgressFn progress, std::string stage)
    : m_file(file), m_rejectsPath(file.string() + ".rejects.csv"),
      m_partPath(file.string() + ".rejects.csv.part"), m_in(file, std::ios::binary),
      m_progress(std::move(progress)), m_stage(std::move(stage)) {
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

ImportSession::~ImportSession() {
    if (m_finished) return;
    m_rejects.close();
    std::error_code ec;
    std::filesystem::remove(m_partPath, ec);
}

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
    reject(r.line, r.fields, std::move(reason));
}

void ImportSession::reject(std::size_t line, std::vector<std::string> fields, std::string reason) {
    ++m_report.rejected;
    m_pending.push_back({line, std::move(reason), std::move(fields)});
}

void ImportSession::flushRejects() {
    if (m_pending.empty()) return;
    if (!m_rejects.is_open()) {
        m_rejects.open(m_partPath, std::ios::binary | std::ios::trunc);
        if (!m_rejects) throw std::runtime_error("Cannot write " + m_partPath.string());
        std::vector<std::string> head{"line", "reason"};
        head.insert(head.end(), m_header.begin(), m_header.end());
        writeCsvRecord(m_rejects, head);
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
        writeCsvRecord(m_rejects, row);
    }
    m_pending.clear();
    if (!m_rejects) throw std::runtime_error("Cannot write " + m_partPath.string());
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
    if (!m_rejects.is_open()) return;
    m_rejects.close();
    if (m_rejects.fail()) throw std::runtime_error("Cannot write " + m_partPath.string());
}

void ImportSession::finish() {
    m_finished = true;
    std::error_code ec;
    if (m_report.rejected > 0) {
        std::filesystem::rename(m_partPath, m_rejectsPath, ec);
        m_report.rejectsFile = m_rejectsPath;
    } else {
        std::filesystem::remove(m_rejectsPath, ec);
    }
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
