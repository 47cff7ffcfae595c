#include "domain/json.h"

#include <stdexcept>

namespace md::json {

const Value* Object::find(std::string_view key) const {
    for (const Member& m : m_members)
        if (m.key == key) return &m.value;
    return nullptr;
}

Value* Object::find(std::string_view key) {
    for (Member& m : m_members)
        if (m.key == key) return &m.value;
    return nullptr;
}

void Object::set(std::string key, Value value) {
    if (Value* existing = find(key)) {
        *existing = std::move(value);
        return;
    }
    m_members.push_back({std::move(key), std::move(value)});
}

bool Object::erase(std::string_view key) {
    for (auto it = m_members.begin(); it != m_members.end(); ++it) {
        if (it->key == key) {
            m_members.erase(it);
            return true;
        }
    }
    return false;
}

std::size_t Object::size() const {
    return m_members.size();
}
bool Object::empty() const {
    return m_members.empty();
}
std::vector<Member>::const_iterator Object::begin() const {
    return m_members.begin();
}
std::vector<Member>::const_iterator Object::end() const {
    return m_members.end();
}

bool operator==(const Object& a, const Object& b) {
    return a.members() == b.members();
}

std::string_view kindName(Kind k) {
    switch (k) {
    case Kind::Null:
        return "null";
    case Kind::Bool:
        return "a boolean";
    case Kind::Integer:
        return "a number";
    case Kind::String:
        return "a string";
    case Kind::Array:
        return "an array";
    case Kind::Object:
        return "an object";
    }
    return "?";
}

namespace {
[[noreturn]] void wrongKind(Kind wanted, Kind actual) {
    throw std::logic_error("JSON value is " + std::string(kindName(actual)) + ", not " +
                           std::string(kindName(wanted)));
}
} // namespace

Value::Value(const Value&) = default;
Value::Value(Value&&) noexcept = default;
Value& Value::operator=(const Value&) = default;
Value& Value::operator=(Value&&) noexcept = default;
Value::~Value() = default;

bool Value::asBool() const {
    if (!isBool()) wrongKind(Kind::Bool, kind());
    return std::get<bool>(m_v);
}
std::int64_t Value::asInteger() const {
    if (!isInteger()) wrongKind(Kind::Integer, kind());
    return std::get<std::int64_t>(m_v);
}
const std::string& Value::asString() const {
    if (!isString()) wrongKind(Kind::String, kind());
    return std::get<std::string>(m_v);
}
const Array& Value::asArray() const {
    if (!isArray()) wrongKind(Kind::Array, kind());
    return std::get<Array>(m_v);
}
Array& Value::asArray() {
    if (!isArray()) wrongKind(Kind::Array, kind());
    return std::get<Array>(m_v);
}
const Object& Value::asObject() const {
    if (!isObject()) wrongKind(Kind::Object, kind());
    return std::get<Object>(m_v);
}
Object& Value::asObject() {
    if (!isObject()) wrongKind(Kind::Object, kind());
    return std::get<Object>(m_v);
}

std::string SyntaxError::describe() const {
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason;
}

const Value& Parsed::value() const& {
    if (!ok()) throw std::logic_error("json::Parsed::value() on error: " + error().describe());
    return std::get<Value>(m_v);
}
Value&& Parsed::value() && {
    if (!ok()) throw std::logic_error("json::Parsed::value() on error: " + error().describe());
    return std::get<Value>(std::move(m_v));
}
const SyntaxError& Parsed::error() const {
    if (ok()) throw std::logic_error("json::Parsed::error() on success");
    return std::get<SyntaxError>(m_v);
}

} // namespace md::json
