#include "app/programme.h"

#include "domain/loyalty/programme_json.h"
#include "domain/user_error.h"

namespace md::app {

using namespace loyalty;

namespace {

std::optional<Programme> parseVersion(LoyaltyRepository& repo, std::int64_t version) {
    const auto json = repo.programmeJson(version);
    if (!json) return std::nullopt;
    auto parsed = programmeFromJson(*json);
    if (!parsed.programme)
        throw UserError("programme.unreadable", {{"version", std::to_string(version)}},
                        "stored programme version " + std::to_string(version) + " cannot be read");
    Programme p = *parsed.programme;
    p.version = version;
    for (const auto& v : repo.programmeVersions())
        if (v.version == version) p.effectiveFrom = v.effectiveFrom;
    return p;
}

ProgrammeImport store(const RequestContext& ctx, DataStore& ds, Programme p) {
    ProgrammeImport out;
    out.problems = validateProgramme(p);
    if (!out.problems.empty()) return out;
    p.version = 0;
    const std::string json = programmeToJson(p);
    auto uow = ds.write();
    out.version = uow->loyalty().storeProgramme(json, p.effectiveFrom, ctx.actor.name, ctx.now());
    out.effectiveFrom = p.effectiveFrom;
    uow->audit(ctx.actor, "insert", "programme", std::to_string(out.version), std::nullopt, json);
    uow->commit();
    return out;
}

} // namespace

ProgrammeImport importProgramme(const RequestContext& ctx, DataStore& ds, const std::string& json,
                                std::optional<Date> effectiveFrom) {
    auto parsed = programmeFromJson(json);
    if (!parsed.programme) {
        ProgrammeImport out;
        out.problems = std::move(parsed.problems);
        return out;
    }
    Programme p = *parsed.programme;
    if (effectiveFrom) p.effectiveFrom = *effectiveFrom;
    if (p.effectiveFrom == Date{}) p.effectiveFrom = ctx.today();
    return store(ctx, ds, std::move(p));
}

ProgrammeImport saveProgramme(const RequestContext& ctx, DataStore& ds, const Programme& p) {
    return store(ctx, ds, p);
}

std::string exportProgramme(const RequestContext& ctx, DataStore& ds, std::optional<std::int64_t> version) {
    auto uow = ds.read();
    auto& repo = uow->loyalty();
    if (!version) version = repo.programmeVersionOn(ctx.today());
    if (!version) version = repo.latestProgrammeVersion();
    if (!version) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    auto p = parseVersion(repo, *version);
    if (!p)
        throw UserError("programme.no_version", {{"version", std::to_string(*version)}},
                        "there is no programme version " + std::to_string(*version));
    return programmeToJson(*p);
}

std::vector<ProgrammeVersionInfo> programmeVersions(const RequestContext&, DataStore& ds) {
    return ds.read()->loyalty().programmeVersions();
}

std::optional<Programme> currentProgramme(const RequestContext& ctx, DataStore& ds) {
    auto uow = ds.read();
    auto& repo = uow->loyalty();
    auto version = repo.programmeVersionOn(ctx.today());
    if (!version) version = repo.latestProgrammeVersion();
    if (!version) return std::nullopt;
    return parseVersion(repo, *version);
}

std::optional<Programme> programmeOn(const RequestContext&, DataStore& ds, Date day) {
    auto uow = ds.read();
    auto& repo = uow->loyalty();
    const auto version = repo.programmeVersionOn(day);
    if (!version) return std::nullopt;
    return parseVersion(repo, *version);
}

EngineReport runLoyaltyEngine(const RequestContext& ctx, DataStore& ds, const ProgressFn& progress) {
    return ds.processLoyalty(ctx.zone, ctx.actor, ctx.now(), progress);
}

} // namespace md::app
