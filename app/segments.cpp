#include "app/segments.h"

#include "app/event_append.h"
#include "app/programme.h"
#include "domain/csv.h"
#include "domain/json.h"
#include "domain/safe_output.h"
#include "domain/user_error.h"

namespace md::app {

using namespace segments;

namespace {

inline constexpr const char* kSegmentCreated = "segment_created";
inline constexpr const char* kSegmentFrozen = "segment_frozen";
constexpr int kExportPage = 10000;
constexpr std::size_t kMaxNameBytes = 200;

[[noreturn]] void invalidRule(const std::string& reason) {
    throw UserError("segment.invalid_rule", {{"reason", reason}}, "invalid segment rule: " + reason);
}

// What "today" and the base tier are for this request.
SegmentQuery queryFor(const RequestContext& ctx, const std::optional<loyalty::Programme>& p) {
    SegmentQuery q;
    q.today = ctx.today();
    q.zone = ctx.zone;
    if (p && !p->ladder.tiers.empty()) q.baseTier = p->ladder.tiers.front().code;
    return q;
}

void checkTiers(const Node& rule, const std::optional<loyalty::Programme>& p) {
    if (!p) return; // no programme yet: every member is untiered, any code simply matches nobody
    std::string known;
    for (const auto& t : p->ladder.tiers)
        known += (known.empty() ? "" : ", ") + t.code;
    for (const Condition* c : conditions(rule)) {
        if (c->spec->name != "tier") continue;
        for (const std::string& code : c->texts) {
            bool found = false;
            for (const auto& t : p->ladder.tiers)
                found = found || t.code == code;
            if (!found)
                invalidRule("tier " + json::quote(code) + " is not a tier of the programme (tiers: " + known +
                            ")");
        }
    }
}

Node parsed(const std::string& ruleJson, const std::optional<loyalty::Programme>& p) {
    auto rule = parseRule(ruleJson);
    if (!rule) invalidRule(rule.error());
    checkTiers(rule.value(), p);
    return std::move(rule).value();
}

void checkName(const std::string& name) {
    std::string reason;
    if (name.empty() || name.find_first_not_of(" \t") == std::string::npos)
        reason = "a segment needs a name";
    else if (name.size() > kMaxNameBytes)
        reason = "the name is longer than " + std::to_string(kMaxNameBytes) + " bytes";
    for (unsigned char ch : name)
        if (ch < 0x20 || ch == 0x7f) reason = "the name contains a control character";
    if (!reason.empty())
        throw UserError("segment.invalid_name", {{"name", name}, {"reason", reason}}, reason);
}

Segment requireSegment(UnitOfWork& uow, const std::string& name) {
    if (auto s = uow.segments().find(name)) return *s;
    throw UserError("segment.unknown", {{"name", name}}, "there is no segment named " + name);
}

// The segment as it is evaluated now: its snapshot once frozen, else its stored rule.
struct Evaluation {
    Node rule;
    SegmentQuery query;
};

Evaluation evaluationOf(const RequestContext& ctx, DataStore& store, const Segment& s) {
    const auto p = currentProgramme(ctx, store);
    auto rule = parseRule(s.rule);
    if (!rule) invalidRule("stored segment " + s.name + ": " + rule.error());
    Evaluation e{std::move(rule).value(), queryFor(ctx, p)};
    if (s.frozenAt) e.query.snapshotOf = s.id;
    return e;
}

std::string segmentJson(const Segment& s) {
    json::Object o;
    o.set("name", s.name);
    o.set("rule", json::parse(s.rule).value());
    return json::write(o);
}

} // namespace

Node checkSegmentRule(const RequestContext& ctx, DataStore& store, const std::string& ruleJson) {
    return parsed(ruleJson, currentProgramme(ctx, store));
}

Segment createSegment(const RequestContext& ctx, DataStore& store, const std::string& name,
                      const std::string& ruleJson) {
    checkName(name);
    const Node rule = checkSegmentRule(ctx, store, ruleJson);
    Segment s;
    s.name = name;
    s.rule = writeRule(rule); // the canonical form: keys in one order, no stray whitespace
    s.createdAt = s.updatedAt = ctx.now();
    s.createdBy = s.updatedBy = ctx.actor.name;
    auto uow = store.write();
    if (uow->segments().find(name))
        throw UserError("segment.exists", {{"name", name}}, "a segment named " + name + " already exists");
    s.id = uow->segments().insert(s);
    const std::string payload = segmentJson(s);
    uow->audit(ctx.actor, "create", "segment", name, std::nullopt, payload);
    appendEvent(ctx, *uow, kSegmentCreated, std::nullopt, s.id, payload);
    uow->commit();
    return s;
}

std::vector<Segment> listSegments(const RequestContext&, DataStore& store) {
    return store.read()->segments().list();
}

Segment findSegment(const RequestContext&, DataStore& store, const std::string& name) {
    return requireSegment(*store.read(), name);
}

std::int64_t countSegment(const RequestContext& ctx, DataStore& store, const std::string& name) {
    const Evaluation e = evaluationOf(ctx, store, findSegment(ctx, store, name));
    SegmentQuery q = e.query;
    q.rule = &e.rule;
    return store.read()->segments().count(q);
}

std::int64_t countRule(const RequestContext& ctx, DataStore& store, const std::string& ruleJson) {
    const auto p = currentProgramme(ctx, store);
    const Node rule = parsed(ruleJson, p);
    SegmentQuery q = queryFor(ctx, p);
    q.rule = &rule;
    return store.read()->segments().count(q);
}

std::vector<SegmentMember> previewSegment(const RequestContext& ctx, DataStore& store,
                                          const std::string& name, int limit) {
    const Evaluation e = evaluationOf(ctx, store, findSegment(ctx, store, name));
    SegmentQuery q = e.query;
    q.rule = &e.rule;
    return store.read()->segments().members(q, 0, limit);
}

std::vector<SegmentMember> previewRule(const RequestContext& ctx, DataStore& store,
                                       const std::string& ruleJson, int limit) {
    const auto p = currentProgramme(ctx, store);
    const Node rule = parsed(ruleJson, p);
    SegmentQuery q = queryFor(ctx, p);
    q.rule = &rule;
    return store.read()->segments().members(q, 0, limit);
}

std::uint64_t exportSegment(const RequestContext& ctx, DataStore& store, const std::string& name,
                            const std::filesystem::path& target,
                            const std::vector<std::filesystem::path>& protectedPaths) {
    const Evaluation e = evaluationOf(ctx, store, findSegment(ctx, store, name));
    SegmentQuery q = e.query;
    q.rule = &e.rule;
    SafeOutputFile file(target, protectedPaths);
    writeCsvRecord(file.stream(), {"card_no", "name", "phone", "email", "tier", "points"});
    auto uow = store.read();
    std::uint64_t written = 0;
    for (std::int64_t after = 0;;) {
        const auto page = uow->segments().members(q, after, kExportPage);
        for (const SegmentMember& m : page)
            writeCsvRecord(file.stream(),
                           {m.cardNo, m.name, m.phone, m.email, m.tier, std::to_string(m.points)});
        written += page.size();
        if (page.size() < static_cast<std::size_t>(kExportPage)) break;
        after = page.back().id;
    }
    file.commit();
    return written;
}

std::int64_t freezeSegment(const RequestContext& ctx, DataStore& store, const std::string& name) {
    const Segment s = findSegment(ctx, store, name);
    Evaluation e = evaluationOf(ctx, store, s);
    SegmentQuery q = e.query;
    q.snapshotOf.reset(); // a new snapshot comes from the rule, not from the old snapshot
    q.rule = &e.rule;
    auto uow = store.write();
    const std::int64_t n = uow->segments().freeze(s.id, q, ctx.now(), ctx.actor.name);
    json::Object o;
    o.set("name", s.name);
    o.set("frozen_at", formatTimestamp(ctx.now()));
    o.set("members", n);
    const std::string payload = json::write(o);
    uow->audit(ctx.actor, "freeze", "segment", s.name, std::nullopt, payload);
    appendEvent(ctx, *uow, kSegmentFrozen, std::nullopt, s.id, payload);
    uow->commit();
    return n;
}

} // namespace md::app
