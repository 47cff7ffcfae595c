#include "app/points.h"

#include "app/members.h"
#include "app/membership.h"
#include "app/programme.h"
#include "domain/loyalty/expiry.h"
#include "domain/user_error.h"

#include <random>

namespace md::app {

using namespace loyalty;

namespace {

Programme requireProgramme(const RequestContext& ctx, DataStore& store) {
    auto p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    return *p;
}

// A request id nobody else will send: retries pass their own id to be safe against double posting.
std::string newRequestId() {
    std::random_device rd;
    const auto a = (static_cast<std::uint64_t>(rd()) << 32) | rd();
    const auto b = (static_cast<std::uint64_t>(rd()) << 32) | rd();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(a),
                  static_cast<unsigned long long>(b));
    return buf;
}

[[noreturn]] void throwShort(std::int64_t spendable, std::int64_t requested) {
    throw UserError(
        "points.short", {{"spendable", std::to_string(spendable)}, {"requested", std::to_string(requested)}},
        "only " + std::to_string(spendable) + " points can be spent, not " + std::to_string(requested));
}

AdjustResult postManual(const RequestContext& ctx, UnitOfWork& uow, const Programme& p, std::int64_t memberId,
                        EntryKind kind, std::int64_t points, const std::string& key,
                        const std::string& reason, const std::string& note) {
    Posting post;
    post.memberId = memberId;
    post.kind = kind;
    post.points = points;
    post.key = key;
    post.occurredAt = ctx.now();
    post.localDate = ctx.today();
    post.programmeVersion = p.version;
    post.reason = reason;
    post.note = note;
    if (points > 0) {
        post.availableOn = post.localDate; // a person's credit is spendable at once
        post.expiresOn = lotExpiry(p.expiry, post.localDate);
    }
    const PostResult r = uow.loyalty().post(post, ctx.actor.name, ctx.now());
    if (r.status == PostStatus::Short) throwShort(r.spendable, -points);
    AdjustResult out;
    out.outcome = r.status == PostStatus::Duplicate ? AdjustOutcome::Duplicate : AdjustOutcome::Posted;
    out.entryId = r.entryId;
    out.spendable = r.spendable;
    return out;
}

} // namespace

MemberPoints pointsBalance(const RequestContext& ctx, DataStore& store, const std::string& card) {
    const auto programme = currentProgramme(ctx, store);
    auto uow = store.read();
    MemberPoints out;
    out.member = requireMemberByCard(*uow, card);
    const int soon = programme ? programme->expiry.expiringSoonDays : 30;
    out.balance = uow->loyalty().balance(out.member.id, ctx.today(), soon);
    if (programme) {
        TierRecord rec = uow->loyalty().tier(out.member.id, *programme);
        applyMembershipFloor(*uow, *programme, out.member.id, rec.state, ctx.today()); // paid plan
        const int rank = effectiveRank(rec.state, ctx.today());
        for (const Tier& t : programme->ladder.tiers)
            if (t.rank == rank) out.tier = t.code;
    }
    return out;
}

std::vector<LedgerEntry> pointsLedger(const RequestContext&, DataStore& store, std::int64_t memberId,
                                      std::int64_t beforeId, int limit) {
    return store.read()->loyalty().entries(memberId, beforeId, limit);
}

AdjustResult adjustPoints(const RequestContext& ctx, DataStore& store, const std::string& card,
                          std::int64_t points, const std::string& reason, const std::string& note,
                          std::string requestId) {
    if (points == 0) throw UserError("points.zero", {}, "an adjustment of 0 points changes nothing");
    if (reason.empty()) throw UserError("points.reason_required", {}, "an adjustment needs a reason code");
    const Programme p = requireProgramme(ctx, store);
    if (requestId.empty()) requestId = newRequestId();
    const std::string key = "adjust:" + requestId;
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    AdjustResult out;
    if (std::abs(points) > p.approvalThreshold) {
        // Maker-checker: a large adjustment waits for a second person.
        Approval a;
        a.memberId = m.id;
        a.points = points;
        a.reason = reason;
        a.note = note;
        a.requestKey = key;
        a.requestedBy = ctx.actor.name;
        a.requestedAt = ctx.now();
        out.outcome = AdjustOutcome::AwaitingApproval;
        out.approvalId = uow->loyalty().requestApproval(a);
        uow->audit(ctx.actor, "request", "points_approval", std::to_string(out.approvalId), std::nullopt,
                   "{\"card\":\"" + m.card.str() + "\",\"points\":" + std::to_string(points) + "}");
    } else {
        out = postManual(ctx, *uow, p, m.id, EntryKind::Adjust, points, key, reason, note);
    }
    uow->commit();
    return out;
}

AdjustResult approveAdjustment(const RequestContext& ctx, DataStore& store, std::int64_t approvalId) {
    const Programme p = requireProgramme(ctx, store);
    auto uow = store.write();
    auto a = uow->loyalty().approval(approvalId);
    const std::string id = std::to_string(approvalId);
    if (!a) throw UserError("approval.unknown", {{"id", id}}, "there is no approval request " + id);
    if (a->status != "pending")
        throw UserError("approval.decided", {{"id", id}, {"status", a->status}},
                        "approval request " + id + " is already " + a->status);
    if (a->requestedBy == ctx.actor.name)
        throw UserError("approval.own_request", {{"id", id}},
                        "approval request " + id + " was made by you; a second person must approve it");
    AdjustResult out =
        postManual(ctx, *uow, p, a->memberId, EntryKind::Adjust, a->points, a->requestKey, a->reason,
                   a->note + (a->note.empty() ? "" : "; ") + "requested by " + a->requestedBy);
    uow->loyalty().decideApproval(approvalId, "approved", ctx.actor.name, out.entryId, ctx.now());
    uow->audit(ctx.actor, "approve", "points_approval", id, std::nullopt,
               "{\"entry\":" + std::to_string(out.entryId) + "}");
    uow->commit();
    return out;
}

std::vector<Approval> pendingApprovals(const RequestContext&, DataStore& store) {
    return store.read()->loyalty().pendingApprovals();
}

AdjustResult redeemPoints(const RequestContext& ctx, DataStore& store, const std::string& card,
                          std::int64_t points, const std::string& forWhat, std::string requestId) {
    if (points <= 0)
        throw UserError("points.not_positive", {{"points", std::to_string(points)}},
                        "a redemption spends a positive number of points");
    const Programme p = requireProgramme(ctx, store);
    if (requestId.empty()) requestId = newRequestId();
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    AdjustResult out =
        postManual(ctx, *uow, p, m.id, EntryKind::Redeem, -points, "redeem:" + requestId, "redeem", forWhat);
    uow->commit();
    return out;
}

std::int64_t expirePoints(const RequestContext& ctx, DataStore& store, Date asOf) {
    const auto p = currentProgramme(ctx, store);
    const int rolling = p && p->expiry.kind == ExpiryKind::Rolling ? p->expiry.days : 0;
    auto uow = store.write();
    const std::int64_t n = uow->loyalty().expire(asOf, rolling, ctx.actor.name, ctx.now());
    if (n > 0)
        uow->audit(ctx.actor, "expire", "points", formatDate(asOf), std::nullopt,
                   "{\"entries\":" + std::to_string(n) + "}");
    uow->commit();
    return n;
}

std::vector<ExpiringPoints> expiringPoints(const RequestContext& ctx, DataStore& store, int days, int limit) {
    return store.read()->loyalty().expiring(ctx.today(), ctx.today() + std::chrono::days(days), limit);
}

std::vector<BalanceMismatch> checkPoints(const RequestContext&, DataStore& store) {
    return store.read()->loyalty().checkBalances();
}

LiabilityFigures pointsLiability(const RequestContext& ctx, DataStore& store, Date asOf) {
    LiabilityFigures out;
    out.liability = store.read()->loyalty().liability(asOf);
    // Money is exact: points × amount / points-per-amount, rounded down to the fen.
    if (const auto p = programmeOn(ctx, store, asOf); p && p->pointValue.points > 0)
        out.valueMinor = out.liability.points * p->pointValue.amountMinor / p->pointValue.points;
    return out;
}

} // namespace md::app
