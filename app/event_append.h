#pragma once
// One event of a use case, stamped with the request's actor and clock, in the caller's unit of work.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <cstdint>
#include <optional>
#include <string>

namespace md::app {

void appendEvent(const RequestContext& ctx, UnitOfWork& uow, const char* type,
                 std::optional<std::int64_t> member, std::optional<std::int64_t> entity, std::string payload);

} // namespace md::app
