#include "cli/json_out.h"

#include "domain/json.h"

#include <stdexcept>

namespace md::cli {

std::string jsonQuoted(std::string_view s) {
    return json::quote(s);
}

void JsonWriter::newline() {
    m_out << '\n';
    for (std::size_t i = 0; i < m_hasItems.size(); ++i)
        m_out << "  ";
}

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasItems.empty()) return;
    if (m_hasItems.back()) m_out << ',';
    m_hasItems.back() = true;
    newline();
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out << '{';
    m_hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    if (m_hasItems.empty()) throw std::logic_error("JsonWriter: endObject without beginObject");
    const bool had = m_hasItems.back();
    m_hasItems.pop_back();
    if (had) newline();
    m_out << '}';
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out << '[';
    m_hasItems.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    if (m_hasItems.empty()) throw std::logic_error("JsonWriter: endArray without beginArray");
    const bool had = m_hasItems.back();
    m_hasItems.pop_back();
    if (had) newline();
    m_out << ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    beforeValue();
    m_out << jsonQuoted(name) << ": ";
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    beforeValue();
    m_out << jsonQuoted(s);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t v) {
    beforeValue();
    m_out << v;
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    beforeValue();
    m_out << (b ? "true" : "false");
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    beforeValue();
    m_out << json;
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out << "null";
    return *this;
}

void JsonWriter::finish() {
    m_out << '\n';
}

} // namespace md::cli
