#pragma once
// The catalogue of what a segment rule may test: every field, its value type, the ops it takes and the
// range of its values. The rule parser checks against it, the SQL compiler maps each entry to SQL of its
// own (never a name taken from the rule), and the segment builder pane will offer it in pickers.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace md::segments {

enum class Op { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };

/// "=", "!=", "<", "<=", ">", ">=", "in", "not_in".
std::string_view opText(Op op);
std::optional<Op> parseOp(std::string_view text);

enum class FieldType {
    Text,    ///< a string; = and != take one, in and not_in a list
    Integer, ///< a whole number within [min, max]
    Boolean, ///< true or false
    Date,    ///< "YYYY-MM-DD"
    Money,   ///< a decimal string in yuan, "1000.00" (compared in minor units)
    Window,  ///< a number of days N: "within the next N days" (the only op is =)
    Count,   ///< purchases of one category / store / channel over the last `days` days, compared
};

enum class Group { Profile, Loyalty, Behaviour };

struct FieldSpec {
    std::string_view name;
    Group group;
    FieldType type;
    std::vector<Op> ops;
    std::int64_t min = 0, max = 0;    ///< Integer, Window, Count: the accepted values
    std::vector<std::string> choices; ///< Text: the only values accepted (empty: any text)
    std::string_view subjectKey;      ///< Count: the extra key naming what is counted ("category")
    std::string_view help;            ///< one line for --help, docs and the builder's tooltip

    bool takes(Op op) const;
};

/// Every field, in the order the builder lists them.
std::span<const FieldSpec> fieldCatalogue();
const FieldSpec* findField(std::string_view name);
/// "store, gender, age, ..." for messages.
std::string fieldNames();
std::string opNames(const FieldSpec& f);

inline constexpr std::int64_t kMaxWindowDays = 3660; ///< ten years: windows of behaviour fields
inline constexpr std::size_t kMaxListValues = 1000;  ///< values of one in / not_in
inline constexpr std::size_t kMaxTextBytes = 200;    ///< one text value

} // namespace md::segments
