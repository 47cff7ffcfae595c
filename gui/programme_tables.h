#pragma once
// The Programme pane's three tables (tiers, benefits, earning rules) as rows of cell text, and back.
// Each column is named by its key in the programme file (docs/programme-format.md), so a validation
// problem's path ("tiers.ladder[2].entry_spend") names a row and a column of a table. Reading a cell
// that is not a value (a cleared priority, "12x" in a money column) is a problem with that same path,
// and the pane stores nothing while there is one.
#include "domain/loyalty/programme.h"

#include <wx/string.h>

#include <optional>
#include <string>
#include <vector>

namespace md::gui {

enum class ProgrammeTable { Tiers, Benefits, Rules };

struct TableColumn {
    const char* key;                  ///< the field's key in the file ("entry_spend")
    wxString title;                   ///< the column header
    int width;                        ///< pixels, fixed (nothing is measured)
    std::vector<std::string> choices; ///< codes offered by a choice editor; empty: free text
};

const std::vector<TableColumn>& tableColumns(ProgrammeTable t);
/// "tiers.ladder", "benefits", "rules": the path prefix of the table's rows.
std::string tablePath(ProgrammeTable t);

using Row = std::vector<wxString>;
std::vector<Row> tableRows(const loyalty::Programme& p, ProgrammeTable t);
/// Replaces the table's part of p (the ladder's tiers, the benefits or the rules) with the rows; every
/// cell that cannot be read adds a problem (and the rest of the row is still read).
void readTable(ProgrammeTable t, const std::vector<Row>& rows, loyalty::Programme& p,
               std::vector<loyalty::ProgrammeProblem>& problems);

/// Where a problem points: a table cell (column -1: the whole row or table), or a scalar field.
struct ProblemPlace {
    std::optional<ProgrammeTable> table;
    int row = -1, column = -1;
    std::string scalar; ///< the field key outside the tables ("expiry.days", "name", "tiers.window")
};
ProblemPlace placeOf(const std::string& field);

/// "¥1,000.00" / "1000" / "1000.5" -> minor units; nullopt when it is not an amount.
std::optional<std::int64_t> parseYuanText(const wxString& text);
/// 100000 -> "1000.00" (the file's form, no grouping, so it reads back).
wxString yuanText(std::int64_t minor);

} // namespace md::gui
