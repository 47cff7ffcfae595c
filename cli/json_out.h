#pragma once
// A small streaming JSON writer for --json output: pretty-printed (two-space indent), UTF-8 passed
// through, control characters escaped. The CLI emits only objects, arrays, strings, integers,
// booleans and null, so this is all it needs.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace md::cli {

class JsonWriter {
public:
    explicit JsonWriter(std::ostream& out) : m_out(out) {}

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// The name of the next member of the current object.
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(std::int64_t v);
    JsonWriter& value(int v) { return value(static_cast<std::int64_t>(v)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    /// A value that is already JSON text (a stored breakdown), written as is.
    JsonWriter& raw(std::string_view json);
    /// The string, or null when absent.
    JsonWriter& value(const std::optional<std::string>& s) { return s ? value(*s) : null(); }

    /// key(name).value(v) in one call.
    template <class T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }

    /// Ends the document with a newline.
    void finish();

private:
    void beforeValue();
    void newline();

    std::ostream& m_out;
    std::vector<bool> m_hasItems; ///< per open container: has it written an item yet
    bool m_afterKey = false;
};

/// The JSON string literal for s, quotes included.
std::string jsonQuoted(std::string_view s);

} // namespace md::cli
