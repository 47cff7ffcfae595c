#include "app/vouchers.h"
#include "app/event_append.h"

#include "app/members.h"
#include "app/membership.h"
#include "app/programme.h"
#include "domain/json.h"
#include "domain/loyalty/tiers.h"
#include "domain/membership/codes.h"
#include "domain/membership/membership_events.h"
#include "domain/money.h"
#include "domain/user_error.h"

#include <algorithm>
#include <set>

namespace md::app {

using namespace loyalty;
using namespace membership;

namespace {

void checkValidDays(int days) {
    if (days < 1 || days > 3660)
        throw UserError("voucher.valid_days", {{"days", std::to_string(days)}},
                        "a voucher must be valid for 1 to 3660 days, not " + std::to_string(days));
}

std::string voucherJson(const Voucher& v, const std::string& card) {
    json::Object o;
    o.set("code", v.code);
    if (!card.empty()) o.set("card", card);
    o.set("value", Money(v.valueMinor).toDecimalString());
    if (v.pointsCost) o.set("points", v.pointsCost);
    o.set("source", v.source);
    o.set("valid_until", formatDate(v.validUntil));
    if (v.batch) o.set("batch", *v.batch);
    return json::write(o, false);
}

Voucher newVoucher(const RequestContext& ctx, std::int64_t valueMinor, int validDays,
                   const std::string& source) {
    Voucher v;
    v.code = newVoucherCode();
    v.valueMinor = valueMinor;
    v.source = source;
    v.issuedOn = ctx.today();
    v.validUntil = ctx.today() + std::chrono::days(validDays - 1);
    v.actor = ctx.actor.name;
    return v;
}

// Whether a BirthdayVoucher benefit in effect on `day` applies to this tier or this plan.
const Benefit* birthdayBenefit(const Programme& p, const std::string& tier, const Plan* plan, Date day) {
    for (const Benefit& b : p.benefits) {
        if (b.type != BenefitType::BirthdayVoucher || b.effectiveFrom > day) continue;
        if (b.effectiveTo && *b.effectiveTo < day) continue;
        const bool ofTier = std::find(b.tiers.begin(), b.tiers.end(), tier) != b.tiers.end();
        const bool ofPlan =
            plan && std::find(plan->benefits.begin(), plan->benefits.end(), b.code) != plan->benefits.end();
        if (ofTier || ofPlan) return &b;
    }
    return nullptr;
}

} // namespace

VoucherIssue issueVoucher(const RequestContext& ctx, DataStore& store, const std::string& card,
                          const VoucherRequest& req, std::string requestId) {
    if ((req.valueMinor > 0) == (req.points > 0))
        throw UserError("voucher.value_or_points", {}, "give a voucher either a value or a points price");
    checkValidDays(req.validDays);
    std::optional<Programme> p;
    if (req.points > 0) {
        p = currentProgramme(ctx, store);
        if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    }
    if (requestId.empty()) requestId = randomRequestId();
    const std::string key = "voucher:" + requestId;
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    if (auto earlier = uow->membership().voucherByKey(key)) {
        uow->commit();
        return {*earlier, true};
    }
    std::int64_t value = req.valueMinor;
    if (req.points > 0) {
        value = req.points * p->pointValue.amountMinor / std::max<std::int64_t>(1, p->pointValue.points);
        if (value < 1)
            throw UserError("voucher.value_or_points", {}, "those points are worth less than 0.01");
        Posting post;
        post.memberId = m.id;
        post.kind = EntryKind::Redeem;
        post.points = -req.points;
        post.key = "redeem:" + key;
        post.occurredAt = ctx.now();
        post.localDate = ctx.today();
        post.programmeVersion = p->version;
        post.reason = "voucher";
        const PostResult r = uow->loyalty().post(post, ctx.actor.name, ctx.now());
        if (r.status == PostStatus::Short)
            throw UserError(
                "points.short",
                {{"spendable", std::to_string(r.spendable)}, {"requested", std::to_string(req.points)}},
                "only " + std::to_string(r.spendable) + " points can be spent, not " +
                    std::to_string(req.points));
    }
    Voucher v = newVoucher(ctx, value, req.validDays, req.points > 0 ? "points" : "manual");
    v.memberId = m.id;
    v.pointsCost = req.points;
    v.issueKey = key;
    while (!uow->membership().insertVoucher(v, ctx.now()))
        v.code = newVoucherCode(); // the key is new (checked above), so only the code can have collided
    const std::string payload = voucherJson(v, m.card.str());
    uow->audit(ctx.actor, "issue", "voucher", v.code, std::nullopt, payload);
    appendEvent(ctx, *uow, event::kVoucherIssued, m.id, v.id, payload);
    uow->commit();
    return {v, false};
}

std::vector<Voucher> issueVoucherBatch(const RequestContext& ctx, DataStore& store, int count,
                                       std::int64_t valueMinor, int validDays, std::string batch) {
    if (count < 1 || count > 100000)
        throw UserError("voucher.count", {{"count", std::to_string(count)}},
                        "a batch has 1 to 100000 vouchers, not " + std::to_string(count));
    if (valueMinor < 1) throw UserError("voucher.value_or_points", {}, "a batch voucher needs a value");
    checkValidDays(validDays);
    if (batch.empty()) batch = "B" + formatDate(ctx.today()) + "-" + randomRequestId().substr(0, 8);
    auto uow = store.write();
    std::vector<Voucher> out;
    if (const auto earlier = uow->membership().storedCodes(batch); !earlier.empty()) {
        // A batch name is issued once: a retried command gets the same codes, not a second batch.
        for (const std::string& c : earlier)
            if (auto v = uow->membership().voucher(c)) out.push_back(*v);
        uow->commit();
        return out;
    }
    std::set<std::string> codes;
    // A collision with a stored code (odds about n/2^67) skips that row; draw the missing ones again.
    for (int round = 0; round < 5 && static_cast<int>(codes.size()) < count; ++round) {
        std::vector<Voucher> vs;
        while (static_cast<int>(codes.size() + vs.size()) < count) {
            Voucher v = newVoucher(ctx, valueMinor, validDays, "batch");
            v.batch = batch;
            vs.push_back(std::move(v));
        }
        uow->membership().insertVouchers(vs, ctx.now());
        for (const std::string& c : uow->membership().storedCodes(batch))
            codes.insert(c);
    }
    for (const std::string& c : uow->membership().storedCodes(batch))
        if (auto v = uow->membership().voucher(c)) out.push_back(*v);
    json::Object o;
    o.set("batch", batch);
    o.set("count", static_cast<std::int64_t>(out.size()));
    o.set("value", Money(valueMinor).toDecimalString());
    o.set("valid_days", validDays);
    const std::string payload = json::write(o, false);
    uow->audit(ctx.actor, "issue_batch", "voucher", batch, std::nullopt, payload);
    appendEvent(ctx, *uow, event::kVoucherIssued, std::nullopt, std::nullopt, payload);
    uow->commit();
    return out;
}

Voucher redeemVoucher(const RequestContext& ctx, DataStore& store, const std::string& typed,
                      const std::optional<std::string>& card, const std::optional<std::string>& orderId) {
    const std::string code = normaliseCode(typed);
    auto uow = store.write();
    std::optional<std::int64_t> memberId;
    if (card) memberId = requireMemberByCard(*uow, *card).id;
    const RedeemOutcome r = code.empty()
                                ? RedeemOutcome::Unknown
                                : uow->membership().redeem(code, memberId, orderId, ctx.today(), ctx.now());
    const auto v = code.empty() ? std::nullopt : uow->membership().voucher(code);
    switch (r) {
    case RedeemOutcome::Redeemed:
        break;
    case RedeemOutcome::Unknown:
        throw UserError("voucher.unknown", {{"code", typed}}, "there is no voucher " + typed);
    case RedeemOutcome::AlreadyRedeemed:
        throw UserError("voucher.redeemed", {{"code", typed}}, "voucher " + typed + " was already redeemed");
    case RedeemOutcome::Expired:
        throw UserError("voucher.expired", {{"code", typed}, {"until", formatDate(v->validUntil)}},
                        "voucher " + typed + " expired after " + formatDate(v->validUntil));
    case RedeemOutcome::OtherMember:
        throw UserError("voucher.other_member", {{"code", typed}},
                        "voucher " + typed + " belongs to another member");
    }
    json::Object o;
    o.set("code", code);
    if (card) o.set("card", *card);
    if (orderId) o.set("order", *orderId);
    const std::string payload = json::write(o, false);
    uow->audit(ctx.actor, "redeem", "voucher", code, std::nullopt, payload);
    appendEvent(ctx, *uow, event::kVoucherRedeemed, v->redeemedMemberId, v->id, payload);
    uow->commit();
    return *v;
}

std::int64_t expireVouchers(const RequestContext& ctx, DataStore& store, Date asOf) {
    auto uow = store.write();
    const std::int64_t n = uow->membership().expireVouchers(asOf);
    if (n > 0) {
        json::Object o;
        o.set("as_of", formatDate(asOf));
        o.set("count", n);
        const std::string payload = json::write(o, false);
        uow->audit(ctx.actor, "expire", "voucher", formatDate(asOf), std::nullopt, payload);
        appendEvent(ctx, *uow, event::kVouchersExpired, std::nullopt, std::nullopt, payload);
    }
    uow->commit();
    return n;
}

std::vector<Voucher> memberVouchers(const RequestContext&, DataStore& store, const std::string& card,
                                    int limit) {
    auto uow = store.read();
    return uow->membership().vouchersOf(requireMemberByCard(*uow, card).id, limit);
}

BenefitsRun runBenefits(const RequestContext& ctx, DataStore& store, Date asOf) {
    auto p = programmeOn(ctx, store, asOf);
    if (!p) p = currentProgramme(ctx, store);
    if (!p) throw UserError("programme.none", {}, "no loyalty programme is stored yet");
    BenefitsRun out;
    out.asOf = asOf;
    const std::chrono::year_month_day ymd{asOf};
    const std::string year = std::to_string(static_cast<int>(ymd.year()));
    auto uow = store.write();
    const auto candidates = uow->membership().birthdayCandidates(static_cast<unsigned>(ymd.month()), asOf);
    out.birthdayCandidates = static_cast<std::int64_t>(candidates.size());
    std::vector<Voucher> vs;
    for (const BirthdayCandidate& c : candidates) {
        TierState s;
        const Tier* earned = findTier(*p, c.tierCode);
        s.rank = earned ? earned->rank : 0;
        if (c.overrideTier)
            if (const Tier* o = findTier(*p, *c.overrideTier)) s.overrideRank = o->rank;
        s.overrideUntil = c.overrideUntil;
        const Plan* plan = c.planCode ? findPlan(*p, *c.planCode) : nullptr;
        if (plan)
            if (const auto floor = floorRank(*plan, *p)) {
                s.floorRank = *floor;
                s.floorFrom = s.floorUntil = asOf; // the query found a term covering asOf
            }
        const int rank = effectiveRank(s, asOf);
        std::string tier;
        for (const Tier& t : p->ladder.tiers)
            if (t.rank == rank) tier = t.code;
        const Benefit* b = birthdayBenefit(*p, tier, plan, asOf);
        if (!b) continue;
        Voucher v = newVoucher(ctx, b->valueMinor, b->validDays, "birthday");
        v.issuedOn = asOf;
        v.validUntil = asOf + std::chrono::days(b->validDays - 1);
        v.memberId = c.memberId;
        v.issueKey = "birthday:" + std::to_string(c.memberId) + ":" + year;
        vs.push_back(std::move(v));
    }
    out.birthdayVouchers = uow->membership().insertVouchers(vs, ctx.now());
    json::Object o;
    o.set("as_of", formatDate(asOf));
    o.set("birthday_vouchers", out.birthdayVouchers);
    const std::string payload = json::write(o, false);
    uow->audit(ctx.actor, "benefits_run", "voucher", formatDate(asOf), std::nullopt, payload);
    if (out.birthdayVouchers > 0)
        appendEvent(ctx, *uow, event::kVoucherIssued, std::nullopt, std::nullopt, payload);
    uow->commit();
    return out;
}

} // namespace md::app
