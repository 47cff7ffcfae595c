#include "app/event_append.h"

namespace md::app {

void appendEvent(const RequestContext& ctx, UnitOfWork& uow, const char* type,
                 std::optional<std::int64_t> member, std::optional<std::int64_t> entity,
                 std::string payload) {
    Event e;
    e.type = type;
    e.memberId = member;
    e.entityId = entity;
    e.occurredAt = ctx.now();
    e.recordedAt = ctx.now();
    e.actor = ctx.actor.name;
    e.payload = std::move(payload);
    uow.events().append(std::move(e));
}

} // namespace md::app
