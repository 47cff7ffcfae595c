#include "domain/csv.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace md {
namespace {

// Large reads keep a million-line import I/O-bound rather than call-bound.
constexpr std::size_t kChunk = 256 * 1024;
// A quoted field that runs on this long is almost certainly a missing closing quote; giving up here
// bounds memory and lets the rest of the file be read.
constexpr std::size_t kMaxRecordBytes = 8 * 1024 * 1024;

constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    t[static_cast<unsigned char>(',')] = t[static_cast<unsigned char>('"')] = true;
    t[static_cast<unsigned char>('\r')] = t[static_cast<unsigned char>('\n')] = true;
    return t;
}();

bool isContinuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

} // namespace

CsvReader::CsvReader(std::istream& in) : m_in(in) {
    m_buf.reserve(kChunk * 2);
    fill();
    if (m_buf.size() >= 3 && m_buf.compare(0, 3, "\xEF\xBB\xBF") == 0) m_pos = 3;
}

bool CsvReader::fill() {
    if (m_eof) return false;
    // Everything before m_pos has been handed out; next() keeps m_pos at the start of the record it
    // is reading, so a record is never split from the bytes it may have to rewind to.
    if (m_pos > 0) {
        m_buf.erase(0, m_pos);
        m_pos = 0;
    }
    std::size_t old = m_buf.size();
    m_buf.resize(old + kChunk);
    m_in.read(m_buf.data() + old, static_cast<std::streamsize>(kChunk));
    auto got = static_cast<std::size_t>(m_in.gcount());
    m_buf.resize(old + got);
    m_bytes += got;
    if (got < kChunk) m_eof = true;
    return got > 0;
}

std::optional<CsvRecord> CsvReader::next() {
    // Skip blank lines between records.
    for (;;) {
        if (m_pos >= m_buf.size() && !fill()) return std::nullopt;
        char c = m_buf[m_pos];
        if (c == '\n') {
            ++m_pos;
            ++m_line;
        } else if (c == '\r') {
            ++m_pos;
            if (m_pos < m_buf.size() || fill())
                if (m_buf[m_pos] == '\n') ++m_pos;
            ++m_line;
        } else {
            break;
        }
    }

    CsvRecord rec;
    rec.line = m_line;
    rec.fields.reserve(16);
    // Offsets are relative to m_pos (the record start) so they survive fill() moving the buffer.
    std::size_t off = 0;
    auto avail = [&](std::size_t o) {
        while (m_pos + o >= m_buf.size())
            if (!fill()) return false;
        return true;
    };
    auto at = [&](std::size_t o) { return m_buf[m_pos + o]; };
    auto addField = [&](std::string f) {
        if (rec.error.empty() && !isValidUtf8(f))
            rec.error = "invalid UTF-8 in field " + std::to_string(rec.fields.size() + 1);
        rec.fields.push_back(std::move(f));
    };
    auto endLine = [&] { // consumes "\n", "\r\n" or a lone "\r" at off
        if (at(off++) == '\r' && avail(off) && at(off) == '\n') ++off;
        ++m_line;
    };
    bool unsplit = false; // the record could not be split into fields: keep its text
    auto skipToNextLine = [&] {
        unsplit = true;
        for (;;) {
            if (!avail(off)) return;
            const char* b = m_buf.data() + m_pos + off;
            const char* e = m_buf.data() + m_buf.size();
            const char* nl = static_cast<const char*>(std::memchr(b, '\n', static_cast<std::size_t>(e - b)));
            if (nl) {
                off += static_cast<std::size_t>(nl - b) + 1;
                ++m_line;
                return;
            }
            off += static_cast<std::size_t>(e - b);
        }
    };
    auto finish = [&] {
        if (unsplit) {
            std::size_t len = off;
            while (len > 0 && (m_buf[m_pos + len - 1] == '\n' || m_buf[m_pos + len - 1] == '\r'))
                --len;
            rec.raw.assign(m_buf, m_pos, len);
        }
        m_pos += off;
        return std::optional<CsvRecord>(std::move(rec));
    };

    for (;;) {
        if (!avail(off)) { // end of input straight after a comma: a trailing empty field
            addField({});
            return finish();
        }
        if (at(off) != '"') {
            std::size_t begin = off;
            for (;;) {
                const char* b = m_buf.data() + m_pos + off;
                const char* e = m_buf.data() + m_buf.size();
                const char* p = b;
                while (p < e && !kSpecial[static_cast<unsigned char>(*p)])
                    ++p;
                off += static_cast<std::size_t>(p - b);
                if (p < e || !avail(off)) break;
                if (off > kMaxRecordBytes) {
                    rec.error = "line is longer than 8 MiB";
                    skipToNextLine();
                    return finish();
                }
            }
            std::size_t end = off;
            if (avail(off) && at(off) == '"') {
                rec.error = "stray quote in unquoted field " + std::to_string(rec.fields.size() + 1);
                skipToNextLine();
                return finish();
            }
            addField(std::string(m_buf, m_pos + begin, end - begin));
        } else {
            const std::size_t quoteOff = off++;
            const std::size_t quoteLine = m_line;
            std::string field;
            std::size_t seg = off;
            bool closed = false;
            for (;;) {
                if (!avail(off) || off > kMaxRecordBytes) break;
                const char* b = m_buf.data() + m_pos + off;
                const char* e = m_buf.data() + m_buf.size();
                const char* q =
                    static_cast<const char*>(std::memchr(b, '"', static_cast<std::size_t>(e - b)));
                const char* stop = q ? q : e;
                m_line += static_cast<std::size_t>(std::count(b, stop, '\n'));
                off += static_cast<std::size_t>(stop - b);
                if (!q) continue;
                field.append(m_buf, m_pos + seg, off - seg);
                ++off;
                if (avail(off) && at(off) == '"') { // "" is an escaped quote
                    field.push_back('"');
                    seg = ++off;
                    continue;
                }
                closed = true;
                break;
            }
            if (!closed) {
                // Resume at the line after the opening quote so a single missing quote costs one record.
                rec.error = off > kMaxRecordBytes
                                ? "quoted field longer than 8 MiB; probably a missing closing quote"
                                : "unterminated quoted field";
                off = quoteOff;
                m_line = quoteLine;
                skipToNextLine();
                return finish();
            }
            if (avail(off) && at(off) != ',' && at(off) != '\n' && at(off) != '\r') {
                rec.error =
                    "characters after the closing quote in field " + std::to_string(rec.fields.size() + 1);
                skipToNextLine();
                return finish();
            }
            addField(std::move(field));
        }
        if (!avail(off)) return finish();
        if (at(off) == ',') {
            ++off;
            continue;
        }
        endLine();
        return finish();
    }
}

std::string csvField(std::string_view field) {
    bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!field.empty() && (field.front() == ' ' || field.back() == ' ' || field.front() == '\t' ||
                                     field.back() == '\t'));
    if (!quote) return std::string(field);
    std::string out;
    out.reserve(field.size() + 2);
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void writeCsvRecord(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.put(',');
        if (fields[i].find_first_of(",\"\r\n \t") == std::string::npos) {
            out.write(fields[i].data(), static_cast<std::streamsize>(fields[i].size()));
        } else {
            out << csvField(fields[i]);
        }
    }
    out.put('\n');
}

bool isValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Most fields are ASCII: check eight bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
        } else if (c < 0xC2) { // stray continuation byte, or an overlong 2-byte form
            return false;
        } else if (c < 0xE0) {
            if (i + 1 >= n || !isContinuation(p[i + 1])) return false;
            i += 2;
        } else if (c < 0xF0) {
            if (i + 2 >= n || !isContinuation(p[i + 1]) || !isContinuation(p[i + 2])) return false;
            if (c == 0xE0 && p[i + 1] < 0xA0) return false;  // overlong
            if (c == 0xED && p[i + 1] >= 0xA0) return false; // UTF-16 surrogate
            i += 3;
        } else if (c < 0xF5) {
            if (i + 3 >= n || !isContinuation(p[i + 1]) || !isContinuation(p[i + 2]) ||
                !isContinuation(p[i + 3]))
                return false;
            if (c == 0xF0 && p[i + 1] < 0x90) return false;  // overlong
            if (c == 0xF4 && p[i + 1] >= 0x90) return false; // above U+10FFFF
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace md
