#include "app/totals.h"

namespace md::app {

std::int64_t processEvents(const RequestContext& ctx, DataStore& store) {
    return store.processTotals(ctx.now());
}

void rebuildTotals(const RequestContext& ctx, DataStore& store) {
    store.rebuildTotals(ctx.actor, ctx.now());
}

} // namespace md::app
