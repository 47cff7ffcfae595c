#pragma once
// The member totals consumer as use cases: catch up with the events, or rebuild from scratch.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

namespace md::app {

/// Processes the events the member totals consumer has not seen; returns how many.
std::int64_t processEvents(const RequestContext& ctx, DataStore& store);
/// Recomputes every member's totals from the transactions (memberdesk-cli rebuild totals).
void rebuildTotals(const RequestContext& ctx, DataStore& store);

} // namespace md::app
