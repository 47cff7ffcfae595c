#pragma once
// What a person typed into a search box, classified. "138 0013 8000" is a phone, "8000" last digits,
// "153 1120" the start of a phone, "MD00012345" or "MD 0001 2345" a card, "00012345" a card without its
// letters, "王" or "wang" a name prefix, "a@b.cn" an email. Full-width characters from a Chinese input
// method ("１５３１１２０") are read as their ASCII forms first.
#include <string>
#include <string_view>
#include <vector>

namespace md {

enum class QueryKind { Empty, Phone, LastDigits, PhonePrefix, Card, CardDigits, NamePrefix, Email };

/// One way of reading the query: which index to look in, and the key to look for.
struct QueryTerm {
    QueryKind kind = QueryKind::Empty;
    std::string key;
    bool operator==(const QueryTerm&) const = default;
};

struct MemberQuery {
    QueryKind kind = QueryKind::Empty;
    std::string key;  ///< Phone: E.164; LastDigits: reversed digits; PhonePrefix: start of an E.164
                      ///< number; Card: upper-cased; CardDigits: the digits of a card; NamePrefix:
                      ///< nameKey(); Email: lower-cased
    std::string text; ///< what was typed, width-folded and trimmed
    /// Other readings of the same text, searched as well: a run of digits can be the end of a phone
    /// number, its start and a card number typed without its letters all at once. Usually empty.
    std::vector<QueryTerm> alsoAs;

    /// {kind, key} followed by alsoAs: every index a search must look in, in the order results are shown.
    std::vector<QueryTerm> terms() const;
};

/// Rules, after foldWidth(): contains '@' -> Email; phone-like with a full valid number -> Phone;
/// 4–10 digits -> LastDigits, and from 7 digits on also PhonePrefix (first when the digits can start a
/// Chinese number, "153 1120", "010 6552"), and also CardDigits; "+CC…" with 7+ digits -> PhonePrefix;
/// more than 10 digits that are no phone -> Card (and CardDigits); letters and digits, possibly in
/// groups ("MD 0000 0009") -> Card; otherwise -> NamePrefix. Fewer than 4 digits alone -> Empty.
MemberQuery classifyQuery(std::string_view text);

/// The part of Unicode NFKC that a Chinese input method produces in a search box: full-width ASCII
/// (U+FF01–U+FF5E, "１８２８", "ＭＤ", "＠") becomes ASCII and the ideographic space (U+3000) a space.
/// Everything else, Chinese included, is left byte for byte (names are matched as stored).
std::string foldWidth(std::string_view text);

/// The key names are indexed under: trimmed, ASCII lower-cased, inner whitespace collapsed.
std::string nameKey(std::string_view name);

/// The digits of a card number in order ("MD-0000 0009" -> "000000009"): the key a card typed without
/// its letters is found under.
std::string cardDigits(std::string_view card);

/// Upper bound for a prefix range scan on a binary-collated key: key >= p AND key < prefixUpperBound(p).
std::string prefixUpperBound(std::string_view prefix);

} // namespace md
