#pragma once
// A small, strict JSON document model (RFC 8259) for files people write by hand: programme definitions
// and other imports. Objects keep their keys in file order; duplicate keys, trailing commas, comments,
// raw control characters, invalid UTF-8 and nesting deeper than kMaxDepth are refused with a line and
// column. Numbers are 64-bit integers only: a fraction or an exponent is refused, because everything we
// read is counted (points, days, percent) and money is written as a decimal string ("1000.00").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace md::json {

class Value;
struct Member;

using Array = std::vector<Value>;

/// Key/value pairs in insertion order. Keys are unique when the object comes from parse(); set()
/// keeps them unique for objects built in code.
class Object {
public:
    /// The value of `key`, or null when absent.
    const Value* find(std::string_view key) const;
    Value* find(std::string_view key);
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    /// Replaces the value of an existing key in place, or appends the key.
    void set(std::string key, Value value);
    /// Removes the key; false when it was not there.
    bool erase(std::string_view key);
    std::size_t size() const;
    bool empty() const;
    const std::vector<Member>& members() const { return m_members; }
    std::vector<Member>::const_iterator begin() const;
    std::vector<Member>::const_iterator end() const;

private:
    friend class Parser;
    std::vector<Member> m_members;
};
bool operator==(const Object& a, const Object& b); ///< same keys in the same order with equal values

enum class Kind { Null, Bool, Integer, String, Array, Object };
std::string_view kindName(Kind k); ///< "null", "a boolean", "a number", "a string", "an array", "an object"

class Value {
public:
    Value() = default; ///< null
    Value(std::nullptr_t) {}
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(std::int64_t{i}) {}
    Value(std::int64_t i) : m_v(i) {}
    Value(std::string s) : m_v(std::move(s)) {}
    Value(std::string_view s) : m_v(std::string(s)) {}
    Value(const char* s) : m_v(std::string(s)) {} ///< not a bool
    Value(Array a) : m_v(std::move(a)) {}
    Value(Object o) : m_v(std::move(o)) {}
    // Out of line: GCC 12 inlines the variant's copy and move into callers and then warns that the
    // inactive alternatives "may be used uninitialized" (a false positive that -Werror turns fatal).
    Value(const Value&);
    Value(Value&&) noexcept;
    Value& operator=(const Value&);
    Value& operator=(Value&&) noexcept;
    ~Value();

    Kind kind() const { return static_cast<Kind>(m_v.index()); }
    bool isNull() const { return kind() == Kind::Null; }
    bool isBool() const { return kind() == Kind::Bool; }
    bool isInteger() const { return kind() == Kind::Integer; }
    bool isString() const { return kind() == Kind::String; }
    bool isArray() const { return kind() == Kind::Array; }
    bool isObject() const { return kind() == Kind::Object; }

    /// The value as that kind; each throws std::logic_error on another kind (callers check kind first).
    bool asBool() const;
    std::int64_t asInteger() const;
    const std::string& asString() const;
    const Array& asArray() const;
    Array& asArray();
    const Object& asObject() const;
    Object& asObject();

    friend bool operator==(const Value&, const Value&) = default;

private:
    std::variant<std::monostate, bool, std::int64_t, std::string, Array, Object> m_v;
};

struct Member {
    std::string key;
    Value value;
    friend bool operator==(const Member&, const Member&) = default;
};

inline constexpr int kMaxDepth = 64; ///< arrays and objects nested deeper than this are refused

/// Where and why parsing stopped. Lines and columns count from 1; columns count characters (UTF-8 code
/// points), as an editor shows them, not bytes.
struct SyntaxError {
    int line = 0;
    int column = 0;
    std::string reason;           ///< "trailing comma before ']'"
    std::string describe() const; ///< "line 3, column 14: trailing comma before ']'"
};

/// A parsed document or the first syntax error in it.
class Parsed {
public:
    Parsed(Value v) : m_v(std::move(v)) {}
    Parsed(SyntaxError e) : m_v(std::move(e)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    /// Throws std::logic_error when parsing failed: callers check ok() first.
    const Value& value() const&;
    Value&& value() &&;
    const SyntaxError& error() const; ///< throws std::logic_error when parsing succeeded

private:
    std::variant<Value, SyntaxError> m_v;
};

/// Parses exactly one JSON value surrounded by optional whitespace. A leading UTF-8 byte order mark is
/// skipped (Windows editors write one). \u escapes, surrogate pairs included, become UTF-8; a lone
/// surrogate is refused. Never throws on bad input.
Parsed parse(std::string_view text);

/// A JSON string literal: UTF-8 kept; '"', '\\', C0 controls, DEL and C1 controls (which a terminal
/// showing the text could act on) escaped; each byte that is not part of well-formed UTF-8 written as
/// \ufffd, so the output always parses. The one string escaper: the document writer, the CLI's JSON and
/// the stored breakdowns all use it.
std::string quote(std::string_view s);
void appendQuoted(std::string& out, std::string_view s);

/// Valid JSON for any value, strings as quote() writes them.
/// pretty: two-space indentation, one member or element per line, except that arrays holding only
/// scalars stay on one line (["GOLD", "BLACK"]); no trailing newline. Otherwise the most compact form.
std::string write(const Value& v, bool pretty = false);

} // namespace md::json
