// importStores: code,name[,city]. A few hundred rows at most, so each valid line goes through the store
// repository (audited per store) inside the import's one transaction; bad lines go to the rejects file.
#include "domain/errors.h"
#include "persistence/csv_import.h"
#include "persistence/import_session.h"
#include "persistence/member_repository.h"
#include "persistence/native_sql.h"
#include "persistence/sql_errors.h"

#include <unordered_map>

namespace md::db {

ImportReport importStores(Database& db, const std::filesystem::path& file, const ImportOptions& opt) {
    return withSqlErrors(db, "The store import failed; nothing was changed", [&] {
        ImportSession session(file, opt.progress, "Importing stores", databaseFiles(db));
        session.requireColumns({"code", "name"});
        session.requireKnownColumns({"code", "name", "city"}, opt.ignoreColumns);
        const int codeCol = session.column("code"), nameCol = session.column("name"),
                  cityCol = session.column("city");
        const Actor who = opt.actor ? *opt.actor : db.actor();
        WriteTransaction tr(db);
        SociStoreRepository stores(db);
        std::unordered_map<std::string, std::size_t> seen;
        while (auto rec = session.next()) {
            if (auto problem = session.structuralProblem(*rec); !problem.empty()) {
                session.reject(*rec, problem);
                continue;
            }
            Store s;
            auto code = normaliseStoreCode(ImportSession::field(*rec, codeCol));
            if (!code) {
                session.reject(*rec, code.error());
                continue;
            }
            s.code = code.value();
            s.name = std::string(ImportSession::field(*rec, nameCol));
            s.city = std::string(ImportSession::field(*rec, cityCol));
            if (auto why = validateStore(s); !why.empty()) {
                session.reject(*rec, why);
                continue;
            }
            if (auto [it, fresh] = seen.emplace(s.code, rec->line); !fresh) {
                session.reject(*rec, "duplicate store " + s.code + " (already on line " +
                                         std::to_string(it->second) + ")");
                continue;
            }
            if (opt.mode == ImportMode::Insert && stores.findByCode(s.code)) {
                session.reject(*rec, "store " + s.code + " already exists (use --mode upsert to update it)");
                continue;
            }
            stores.upsert(s, who);
            ++session.report().imported;
        }
        session.flushRejects();
        return commitImport(db, tr, session, "stores", opt.mode, opt.actor);
    });
}

} // namespace md::db
