// json::write: compact or pretty, always valid JSON.
#include "domain/json.h"
#include "domain/utf8.h"

#include <cstdint>
#include <cstdio>

namespace md::json {

void appendQuoted(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    const auto escaped = [&](std::uint32_t cp) {
        out += "\\u00";
        out.push_back(hex[(cp >> 4) & 0xf]);
        out.push_back(hex[cp & 0xf]);
    };
    out.push_back('"');
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t len = utf8::sequenceLength(s, i);
            if (len == 0) {
                out += "\\ufffd"; // not UTF-8 (a GBK file's bytes): the output must stay valid, in ASCII
                ++i;
                continue;
            }
            const std::uint32_t cp = utf8::decode(s, i, len);
            // C1 controls are legal in JSON strings, but a terminal showing the text may act on them (CSI).
            if (cp <= 0x9F)
                escaped(cp);
            else
                out.append(s.substr(i, len));
            i += len;
            continue;
        }
        ++i;
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
            // Other C0 controls and DEL: escaped, so a terminal showing the text is not driven by it.
            if (c < 0x20 || c == 0x7F)
                escaped(c);
            else
                out.push_back(static_cast<char>(c));
        }
    }
    out.push_back('"');
}

std::string quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    appendQuoted(out, s);
    return out;
}

namespace {

bool allScalars(const Array& a) {
    for (const Value& v : a)
        if (v.isArray() || v.isObject()) return false;
    return true;
}

void newline(std::string& out, bool pretty, int indent) {
    if (!pretty) return;
    out.push_back('\n');
    out.append(static_cast<std::size_t>(indent) * 2, ' ');
}

void writeValue(std::string& out, const Value& v, bool pretty, int indent) {
    switch (v.kind()) {
    case Kind::Null:
        out += "null";
        return;
    case Kind::Bool:
        out += v.asBool() ? "true" : "false";
        return;
    case Kind::Integer:
        out += std::to_string(v.asInteger());
        return;
    case Kind::String:
        appendQuoted(out, v.asString());
        return;
    case Kind::Array: {
        const Array& a = v.asArray();
        const bool inline_ = !pretty || allScalars(a);
        out.push_back('[');
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (i > 0) out += pretty && inline_ ? ", " : ",";
            if (!inline_) newline(out, pretty, indent + 1);
            writeValue(out, a[i], pretty, indent + 1);
        }
        if (!inline_ && !a.empty()) newline(out, pretty, indent);
        out.push_back(']');
        return;
    }
    case Kind::Object: {
        const Object& o = v.asObject();
        out.push_back('{');
        bool first = true;
        for (const Member& m : o) {
            if (!first) out.push_back(',');
            first = false;
            newline(out, pretty, indent + 1);
            appendQuoted(out, m.key);
            out += pretty ? ": " : ":";
            writeValue(out, m.value, pretty, indent + 1);
        }
        if (!o.empty()) newline(out, pretty, indent);
        out.push_back('}');
        return;
    }
    }
}

} // namespace

std::string write(const Value& v, bool pretty) {
    std::string out;
    writeValue(out, v, pretty, 0);
    return out;
}

} // namespace md::json
