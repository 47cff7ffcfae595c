#pragma once
// What a person typed into a search box, classified. "138 0013 8000" is a phone, "8000" last digits,
// "MD00012345" a card, "王" or "wang" a name prefix, "a@b.cn" an email.
#include <string>
#include <string_view>

namespace md {

enum class QueryKind { Empty, Phone, LastDigits, Card, NamePrefix, Email };

struct MemberQuery {
    QueryKind kind = QueryKind::Empty;
    std::string key;  ///< Phone: E.164; LastDigits: reversed digits; Card: upper-cased;
                      ///< NamePrefix: nameKey(); Email: lower-cased
    std::string text; ///< what was typed, trimmed
};

/// Rules: contains '@' -> Email; phone-like with a full valid number -> Phone; 4–10 digits only ->
/// LastDigits; starts with a letter and has a digit, or matches the card format -> Card;
/// otherwise -> NamePrefix. Fewer than 4 digits alone -> NamePrefix never matches digits, so Empty.
MemberQuery classifyQuery(std::string_view text);

/// The key names are indexed under: trimmed, ASCII lower-cased, inner whitespace collapsed.
std::string nameKey(std::string_view name);

/// Upper bound for a prefix range scan on a binary-collated key: key >= p AND key < prefixUpperBound(p).
std::string prefixUpperBound(std::string_view prefix);

} // namespace md
