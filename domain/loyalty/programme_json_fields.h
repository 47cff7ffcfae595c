#pragma once
// Reading one JSON object of a programme file into struct fields, with a problem for every key that is
// unknown, missing or of the wrong type. Used by programme_json_read.cpp only.
#include "domain/json.h"
#include "domain/loyalty/programme_validation_detail.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace md::loyalty::detail {

/// The closest of `known` to `key` when it is close enough to be a likely typo or another spelling
/// ("entry_spnd", "entrySpend", "grace" -> "grace_days"); empty otherwise.
std::string closestKey(std::string_view key, const std::vector<std::string>& known);

/// The allowed codes of an enum of programme.h, "a, b, c", for messages.
template <class E> std::string allowedCodes() {
    std::string out;
    for (int i = 0;; ++i) {
        const std::string code = toCode(static_cast<E>(i));
        if (code == "?") return out;
        out += (i ? ", " : "") + code;
    }
}

class Fields {
public:
    /// `path` is the object's own JSON path ("" for the root, "tiers.ladder[2]").
    Fields(const json::Object& object, std::string path, Problems& out);
    /// Reports the keys no getter asked for: call once, after the getters.
    void finish();

    std::string path(std::string_view key) const; ///< "tiers.ladder[2].entry_spend"

    // Each getter marks the key as known, leaves `dst` unchanged when the key is absent (missing_key
    // when `required`) or its value unusable (wrong_type, out_of_range, invalid_amount, ...).
    void integer(std::string_view key, std::int64_t& dst, bool required = false);
    void integer(std::string_view key, int& dst, bool required = false);
    void text(std::string_view key, std::string& dst, bool required = false);
    void money(std::string_view key, std::int64_t& dst, bool required = false);
    void date(std::string_view key, Date& dst, bool required = false);
    void date(std::string_view key, std::optional<Date>& dst); ///< absent or null: none
    void texts(std::string_view key, std::vector<std::string>& dst, bool required = false);
    template <class E>
    void code(std::string_view key, E& dst, std::optional<E> (*parse)(const std::string&),
              bool required = false) {
        std::string text;
        const std::size_t before = m_out.list.size();
        this->text(key, text, required);
        if (m_out.list.size() != before || !m_object.contains(key)) return;
        if (auto v = parse(text)) {
            dst = *v;
            return;
        }
        m_out.add(path(key), "unknown_value",
                  "\"" + text + "\" is not a valid " + std::string(key) + "; allowed: " + allowedCodes<E>());
    }
    /// The value of a key that must be an object or array, or null (reported as above).
    const json::Object* object(std::string_view key, bool required = false);
    const json::Array* array(std::string_view key, bool required = false);
    /// Accepts the key without reading it (a "version" in an exported file).
    void ignore(std::string_view key);

private:
    const json::Value* get(std::string_view key, bool required, json::Kind kind, std::string_view expected);

    const json::Object& m_object;
    std::string m_path;
    Problems& m_out;
    std::vector<std::string> m_known;
};

/// An element of an array as an object (wrong_type otherwise): for arrays of tiers, benefits, rules.
const json::Object* elementObject(const json::Value& v, const std::string& path, Problems& out);

} // namespace md::loyalty::detail
