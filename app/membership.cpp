#include "app/membership.h"
#include "app/event_append.h"

#include "app/members.h"
#include "app/programme.h"
#include "domain/json.h"
#include "domain/membership/codes.h"
#include "domain/membership/membership_events.h"
#include "domain/money.h"
#include "domain/user_error.h"

namespace md::app {

using namespace loyalty;
using namespace membership;

namespace {

Programme requireProgramme(const RequestContext& ctx, DataStore& store) {
    auto p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    return *p;
}

const Plan& requirePlan(const Programme& p, const std::string& code) {
    if (const Plan* plan = findPlan(p, code)) return *plan;
    std::string known;
    for (const Plan& x : p.plans)
        known += (known.empty() ? "" : ", ") + x.code;
    throw UserError("membership.unknown_plan", {{"plan", code}, {"known", known.empty() ? "-" : known}},
                    "there is no paid plan " + code + " (plans: " + (known.empty() ? "none" : known) + ")");
}

std::string termJson(const Term& t, const std::string& card) {
    json::Object o;
    o.set("card", card);
    o.set("plan", t.planCode);
    o.set("kind", t.kind);
    o.set("starts_on", formatDate(t.startsOn));
    o.set("ends_on", formatDate(t.endsOn));
    o.set("fee", Money(t.feeMinor).toDecimalString());
    o.set("fee_minor", t.feeMinor);
    if (t.cancelledOn) o.set("cancelled_on", formatDate(*t.cancelledOn));
    if (!t.cancelReason.empty()) o.set("cancel_reason", t.cancelReason);
    return json::write(o, false);
}

// Writes one paid term (buy or renew) with its audit entry and event, unless the request was seen.
MembershipChange addTerm(const RequestContext& ctx, UnitOfWork& uow, const Member& m, const Programme& p,
                         const Plan& plan, const std::string& kind, Date start, const std::string& key) {
    Term t;
    t.memberId = m.id;
    t.planCode = plan.code;
    t.kind = kind;
    t.startsOn = start;
    t.endsOn = termEnd(plan, start);
    t.feeMinor = plan.feeMinor;
    t.currency = p.currency;
    t.requestKey = key;
    t.programmeVersion = p.version;
    t.actor = ctx.actor.name;
    t.recordedAt = ctx.now();
    t.id = uow.membership().addTerm(t, ctx.now());
    const std::string payload = termJson(t, m.card.str());
    uow.audit(ctx.actor, kind, "membership", std::to_string(t.id), std::nullopt, payload);
    appendEvent(ctx, uow, kind == "buy" ? event::kMembershipBought : event::kMembershipRenewed, m.id, t.id,
                payload);
    return {t, false};
}

} // namespace

std::string randomRequestId() {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (const std::uint8_t b : secureRandomBytes(16)) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
    }
    return out;
}

std::vector<Plan> membershipPlans(const RequestContext& ctx, DataStore& store) {
    const auto p = currentProgramme(ctx, store);
    return p ? p->plans : std::vector<Plan>{};
}

MembershipChange buyMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                               const std::string& planCode, std::string requestId) {
    const Programme p = requireProgramme(ctx, store);
    const Plan& plan = requirePlan(p, planCode);
    if (requestId.empty()) requestId = randomRequestId();
    const std::string key = "membership:" + requestId;
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    if (auto earlier = uow->membership().termByKey(key)) {
        uow->commit();
        return {*earlier, true};
    }
    const Standing s = standingOn(uow->membership().terms(m.id), ctx.today());
    if (s.status == Status::Active || s.status == Status::Scheduled)
        throw UserError("membership.already_active",
                        {{"card", card}, {"until", formatDate(s.paidThrough.value_or(ctx.today()))}},
                        "member " + card + " already has a paid membership until " +
                            formatDate(s.paidThrough.value_or(ctx.today())) + "; renew it instead");
    MembershipChange out = addTerm(ctx, *uow, m, p, plan, "buy", ctx.today(), key);
    uow->commit();
    return out;
}

MembershipChange renewMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                                 std::string requestId) {
    const Programme p = requireProgramme(ctx, store);
    if (requestId.empty()) requestId = randomRequestId();
    const std::string key = "membership:" + requestId;
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    if (auto earlier = uow->membership().termByKey(key)) {
        uow->commit();
        return {*earlier, true};
    }
    const Standing s = standingOn(uow->membership().terms(m.id), ctx.today());
    if (!s.current)
        throw UserError("membership.none", {{"card", card}},
                        "member " + card + " has no paid membership to renew; buy one");
    const Plan& plan = requirePlan(p, s.current->planCode);
    MembershipChange out = addTerm(ctx, *uow, m, p, plan, "renew", renewalStart(s, ctx.today()), key);
    uow->commit();
    return out;
}

int cancelMembership(const RequestContext& ctx, DataStore& store, const std::string& card,
                     const std::string& reason, std::optional<Date> lastDay) {
    if (reason.find_first_not_of(" \t") == std::string::npos)
        throw UserError("membership.reason_required", {}, "a cancellation needs a reason");
    const Date day = lastDay.value_or(ctx.today());
    if (day < ctx.today())
        throw UserError("membership.last_day_past", {{"day", formatDate(day)}},
                        "the grants cannot end on " + formatDate(day) + ", which has passed");
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    const std::vector<Term> before = uow->membership().terms(m.id);
    const Standing s = standingOn(before, ctx.today());
    if (s.status != Status::Active && s.status != Status::Scheduled)
        throw UserError("membership.not_active", {{"card", card}},
                        "member " + card + " has no active paid membership");
    const int changed = uow->membership().cancelTerms(m.id, day, reason);
    if (changed == 0) {
        // Already cut short to this day or earlier (a retried cancel): nothing to audit again.
        uow->commit();
        return 0;
    }
    json::Object o;
    o.set("card", card);
    o.set("last_day", formatDate(day));
    o.set("reason", reason);
    o.set("terms", changed);
    const std::string payload = json::write(o, false);
    uow->audit(ctx.actor, "cancel", "membership", m.card.str(), termJson(*s.current, card), payload);
    appendEvent(ctx, *uow, event::kMembershipCancelled, m.id, s.current->id, payload);
    uow->commit();
    return changed;
}

MembershipStatus membershipStatusOf(const RequestContext& ctx, UnitOfWork& uow, const Member& m,
                                    const std::optional<Programme>& p) {
    MembershipStatus out;
    out.member = m;
    out.terms = uow.membership().terms(m.id);
    out.standing = standingOn(out.terms, ctx.today());
    if (p && out.standing.current)
        if (const Plan* plan = findPlan(*p, out.standing.current->planCode)) out.plan = *plan;
    return out;
}

MembershipStatus membershipStatus(const RequestContext& ctx, DataStore& store, const std::string& card) {
    const auto p = currentProgramme(ctx, store);
    auto uow = store.read();
    return membershipStatusOf(ctx, *uow, requireMemberByCard(*uow, card), p);
}

MembershipCard membershipCard(const RequestContext& ctx, DataStore& store, const Member& m,
                              int voucherLimit) {
    const auto p = currentProgramme(ctx, store);
    auto uow = store.read();
    MembershipCard out;
    out.status = membershipStatusOf(ctx, *uow, m, p);
    out.referralCode = uow->membership().referralCode(m.id);
    if (const auto referrer = uow->membership().referrerOf(m.id))
        if (const auto r = uow->members().findById(*referrer)) out.referredBy = r->card.str();
    out.vouchers = uow->membership().vouchersOf(m.id, voucherLimit);
    return out;
}

std::vector<RenewalDue> renewalsDue(const RequestContext& ctx, DataStore& store, int days, int limit) {
    if (days < 0) throw UserError("membership.days_negative", {{"days", std::to_string(days)}}, "days < 0");
    const Date today = ctx.today();
    return store.read()->membership().endingBetween(today, today + std::chrono::days(days), limit);
}

void applyMembershipFloor(UnitOfWork& uow, const Programme& p, std::int64_t memberId, TierState& state,
                          Date day) {
    const std::vector<Term> terms = uow.membership().terms(memberId);
    for (const Term& t : terms) {
        if (!t.covers(day)) continue;
        const Plan* plan = findPlan(p, t.planCode);
        if (!plan) continue;
        if (const auto rank = floorRank(*plan, p)) {
            state.floorRank = *rank;
            state.floorFrom = t.startsOn;
            state.floorUntil = standingOn(terms, day).paidThrough.value_or(t.lastDay());
        }
    }
}

} // namespace md::app
