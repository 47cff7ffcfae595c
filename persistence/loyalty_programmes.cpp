#include "persistence/loyalty_programmes.h"

#include "domain/errors.h"
#include "domain/loyalty/programme_json.h"
#include "persistence/loyalty_rows.h"
#include "persistence/member_mapping.h"

#include <soci/soci.h>

#include <algorithm>

namespace md::db {

void ProgrammeHistory::add(StoredProgramme p) {
    m_versions.push_back(std::move(p));
    std::sort(m_versions.begin(), m_versions.end(), [](const StoredProgramme& a, const StoredProgramme& b) {
        return a.effectiveFrom != b.effectiveFrom ? a.effectiveFrom < b.effectiveFrom : a.version < b.version;
    });
}

const StoredProgramme* ProgrammeHistory::on(Date day) const {
    const StoredProgramme* found = nullptr;
    for (const StoredProgramme& p : m_versions)
        if (p.effectiveFrom <= day) found = &p;
    return found;
}

loyalty::Programme parseStoredProgramme(const std::string& json, std::int64_t version, Date effectiveFrom) {
    auto parsed = loyalty::programmeFromJson(json);
    if (!parsed.programme)
        throw DatabaseError("Stored programme version " + std::to_string(version) + " cannot be read",
                            parsed.problems.empty()
                                ? std::string()
                                : parsed.problems.front().field + ": " + parsed.problems.front().message);
    loyalty::Programme p = *parsed.programme;
    p.version = version;
    p.effectiveFrom = effectiveFrom;
    return p;
}

ProgrammeHistory loadProgrammeHistory(Database& db) {
    ProgrammeHistory h;
    QueryArgs().forEachRow(db.sql(), "SELECT version, effective_from, definition FROM programme_versions",
                           [&](const soci::row& r) {
                               const std::int64_t v = rowInt(r, 0);
                               const Date from = rowDate(r, 1);
                               h.add({v, from, parseStoredProgramme(rowText(r, 2), v, from)});
                           });
    return h;
}

} // namespace md::db
