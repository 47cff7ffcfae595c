#pragma once
// Use cases on stores: a fresh database needs at least one before it can take a transaction.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <vector>

namespace md::app {

/// Adds a store, or with `update` changes the name and city of an existing one. The code is
/// normalised (trimmed, upper case). Throws UserError "store.invalid" {reason}, "store.exists" {code},
/// "store.not_found" {code}.
Store saveStore(const RequestContext& ctx, DataStore& store, Store s, bool update = false);
std::vector<Store> listStores(const RequestContext& ctx, DataStore& store);

} // namespace md::app
