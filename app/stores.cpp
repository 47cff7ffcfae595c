#include "app/stores.h"

#include "domain/user_error.h"

namespace md::app {

Store saveStore(const RequestContext& ctx, DataStore& store, Store s, bool update) {
    if (auto code = normaliseStoreCode(s.code); code) s.code = code.value();
    if (auto why = validateStore(s); !why.empty())
        throw UserError("store.invalid", {{"code", s.code}, {"reason", why}}, why);
    auto uow = store.write();
    const auto existing = uow->stores().findByCode(s.code);
    if (existing && !update)
        throw UserError("store.exists", {{"code", s.code}}, "store " + s.code + " already exists");
    if (!existing && update)
        throw UserError("store.not_found", {{"code", s.code}}, "there is no store " + s.code);
    uow->stores().upsert(s, ctx.actor);
    Event e;
    e.type = event::kStoreChanged;
    e.entityId = s.id;
    e.occurredAt = e.recordedAt = ctx.now();
    e.actor = ctx.actor.name;
    e.payload = "{\"code\":\"" + s.code + "\"}"; // codes are [A-Z0-9_-]: nothing to escape
    uow->events().append(e);
    uow->commit();
    return s;
}

std::vector<Store> listStores(const RequestContext&, DataStore& store) {
    return store.read()->stores().all();
}

} // namespace md::app
