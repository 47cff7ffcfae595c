// Migration 003's C++ step: the ICU sort key and the card digits of every stored member.
// Members are read in id order in chunks (memory stays bounded at any size) and their keys streamed
// into a temporary table through the bulk path (COPY on PostgreSQL); one UPDATE ... FROM then writes
// them all, a single join instead of a million single-row updates (one round trip each on PostgreSQL).
#include "persistence/bulk_loader.h"
#include "persistence/member_search_keys.h"
#include "persistence/migrations_steps.h"

#include <soci/soci.h>

#include <string>
#include <vector>

namespace md::db {

namespace {
constexpr int kChunkRows = 50000;
}

void backfillMemberSearchKeys(Database& db) {
    TempTable keys(db, "md_migration_search_keys", "SELECT id, name_sort, card_digits FROM members");
    {
        BulkWriter out(db, keys.name(),
                       {{"id", ColumnType::Integer},
                        {"name_sort", ColumnType::Text},
                        {"card_digits", ColumnType::Text}});
        long long last = 0;
        int chunk = kChunkRows;
        for (;;) {
            std::vector<long long> ids(kChunkRows);
            std::vector<std::string> names(kChunkRows), cards(kChunkRows);
            db.sql() << "SELECT id, name, card_no FROM members WHERE id > :last ORDER BY id LIMIT :n",
                soci::use(last, "last"), soci::use(chunk, "n"), soci::into(ids), soci::into(names),
                soci::into(cards);
            for (std::size_t i = 0; i < ids.size(); ++i)
                out.integer(ids[i]).text(nameSortKey(names[i])).text(cardDigitsKey(cards[i])).endRow();
            if (ids.size() < static_cast<std::size_t>(kChunkRows)) break;
            last = ids.back();
        }
        out.flush();
    }
    keys.analyze();
    db.sql() << "UPDATE members SET name_sort = k.name_sort, card_digits = k.card_digits FROM " +
                    keys.name() + " k WHERE members.id = k.id";
    keys.drop();
}

} // namespace md::db
