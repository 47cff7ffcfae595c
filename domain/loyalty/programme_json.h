#pragma once
// The programme as a JSON file (docs/programme-format.md): what marketing exports, edits, reviews and
// imports. Keys are snake_case; amounts of money are decimal strings in yuan ("2000.00"), never numbers,
// so yuan and fen cannot be confused; dates are "YYYY-MM-DD"; enums are the codes of programme.h.
// The version is not part of the file: the database assigns one when a programme is stored, so the same
// file imported twice makes two versions. An import ignores a "version" key if one is present.
#include "domain/loyalty/programme.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md::loyalty {

/// Pretty-printed JSON with a stable key order (the order of docs/programme-format.md), ending in a
/// newline. Every field that matters for its tier, benefit or rule kind is written; a field that does
/// not matter for the kind is written only when it differs from its default, so that
/// programmeFromJson(programmeToJson(p)) gives back p exactly (all fields but `version`).
std::string programmeToJson(const Programme& p);

/// A programme read from JSON, or everything wrong with the file.
struct ProgrammeParse {
    std::optional<Programme> programme;     ///< set exactly when problems is empty
    std::vector<ProgrammeProblem> problems; ///< field = JSON path ("tiers.ladder[2].entry_spend")
    bool ok() const { return problems.empty(); }
};

/// Reads a programme. A syntax error is one problem (code programme.json_syntax, field "", message
/// "line 3, column 14: ..."). Otherwise every structural problem is reported at once: unknown keys
/// (with the closest known key suggested), missing required keys, wrong types, unknown enum codes (with
/// the allowed ones listed), unreadable amounts and dates; then the problems validateProgramme finds,
/// leaving out those in a tier, benefit or rule (or at a top-level field) already reported: a value
/// that could not be read would only come back as a contradiction. Never throws on bad input.
ProgrammeParse programmeFromJson(std::string_view text);

} // namespace md::loyalty
