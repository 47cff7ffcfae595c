#pragma once
// Internal: the C++ steps of migrations, one function per version that has one (see migrations.h).
#include "persistence/database.h"

namespace md::db {

/// 003: fills members.name_sort and members.card_digits for the members already stored.
void backfillMemberSearchKeys(Database& db);

} // namespace md::db
