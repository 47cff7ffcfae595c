#include "domain/loyalty/programme_json_fields.h"

#include "domain/money.h"
#include "domain/text.h"

#include <algorithm>
#include <limits>

namespace md::loyalty::detail {

namespace {

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// Lower case without '_' and '-': "entrySpend", "Entry-Spend" and "entry_spend" compare equal.
std::string folded(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '_' && c != '-') out.push_back(text::lower(c));
    return out;
}

bool isDateText(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

} // namespace

std::string closestKey(std::string_view key, const std::vector<std::string>& known) {
    std::string best;
    std::size_t bestDistance = std::numeric_limits<std::size_t>::max();
    for (const std::string& k : known) {
        if (folded(k) == folded(key)) return k;
        const std::size_t d = editDistance(key, k);
        if (d < bestDistance) {
            bestDistance = d;
            best = k;
        }
    }
    if (!best.empty() && (bestDistance <= 2 || bestDistance * 3 <= key.size())) return best;
    // A key typed short: "grace" for "grace_days".
    for (const std::string& k : known)
        if (key.size() >= 3 && k.starts_with(key)) return k;
    return {};
}

Fields::Fields(const json::Object& object, std::string path, Problems& out)
    : m_object(object), m_path(std::move(path)), m_out(out) {}

std::string Fields::path(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void Fields::finish() {
    for (const json::Member& m : m_object) {
        if (std::find(m_known.begin(), m_known.end(), m.key) != m_known.end()) continue;
        std::string message = "unknown key \"" + m.key + "\"";
        if (const std::string near = closestKey(m.key, m_known); !near.empty()) {
            message += "; did you mean \"" + near + "\"?";
        } else {
            message += "; known keys here: ";
            for (std::size_t i = 0; i < m_known.size(); ++i)
                message += (i ? ", " : "") + m_known[i];
        }
        m_out.add(path(m.key), "unknown_key", message);
    }
}

const json::Value* Fields::get(std::string_view key, bool required, json::Kind kind,
                               std::string_view expected) {
    m_known.emplace_back(key);
    const json::Value* v = m_object.find(key);
    if (!v) {
        if (required) m_out.add(path(key), "missing_key", "the key \"" + std::string(key) + "\" is required");
        return nullptr;
    }
    if (v->kind() != kind) {
        std::string message = std::string(key) + " must be " + std::string(expected) + ", not " +
                              std::string(json::kindName(v->kind()));
        if (expected.find("amount") != std::string_view::npos && v->isInteger())
            message += "; write amounts as strings in yuan so they cannot be mistaken for fen";
        m_out.add(path(key), "wrong_type", message);
        return nullptr;
    }
    return v;
}

void Fields::integer(std::string_view key, std::int64_t& dst, bool required) {
    if (const json::Value* v = get(key, required, json::Kind::Integer, "a whole number"))
        dst = v->asInteger();
}

void Fields::integer(std::string_view key, int& dst, bool required) {
    const json::Value* v = get(key, required, json::Kind::Integer, "a whole number");
    if (!v) return;
    const std::int64_t n = v->asInteger();
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
        m_out.add(path(key), "out_of_range",
                  std::string(key) + " is " + std::to_string(n) + ", far too large");
        return;
    }
    dst = static_cast<int>(n);
}

void Fields::text(std::string_view key, std::string& dst, bool required) {
    if (const json::Value* v = get(key, required, json::Kind::String, "a string")) dst = v->asString();
}

void Fields::money(std::string_view key, std::int64_t& dst, bool required) {
    const json::Value* v =
        get(key, required, json::Kind::String, "an amount in yuan as a string such as \"2000.00\"");
    if (!v) return;
    auto m = Money::parse(v->asString());
    if (!m) {
        m_out.add(path(key), "invalid_amount", m.error());
        return;
    }
    dst = m.value().minor();
}

void Fields::date(std::string_view key, Date& dst, bool required) {
    const json::Value* v = get(key, required, json::Kind::String, "a date string \"YYYY-MM-DD\"");
    if (!v) return;
    const std::string& s = v->asString();
    auto d = isDateText(s) ? parseDate(s) : Expected<Date>(Invalid{"not in the form YYYY-MM-DD"});
    if (!d) {
        m_out.add(path(key), "invalid_date", "\"" + s + "\" is not a date YYYY-MM-DD: " + d.error());
        return;
    }
    dst = d.value();
}

void Fields::date(std::string_view key, std::optional<Date>& dst) {
    if (const json::Value* v = m_object.find(key); v && v->isNull()) {
        m_known.emplace_back(key);
        dst.reset();
        return;
    }
    Date d{};
    const std::size_t before = m_out.list.size();
    date(key, d, false);
    if (m_object.contains(key) && m_out.list.size() == before) dst = d;
}

void Fields::texts(std::string_view key, std::vector<std::string>& dst, bool required) {
    const json::Array* a = array(key, required);
    if (!a) return;
    dst.clear();
    for (std::size_t i = 0; i < a->size(); ++i) {
        const json::Value& e = (*a)[i];
        if (e.isString())
            dst.push_back(e.asString());
        else
            m_out.add(at(path(key), i), "wrong_type",
                      std::string(key) + " must hold strings, not " + std::string(json::kindName(e.kind())));
    }
}

const json::Object* Fields::object(std::string_view key, bool required) {
    const json::Value* v = get(key, required, json::Kind::Object, "an object");
    return v ? &v->asObject() : nullptr;
}

const json::Array* Fields::array(std::string_view key, bool required) {
    const json::Value* v = get(key, required, json::Kind::Array, "an array");
    return v ? &v->asArray() : nullptr;
}

void Fields::ignore(std::string_view key) {
    m_known.emplace_back(key);
}

const json::Object* elementObject(const json::Value& v, const std::string& path, Problems& out) {
    if (v.isObject()) return &v.asObject();
    out.add(path, "wrong_type",
            "each element must be an object, not " + std::string(json::kindName(v.kind())));
    return nullptr;
}

} // namespace md::loyalty::detail
