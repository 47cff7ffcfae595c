#include "cli/json_out.h"

#include <stdexcept>

namespace md::cli {

std::string jsonQuoted(std::string_view s) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back('"');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto c = static_cast<unsigned char>(ch);
        // C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F) are legal in JSON strings, but a terminal
        // showing the JSON may act on them (CSI): escape them like C0.
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
            static_cast<unsigned char>(s[i + 1]) >= 0x80) {
            const auto c1 = static_cast<unsigned char>(s[++i]);
            out += "\\u00";
            out.push_back(hex[c1 >> 4]);
            out.push_back(hex[c1 & 0xf]);
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xf]);
            } else {
                out.push_back(ch); // UTF-8 bytes go through as they are: JSON text is UTF-8
            }
        }
    }
    out.push_back('"');
    return out;
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
