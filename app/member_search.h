#pragma once
// The search box of the desktop app: the first matches and how many there are in all, so the list can
// say "37 of 1,000,000 members match (showing the first 1,000)".
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <cstdint>
#include <string>
#include <vector>

namespace md::app {

struct MemberMatches {
    std::vector<MemberRow> rows; ///< at most `limit`, best matches first
    std::int64_t total = 0;      ///< all matches (counted only when there are more than `limit`)
};

/// As findMembers, with the number of all matches. Throws UserError "query.too_short".
MemberMatches findMembersCounted(const RequestContext& ctx, DataStore& store, const std::string& text,
                                 int limit);

} // namespace md::app
