#include "persistence/bulk_loader.h"

#include "domain/errors.h"
#include "persistence/copy_writer.h"

#include <soci/soci.h>

#include <charconv>

namespace md::db {

struct BulkWriter::Sink {
    Sink(Database& db, std::string table, std::vector<BulkColumn> columns, std::size_t batchRows)
        : db(db), sql(db.sql()), table(std::move(table)), columns(std::move(columns)), batch(batchRows) {}
    virtual ~Sink() = default;
    virtual void text(std::string_view v) = 0;
    virtual void null() = 0;
    virtual void integer(std::int64_t v) = 0;
    virtual void endRow() = 0;
    virtual void flush() = 0;

    std::string columnList() const {
        std::string s;
        for (const auto& c : columns)
            s += (s.empty() ? "" : ", ") + c.name;
        return s;
    }

    Database& db;
    soci::session& sql;
    std::string table;
    std::vector<BulkColumn> columns;
    std::size_t batch;
    std::size_t col = 0, pending = 0;
    std::uint64_t written = 0;
};

namespace {

// Column-major buffers bound with vector use(); the statement is prepared per batch because SOCI
// sizes its bindings at prepare time.
class SqliteSink final : public BulkWriter::Sink {
public:
    using Sink::Sink;
    void init() {
        const std::size_t n = columns.size();
        m_text.resize(n);
        m_int.resize(n);
        m_ind.resize(n);
        std::string values;
        for (std::size_t i = 0; i < n; ++i)
            values += (i ? ", :v" : ":v") + std::to_string(i);
        m_insert = "INSERT INTO " + table + " (" + columnList() + ") VALUES (" + values + ")";
    }
    void text(std::string_view v) override {
        m_text[col].emplace_back(v);
        m_ind[col++].push_back(soci::i_ok);
    }
    void null() override {
        if (columns[col].type == ColumnType::Integer)
            m_int[col].push_back(0);
        else
            m_text[col].emplace_back();
        m_ind[col++].push_back(soci::i_null);
    }
    void integer(std::int64_t v) override {
        m_int[col].push_back(static_cast<long long>(v));
        m_ind[col++].push_back(soci::i_ok);
    }
    void endRow() override {
        col = 0;
        if (++pending == batch) flush();
    }
    void flush() override {
        if (pending == 0) return;
        soci::statement st(sql);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].type == ColumnType::Integer)
                st.exchange(soci::use(m_int[i], m_ind[i]));
            else
                st.exchange(soci::use(m_text[i], m_ind[i]));
        }
        st.alloc();
        st.prepare(m_insert);
        st.define_and_bind();
        st.execute(true);
        written += pending;
        pending = 0;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            m_text[i].clear();
            m_int[i].clear();
            m_ind[i].clear();
        }
    }

private:
    std::vector<std::vector<std::string>> m_text;
    std::vector<std::vector<long long>> m_int;
    std::vector<std::vector<soci::indicator>> m_ind;
    std::string m_insert;
};

class CopySink final : public BulkWriter::Sink {
public:
    using Sink::Sink;
    void init() { m_copy = "COPY " + table + " (" + columnList() + ") FROM STDIN"; }
    void text(std::string_view v) override {
        separator();
        appendCopyText(m_buf, v);
    }
    void null() override {
        separator();
        appendCopyNull(m_buf);
    }
    void integer(std::int64_t v) override {
        separator();
        char tmp[24];
        auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        m_buf.append(tmp, r.ptr);
    }
    void endRow() override {
        m_buf += '\n';
        col = 0;
        // Also bound the buffer in bytes: long text rows would otherwise make batches huge.
        if (++pending == batch || (batch != 0 && m_buf.size() >= (16u << 20))) flush();
    }
    void flush() override {
        if (pending == 0) return;
        copyIn(db, m_copy, m_buf);
        written += pending;
        pending = 0;
        m_buf.clear();
    }

private:
    void separator() {
        if (col++ > 0) m_buf += '\t';
    }
    std::string m_buf;
    std::string m_copy;
};

} // namespace

BulkWriter::BulkWriter(Database& db, std::string table, std::vector<BulkColumn> columns,
                       std::size_t batchRows) {
    if (isPostgres(db)) {
        auto s = std::make_unique<CopySink>(db, std::move(table), std::move(columns), batchRows);
        s->init();
        m_sink = std::move(s);
    } else {
        auto s = std::make_unique<SqliteSink>(db, std::move(table), std::move(columns), batchRows);
        s->init();
        m_sink = std::move(s);
    }
}

BulkWriter::~BulkWriter() = default;

BulkWriter& BulkWriter::text(std::string_view v) {
    m_sink->text(v);
    return *this;
}
BulkWriter& BulkWriter::text(const std::optional<std::string>& v) {
    if (v)
        m_sink->text(*v);
    else
        m_sink->null();
    return *this;
}
BulkWriter& BulkWriter::integer(std::int64_t v) {
    m_sink->integer(v);
    return *this;
}
BulkWriter& BulkWriter::null() {
    m_sink->null();
    return *this;
}
void BulkWriter::endRow() {
    if (m_sink->col != m_sink->columns.size())
        throw std::logic_error("BulkWriter: row for " + m_sink->table + " has " +
                               std::to_string(m_sink->col) + " values, expected " +
                               std::to_string(m_sink->columns.size()));
    m_sink->endRow();
}
void BulkWriter::flush() {
    m_sink->flush();
}
std::size_t BulkWriter::pendingRows() const {
    return m_sink->pending;
}
std::uint64_t BulkWriter::rowsWritten() const {
    return m_sink->written;
}

TempTable::TempTable(Database& db, std::string name, const std::string& selectSql)
    : m_db(db), m_name(std::move(name)) {
    db.sql() << "CREATE TEMP TABLE " + m_name + db.dialect().tempTableOnCommit() + " AS " + selectSql +
                    " WHERE 1 = 0";
}

void TempTable::analyze() {
    m_db.dialect().analyze(m_db, m_name);
}

void TempTable::clear() {
    m_db.sql() << m_db.dialect().emptyTable(m_name);
}
void TempTable::drop() {
    m_db.sql() << "DROP TABLE " + m_name;
}

bool isPostgres(Database& db) {
    return db.backend() == Backend::Postgresql;
}

} // namespace md::db
