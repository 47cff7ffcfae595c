#pragma once
// An expected failure a person must read, as a code with parameters ("setting.unknown_key" {key}).
// domain/ and app/ never build the sentence: the edge (cli, gui) looks the code up in its own
// language (cli/messages.cpp, later the Chinese catalogue) and falls back to what() for unknown codes.
#include "errors.h"

#include <string>
#include <utility>
#include <vector>

namespace md {

class UserError : public MemberDeskError {
public:
    using Params = std::vector<std::pair<std::string, std::string>>;
    /// fallback: an English sentence for logs and for an edge that does not know the code.
    UserError(std::string code, Params params, const std::string& fallback)
        : MemberDeskError(fallback), m_code(std::move(code)), m_params(std::move(params)) {}
    const std::string& code() const { return m_code; }
    const Params& params() const { return m_params; }
    /// The value of one parameter, "" when absent.
    std::string param(const std::string& name) const {
        for (const auto& [k, v] : m_params)
            if (k == name) return v;
        return {};
    }

private:
    std::string m_code;
    Params m_params;
};

} // namespace md
