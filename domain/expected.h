#pragma once
// A value or a reason it could not be made. Expected outcomes (a bad phone number, a malformed
// CSV field) are values the caller must look at; infrastructure failures throw instead.
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace md {

struct Invalid {
    std::string reason; ///< a sentence a person understands, e.g. "phone number has 9 digits; expected 11"
};

template <class T> class Expected {
public:
    Expected(T value) : m_v(std::move(value)) {}
    Expected(Invalid err) : m_v(std::move(err)) {}
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    /// Throws std::logic_error when there is no value: callers check ok() first.
    const T& value() const& {
        if (!ok()) throw std::logic_error("Expected::value() on error: " + error());
        return std::get<0>(m_v);
    }
    T&& value() && {
        if (!ok()) throw std::logic_error("Expected::value() on error: " + error());
        return std::get<0>(std::move(m_v));
    }
    const std::string& error() const { return std::get<1>(m_v).reason; }

private:
    std::variant<T, Invalid> m_v;
};

} // namespace md
