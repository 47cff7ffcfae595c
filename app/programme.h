#pragma once
// Use cases on the loyalty programme definition: store a new version from JSON (validated first: a bad
// file stores nothing), export a version, list versions, read the version in force.
#include "app/request_context.h"
#include "domain/loyalty/programme.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <string>
#include <vector>

namespace md::app {

struct ProgrammeImport {
    std::vector<loyalty::ProgrammeProblem> problems; ///< non-empty: nothing was stored
    std::int64_t version = 0;
    Date effectiveFrom{};
};

/// Validates `json` and stores it as the next version, effective from `effectiveFrom` (default: the
/// file's effective_from, else today). Audited; the engine rates orders from that day with it.
ProgrammeImport importProgramme(const RequestContext& ctx, DataStore& store, const std::string& json,
                                std::optional<Date> effectiveFrom = std::nullopt);
/// Validates and stores a programme built in the app (the Programme pane).
ProgrammeImport saveProgramme(const RequestContext& ctx, DataStore& store, const loyalty::Programme& p);

/// The JSON of a version (default: the one in force today, else the newest). Throws UserError
/// "programme.none" when nothing is stored, "programme.no_version" {version}.
std::string exportProgramme(const RequestContext& ctx, DataStore& store,
                            std::optional<std::int64_t> version = {});

std::vector<loyalty::ProgrammeVersionInfo> programmeVersions(const RequestContext& ctx, DataStore& store);

/// The version in force today (else the newest stored), parsed; nullopt when none is stored.
std::optional<loyalty::Programme> currentProgramme(const RequestContext& ctx, DataStore& store);

/// The version in force on `day`; nullopt before the first version's effective date.
std::optional<loyalty::Programme> programmeOn(const RequestContext& ctx, DataStore& store, Date day);

/// Runs the loyalty engine over new purchases, refunds and corrections.
loyalty::EngineReport runLoyaltyEngine(const RequestContext& ctx, DataStore& store,
                                       const ProgressFn& progress = {});

} // namespace md::app
