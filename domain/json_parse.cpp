// The strict parser behind json::parse. Recursive descent; the first error stops it (thrown inside,
// turned into a SyntaxError at the edge), with the position of the offending character.
#include "domain/json.h"
#include "domain/utf8.h"

#include <cstdio>
#include <limits>
#include <set>

namespace md::json {

namespace {

struct Stop {
    std::size_t pos;
    std::string reason;
};

std::string codePoint(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

} // namespace

/// Friend of Object: appends members directly and checks duplicates with its own set, so a large
/// object costs n log n rather than n² key comparisons.
class Parser {
public:
    explicit Parser(std::string_view text) : m_s(text) {}

    Parsed run() {
        try {
            if (m_s.starts_with("\xEF\xBB\xBF")) m_pos = 3;
            Value v = value(1);
            skipSpace();
            if (m_pos < m_s.size()) fail("unexpected " + shown(m_pos) + " after the JSON value");
            return v;
        } catch (const Stop& stop) {
            return locate(stop);
        }
    }

private:
    [[noreturn]] void fail(std::string reason) const { failAt(m_pos, std::move(reason)); }
    [[noreturn]] static void failAt(std::size_t pos, std::string reason) {
        throw Stop{pos, std::move(reason)};
    }

    SyntaxError locate(const Stop& stop) const {
        SyntaxError e;
        e.line = 1;
        e.column = 1;
        for (std::size_t i = 0; i < stop.pos && i < m_s.size(); ++i) {
            const auto c = static_cast<unsigned char>(m_s[i]);
            if (c == '\n') {
                ++e.line;
                e.column = 1;
            } else if ((c & 0xC0u) != 0x80u && !(i < 3 && m_s.starts_with("\xEF\xBB\xBF"))) {
                ++e.column; // a UTF-8 continuation byte does not start a new character
            }
        }
        e.reason = stop.reason;
        return e;
    }

    /// How the character at pos reads in a message: 'x', U+000A, '，' (U+FF0C), byte 0xFF.
    std::string shown(std::size_t pos) const {
        if (pos >= m_s.size()) return "end of input";
        const auto c = static_cast<unsigned char>(m_s[pos]);
        if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        if (c < 0x80) return "character " + codePoint(c);
        const std::size_t len = utf8::sequenceLength(m_s, pos);
        if (len == 0) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "byte 0x%02X", static_cast<unsigned>(c));
            return "invalid UTF-8 " + std::string(buf);
        }
        return "'" + std::string(m_s.substr(pos, len)) + "' (" + codePoint(utf8::decode(m_s, pos, len)) + ")";
    }

    void skipSpace() {
        while (m_pos < m_s.size() &&
               (m_s[m_pos] == ' ' || m_s[m_pos] == '\t' || m_s[m_pos] == '\n' || m_s[m_pos] == '\r'))
            ++m_pos;
    }

    Value value(int depth) {
        skipSpace();
        if (m_pos >= m_s.size()) fail("expected a value, found the end of the input");
        const char c = m_s[m_pos];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        if (c == 't' || c == 'f' || c == 'n') return literal();
        if (c == '\'') fail("strings take double quotes, not single quotes");
        if (c == '/') fail("comments are not allowed in JSON");
        fail("expected a value, found " + shown(m_pos));
    }

    void enter(int depth) const {
        if (depth > kMaxDepth)
            fail("arrays and objects are nested more than " + std::to_string(kMaxDepth) + " levels deep");
    }

    Value object(int depth) {
        enter(depth);
        ++m_pos; // '{'
        Object obj;
        std::set<std::string, std::less<>> seen;
        skipSpace();
        if (m_pos < m_s.size() && m_s[m_pos] == '}') {
            ++m_pos;
            return obj;
        }
        for (;;) {
            skipSpace();
            if (m_pos >= m_s.size()) fail("the input ends inside an object");
            if (m_s[m_pos] != '"') {
                if (m_s[m_pos] == '}' && !obj.m_members.empty()) fail("trailing comma before '}'");
                fail("expected a key in double quotes, found " + shown(m_pos));
            }
            const std::size_t keyPos = m_pos;
            std::string key = string().asString();
            if (!seen.insert(key).second) failAt(keyPos, "duplicate key \"" + key + "\"");
            skipSpace();
            if (m_pos >= m_s.size() || m_s[m_pos] != ':')
                fail("expected ':' after the key \"" + key + "\", found " + shown(m_pos));
            ++m_pos;
            Value v = value(depth + 1);
            obj.m_members.push_back({std::move(key), std::move(v)});
            skipSpace();
            if (m_pos >= m_s.size()) fail("the input ends inside an object");
            if (m_s[m_pos] == '}') {
                ++m_pos;
                return obj;
            }
            if (m_s[m_pos] != ',') fail("expected ',' or '}' after a member, found " + shown(m_pos));
            ++m_pos;
        }
    }

    Value array(int depth) {
        enter(depth);
        ++m_pos; // '['
        Array arr;
        skipSpace();
        if (m_pos < m_s.size() && m_s[m_pos] == ']') {
            ++m_pos;
            return arr;
        }
        for (;;) {
            skipSpace();
            if (!arr.empty() && m_pos < m_s.size() && m_s[m_pos] == ']') fail("trailing comma before ']'");
            arr.push_back(value(depth + 1));
            skipSpace();
            if (m_pos >= m_s.size()) fail("the input ends inside an array");
            if (m_s[m_pos] == ']') {
                ++m_pos;
                return arr;
            }
            if (m_s[m_pos] != ',') fail("expected ',' or ']' after an element, found " + shown(m_pos));
            ++m_pos;
        }
    }

    Value literal() {
        for (std::string_view word : {"true", "false", "null"}) {
            if (m_s.substr(m_pos).starts_with(word)) {
                m_pos += word.size();
                if (word == "null") return Value();
                return Value(word == "true");
            }
        }
        fail("expected true, false or null");
    }

    Value number() {
        const std::size_t start = m_pos;
        const bool negative = m_s[m_pos] == '-';
        if (negative) ++m_pos;
        if (m_pos >= m_s.size() || m_s[m_pos] < '0' || m_s[m_pos] > '9') fail("expected a digit after '-'");
        if (m_s[m_pos] == '0' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] >= '0' && m_s[m_pos + 1] <= '9')
            fail("numbers must not start with 0");
        // The magnitude may reach 2^63 for the most negative number.
        const std::uint64_t limit =
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
        std::uint64_t magnitude = 0;
        bool overflow = false;
        while (m_pos < m_s.size() && m_s[m_pos] >= '0' && m_s[m_pos] <= '9') {
            const auto d = static_cast<std::uint64_t>(m_s[m_pos] - '0');
            if (magnitude > (limit - d) / 10)
                overflow = true;
            else
                magnitude = magnitude * 10 + d;
            ++m_pos;
        }
        if (m_pos < m_s.size() && (m_s[m_pos] == '.' || m_s[m_pos] == 'e' || m_s[m_pos] == 'E'))
            fail("only whole numbers are accepted (no fraction or exponent); write an amount of money as a "
                 "string such as \"10.00\"");
        if (overflow)
            failAt(start, "the number " + std::string(m_s.substr(start, m_pos - start)) +
                              " does not fit in a 64-bit integer");
        if (!negative) return Value(static_cast<std::int64_t>(magnitude));
        return Value(magnitude == limit ? std::numeric_limits<std::int64_t>::min()
                                        : -static_cast<std::int64_t>(magnitude));
    }

    std::uint32_t hex4() {
        if (m_pos + 4 > m_s.size()) fail("\\u needs four hex digits");
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_s[m_pos + static_cast<std::size_t>(k)];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                fail("\\u needs four hex digits");
        }
        m_pos += 4;
        return v;
    }

    /// After "\u": one code point, combining a UTF-16 surrogate pair written as two escapes.
    std::uint32_t unicodeEscape(std::size_t escapePos) {
        const std::uint32_t unit = hex4();
        if (unit >= 0xDC00 && unit <= 0xDFFF)
            failAt(escapePos, "\\u" + std::string(m_s.substr(escapePos + 2, 4)) +
                                  " is a low surrogate without the high surrogate before it");
        if (unit < 0xD800 || unit > 0xDBFF) return unit;
        if (!m_s.substr(m_pos).starts_with("\\u"))
            failAt(escapePos, "\\u" + std::string(m_s.substr(escapePos + 2, 4)) +
                                  " is a high surrogate without a low surrogate after it");
        m_pos += 2;
        const std::uint32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF)
            failAt(escapePos, "\\u" + std::string(m_s.substr(escapePos + 2, 4)) +
                                  " is a high surrogate without a low surrogate after it");
        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }

    Value string() {
        const std::size_t open = m_pos++;
        std::string out;
        for (;;) {
            if (m_pos >= m_s.size()) failAt(open, "this string has no closing '\"'");
            const auto c = static_cast<unsigned char>(m_s[m_pos]);
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (c == '\\') {
                escape(out);
                continue;
            }
            if (c < 0x20) {
                const char* hint = c == '\n'   ? " (a line break: write \\n)"
                                   : c == '\t' ? " (a tab: write \\t)"
                                               : "";
                fail("control character " + codePoint(c) + " inside a string" + hint);
            }
            const std::size_t len = utf8::sequenceLength(m_s, m_pos);
            if (len == 0) fail(shown(m_pos) + " inside a string");
            out.append(m_s.substr(m_pos, len));
            m_pos += len;
        }
    }

    void escape(std::string& out) {
        const std::size_t at = m_pos++;
        if (m_pos >= m_s.size()) failAt(at, "this string has no closing '\"'");
        const char e = m_s[m_pos++];
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out.push_back(e);
            return;
        case 'b':
            out.push_back('\b');
            return;
        case 'f':
            out.push_back('\f');
            return;
        case 'n':
            out.push_back('\n');
            return;
        case 'r':
            out.push_back('\r');
            return;
        case 't':
            out.push_back('\t');
            return;
        case 'u':
            utf8::append(out, unicodeEscape(at));
            return;
        default:
            const std::string what =
                e > 0x20 && e < 0x7F ? "\\" + std::string(1, e) : "'\\' before " + shown(m_pos - 1);
            failAt(at, "unknown escape " + what + R"(; JSON knows \" \\ \/ \b \f \n \r \t \uXXXX)");
        }
    }

    std::string_view m_s;
    std::size_t m_pos = 0;
};

Parsed parse(std::string_view text) {
    return Parser(text).run();
}

} // namespace md::json
