#pragma once
// Shared by the two halves of validateProgramme (programme_validation*.cpp); not for other callers.
#include "domain/csv.h"
#include "domain/loyalty/programme.h"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace md::loyalty::detail {

inline constexpr std::size_t kMaxCodeLength = 32;

/// Collects problems; codes are prefixed with "programme.".
struct Problems {
    std::vector<ProgrammeProblem> list;
    void add(std::string field, std::string code, std::string message);
    /// out_of_range unless lo <= value <= hi; `what` starts the sentence ("the grace period in days").
    void range(const std::string& field, std::int64_t value, std::int64_t lo, std::int64_t hi,
               const std::string& what);
    void notNegative(const std::string& field, std::int64_t value, const std::string& what);
    /// required when empty (and `required`); text_invalid for invalid UTF-8 or control characters
    /// (a line break is allowed when `multiline`).
    void text(const std::string& field, const std::string& value, bool required, const std::string& what,
              bool multiline = false);
    /// code_invalid unless [A-Z0-9_]{1,32}; code_duplicate when `seen` already holds it.
    void code(const std::string& field, const std::string& value, std::set<std::string>& seen,
              const std::string& what);
};

std::string yuan(std::int64_t minor);                   ///< "¥8,000.00", for messages
std::string at(const std::string& list, std::size_t i); ///< "rules[3]"

void checkBenefits(Problems& out, const Programme& p);
void checkRules(Problems& out, const Programme& p);
void checkPlans(Problems& out, const Programme& p); ///< programme_validation_plans.cpp

} // namespace md::loyalty::detail
