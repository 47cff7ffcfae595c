#include "app/tiers.h"

#include "app/members.h"
#include "app/membership.h"
#include "app/programme.h"
#include "domain/user_error.h"

namespace md::app {

using namespace loyalty;

namespace {} // namespace

std::optional<TierProgress> tierProgress(const RequestContext& ctx, DataStore& store, std::int64_t memberId) {
    auto p = currentProgramme(ctx, store);
    if (!p || p->ladder.tiers.empty()) return std::nullopt;
    auto uow = store.read();
    const auto member = uow->members().findById(memberId);
    if (!member)
        throw UserError("member.unknown_card", {{"card", std::to_string(memberId)}}, "no such member");
    const Date today = ctx.today();
    TierRecord rec = uow->loyalty().tier(memberId, *p);
    applyMembershipFloor(*uow, *p, memberId, rec.state, today); // a paid plan's floor, while it lasts
    TierProgress out;
    out.programmeVersion = p->version;
    const auto rankOf = [&](int rank) -> std::optional<Tier> {
        for (const Tier& t : p->ladder.tiers)
            if (t.rank == rank) return t;
        return std::nullopt;
    };
    out.tier = rankOf(effectiveRank(rec.state, today));
    out.next = rankOf(rec.state.rank + 1);
    out.window = qualifyingWindow(p->ladder.window, today, member->joinDate);
    out.figures = uow->loyalty().figures(memberId, out.window.first, out.window.last);
    if (p->ladder.window != QualifyingWindow::Rolling12Months) {
        // The window runs a year from its start; its last day is the day before the next start.
        const auto ymd = std::chrono::year_month_day(out.window.first);
        out.by = Date(ymd.year() / ymd.month() / ymd.day() + std::chrono::years(1)) - std::chrono::days(1);
    }
    const auto gap = [](std::int64_t threshold, std::int64_t have) {
        return threshold > have ? threshold - have : 0;
    };
    if (out.next) {
        out.spendToNext = gap(out.next->entrySpendMinor, out.figures.spendMinor);
        out.pointsToNext = gap(out.next->entryPoints, out.figures.points);
    }
    if (const auto earned = rankOf(rec.state.rank)) {
        out.spendToKeep = gap(earned->retainSpendMinor, out.figures.spendMinor);
        out.pointsToKeep = gap(earned->retainPoints, out.figures.points);
    }
    if (rec.state.overrideUntil && *rec.state.overrideUntil >= today)
        out.overrideUntil = rec.state.overrideUntil;
    out.graceUntil = rec.state.graceUntil;
    return out;
}

std::vector<TierChange> tierHistory(const RequestContext&, DataStore& store, const std::string& card) {
    auto uow = store.read();
    return uow->loyalty().tierHistory(requireMemberByCard(*uow, card).id);
}

void setTier(const RequestContext& ctx, DataStore& store, const std::string& card, const std::string& tier,
             Date until, const std::string& reason) {
    const auto p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    if (!findTier(*p, tier)) {
        std::string known;
        for (const Tier& t : p->ladder.tiers)
            known += (known.empty() ? "" : ", ") + t.code;
        throw UserError("tier.unknown", {{"tier", tier}, {"known", known}},
                        "there is no tier " + tier + " (the tiers are " + known + ")");
    }
    if (until < ctx.today())
        throw UserError("tier.until_past", {{"until", formatDate(until)}},
                        "the override would end on " + formatDate(until) + ", which has passed");
    if (reason.empty()) throw UserError("tier.reason_required", {}, "a manual tier needs a reason");
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    const TierRecord before = uow->loyalty().tier(m.id, *p);
    uow->loyalty().saveOverride(m.id, tier, until, reason, ctx.now());
    // The history shows the override like any other change, with its reason and end date.
    TierChange c;
    c.memberId = m.id;
    c.fromTier = before.overrideCode.value_or(before.code);
    c.toTier = tier;
    c.reason = "manual_override";
    c.rule = "until " + formatDate(until);
    c.note = reason;
    c.actor = ctx.actor.name;
    c.changedOn = ctx.today();
    c.programmeVersion = p->version;
    uow->loyalty().recordTierChange(c, ctx.now());
    uow->audit(ctx.actor, "override", "tier", m.card.str(), std::nullopt,
               "{\"tier\":\"" + tier + "\",\"until\":\"" + formatDate(until) + "\"}");
    uow->commit();
}

ReviewReport reviewTiers(const RequestContext& ctx, DataStore& store, Date asOf, bool dryRun) {
    auto p = programmeOn(ctx, store, asOf);
    if (!p) p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    return store.reviewTiers(*p, asOf, dryRun, ctx.actor, ctx.now());
}

} // namespace md::app
