#pragma once
// Internal: every stored programme version, parsed once, for code that rates many orders across dates.
#include "domain/loyalty/programme.h"
#include "persistence/database.h"

#include <vector>

namespace md::db {

struct StoredProgramme {
    std::int64_t version = 0;
    Date effectiveFrom{};
    loyalty::Programme programme;
};

class ProgrammeHistory {
public:
    void add(StoredProgramme p);
    bool empty() const { return m_versions.empty(); }
    /// The version in force on `day`: the newest among those effective by then; null before the first.
    const StoredProgramme* on(Date day) const;

private:
    std::vector<StoredProgramme> m_versions; ///< by (effectiveFrom, version)
};

/// Reads and parses every stored version. Throws DatabaseError naming a version that no longer parses.
ProgrammeHistory loadProgrammeHistory(Database& db);

/// Parses a stored definition (the JSON as imported); throws DatabaseError when it does not parse.
loyalty::Programme parseStoredProgramme(const std::string& json, std::int64_t version, Date effectiveFrom);

} // namespace md::db
