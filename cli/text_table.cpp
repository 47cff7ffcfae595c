#include "cli/text_table.h"

#include <algorithm>
#include <stdexcept>

namespace md::cli {

namespace {

bool isWide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

bool isCombining(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F);
}

} // namespace

std::size_t displayWidth(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
        char32_t c = len == 1 ? b : b & (0x7F >> len);
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(len);
        width += isCombining(c) ? 0 : isWide(c) ? 2 : 1;
    }
    return width;
}

std::string terminalSafe(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    const auto hex = [&](const char* prefix, unsigned value, int digits) {
        out += prefix;
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
            out += kHex[(value >> shift) & 0xF];
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if (b == '\\')
                out += "\\\\";
            else if (b == '\n')
                out += "\\n";
            else if (b == '\r')
                out += "\\r";
            else if (b == '\t')
                out += "\\t";
            else if (b < 0x20 || b == 0x7F)
                hex("\\x", b, 2); // ESC, BEL, ...: a terminal would act on them
            else
                out += static_cast<char>(b);
            ++i;
            continue;
        }
        const std::size_t len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        bool valid = len > 0 && i + len <= s.size();
        for (std::size_t k = 1; valid && k < len; ++k)
            valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (!valid) {
            hex("\\x", b, 2);
            ++i;
            continue;
        }
        // C1 controls (U+0080..U+009F, e.g. CSI U+009B) are two bytes: C2 80..C2 9F.
        if (len == 2 && b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
            hex("\\u", static_cast<unsigned char>(s[i + 1]), 4);
        } else {
            out.append(s, i, len);
        }
        i += len;
    }
    return out;
}

void TextTable::addRow(std::vector<std::string> cells) {
    if (cells.size() != m_columns.size()) throw std::logic_error("TextTable: wrong number of cells");
    for (auto& c : cells)
        c = terminalSafe(c);
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& c : m_columns)
        widths.push_back(displayWidth(c.title));
    for (const auto& row : m_rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));

    const auto printRow = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::size_t pad = widths[i] - displayWidth(cells[i]);
            if (i > 0) line += "  ";
            if (m_columns[i].align == Align::Right) line.append(pad, ' ');
            line += cells[i];
            if (m_columns[i].align == Align::Left) line.append(pad, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };

    std::vector<std::string> titles, rules;
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        titles.push_back(m_columns[i].title);
        rules.emplace_back(widths[i], '-');
    }
    printRow(titles);
    printRow(rules);
    for (const auto& row : m_rows)
        printRow(row);
}

} // namespace md::cli
