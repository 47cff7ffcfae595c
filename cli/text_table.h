#pragma once
// Plain-text tables for terminal output. Columns are aligned by display width, not bytes: a Chinese
// character takes two terminal cells, so "王芳" is as wide as "Emma".
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace md::cli {

class TextTable {
public:
    enum class Align { Left, Right };
    struct Column {
        std::string title;
        Align align = Align::Left;
    };

    explicit TextTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}
    /// A row with exactly one cell per column; cells are printed through terminalSafe().
    void addRow(std::vector<std::string> cells);
    /// Header, a rule, then the rows; two spaces between columns; no trailing spaces.
    void print(std::ostream& out) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

/// Text safe to print on a terminal: C0 and C1 control characters (ESC, BEL, CR, LF, ...) and DEL
/// become visible escapes (\x1b, \n, \u009b), backslashes are doubled so an escape cannot be
/// faked, and bytes that are not UTF-8 become \xNN. Everything else is unchanged.
std::string terminalSafe(std::string_view utf8);

/// Terminal cells needed to show UTF-8 text: 2 for East Asian wide characters, 0 for combining marks.
std::size_t displayWidth(std::string_view utf8);

} // namespace md::cli
