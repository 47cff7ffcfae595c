#pragma once
// RFC 4180 CSV over UTF-8: quoted fields with "" escapes and embedded newlines, optional BOM,
// CRLF or LF. The reader streams (a million-line file is never held in memory) and reports the
// physical line number each record started on, so rejects can name it.
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace md {

struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0; ///< 1-based physical line the record starts on
    std::string error;    ///< non-empty when the record is malformed: "invalid UTF-8 in field 3",
                          ///< "unterminated quoted field", "stray quote in unquoted field 2"
    std::string raw;      ///< when the record could not be split into fields (unterminated quote,
                          ///< over-long line): its text exactly as in the file, without the line end
};

class CsvReader {
public:
    explicit CsvReader(std::istream& in); ///< skips a UTF-8 BOM if present
    /// Next record, or nullopt at end of input. A malformed record is returned with error set and
    /// the reader resynchronises at the next line.
    std::optional<CsvRecord> next();
    std::uint64_t bytesRead() const { return m_bytes; } ///< for progress

private:
    bool fill();
    std::istream& m_in;
    std::string m_buf;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::uint64_t m_bytes = 0;
    bool m_eof = false;
};

/// Writes one record with RFC 4180 quoting (quotes only where needed), terminated by "\n".
void writeCsvRecord(std::ostream& out, const std::vector<std::string>& fields);
/// The quoted form of a single field.
std::string csvField(std::string_view field);

/// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view s);

} // namespace md
