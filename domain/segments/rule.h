#pragma once
// A segment's rule: a tree of AND / OR / NOT groups whose leaves compare one member field with a value
// (docs/segments.md). Its text form is JSON, the one the CLI takes, the database stores and the app shows:
//   {"and":[{"field":"tier","op":"in","value":["GOLD","BLACK"]},
//           {"field":"last_purchase_days","op":"<=","value":90},
//           {"not":{"field":"store","op":"=","value":"SH001"}}]}
// Parsing checks everything the catalogue (segments/fields.h) knows: field names, the ops each field
// takes, value types and ranges. A refusal names the field or op and the node's path ("$.and[1]").
// Turning a rule into SQL is persistence's business (persistence/segment_sql.cpp).
#include "domain/expected.h"
#include "domain/json.h"
#include "domain/segments/fields.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md::segments {

/// One comparison. The typed value is normalised for the compiler: texts for Text fields (one for = and
/// !=), number for Integer / Boolean (0/1) / Money (minor units) / Date (days since 1970-01-01) / Count.
struct Condition {
    const FieldSpec* spec = nullptr; ///< the catalogue entry (never null once parsed)
    Op op = Op::Eq;
    json::Value value; ///< as written, for writing the rule back
    std::vector<std::string> texts;
    std::int64_t number = 0;
    std::string subject;   ///< window fields: the category, store or channel counted
    std::int64_t days = 0; ///< window fields: the window, the last `days` days up to today
};

struct Node {
    enum class Kind { And, Or, Not, Leaf };
    Kind kind = Kind::Leaf;
    std::vector<Node> children; ///< And / Or: one or more; Not: exactly one
    Condition leaf;             ///< Kind::Leaf only
};

inline constexpr int kMaxNodes = 200; ///< a rule with more nodes is refused (a person never writes one)
inline constexpr int kMaxDepth = 16;  ///< groups nested deeper than this are refused

/// Parses and validates the JSON text form. The error names the path, field, op or value refused:
/// "$.and[1]: unknown field 'tierr'".
Expected<Node> parseRule(std::string_view text);
/// The same from an already parsed JSON value.
Expected<Node> ruleFromJson(const json::Value& v);

/// The JSON form (compact); parseRule(writeRule(n)) gives n back.
json::Value ruleToJson(const Node& n);
std::string writeRule(const Node& n, bool pretty = false);

/// Every leaf of the tree, depth first (the app checks tier codes against the programme).
std::vector<const Condition*> conditions(const Node& n);

} // namespace md::segments
