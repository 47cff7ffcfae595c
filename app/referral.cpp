#include "app/referral.h"
#include "app/event_append.h"

#include "app/members.h"
#include "domain/json.h"
#include "domain/membership/codes.h"
#include "domain/membership/membership_events.h"
#include "domain/user_error.h"

namespace md::app {

std::string ensureReferralCode(UnitOfWork& uow, std::int64_t memberId, Timestamp now) {
    auto& repo = uow.membership();
    if (auto code = repo.referralCode(memberId)) return *code;
    // 21^8 (3.8e10) codes: at a million members a fresh code collides about once in 38,000 draws; draw again.
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (repo.insertReferralCode(memberId, membership::newReferralCode(), now)) break;
        if (auto code = repo.referralCode(memberId)) return *code; // someone assigned it meanwhile
    }
    if (auto code = repo.referralCode(memberId)) return *code;
    throw std::runtime_error("could not draw an unused referral code in 20 attempts");
}

std::string referralCode(const RequestContext& ctx, DataStore& store, const std::string& card) {
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    const std::string code = ensureReferralCode(*uow, m.id, ctx.now());
    uow->commit();
    return code;
}

ReferralInfo referralInfo(UnitOfWork& uow, std::int64_t memberId) {
    ReferralInfo out;
    out.code = uow.membership().referralCode(memberId);
    if (const auto referrer = uow.membership().referrerOf(memberId))
        if (const auto m = uow.members().findById(*referrer)) out.referrer = m->card.str();
    return out;
}

std::string linkReferral(const RequestContext& ctx, UnitOfWork& uow, const Member& referee,
                         const std::string& typed) {
    auto& repo = uow.membership();
    const std::string code = membership::normaliseCode(typed);
    const auto referrerId = code.empty() ? std::nullopt : repo.memberByReferralCode(code);
    if (!referrerId)
        throw UserError("referral.unknown_code", {{"code", typed}},
                        "no member has the referral code " + typed);
    const auto referrer = uow.members().findById(*referrerId);
    const std::string referrerCard = referrer ? referrer->card.str() : std::to_string(*referrerId);
    if (*referrerId == referee.id) throw UserError("referral.self", {}, "a member cannot refer themselves");
    if (const auto existing = repo.referrerOf(referee.id)) {
        const auto other = uow.members().findById(*existing);
        const std::string otherCard = other ? other->card.str() : std::to_string(*existing);
        throw UserError("referral.already_linked", {{"referrer", otherCard}},
                        "this member was already referred by " + otherCard + "; a referral is never changed");
    }
    if (repo.referrerOf(*referrerId) == referee.id)
        throw UserError("referral.cycle", {{"referrer", referrerCard}},
                        referrerCard + " was referred by this member; two members cannot refer each other");
    if (repo.hasPurchases(referee.id))
        throw UserError("referral.has_purchases", {{"card", referee.card.str()}},
                        "member " + referee.card.str() +
                            " has already bought; only a new customer can be referred");
    repo.link(referee.id, *referrerId, ctx.actor.name, ctx.now());
    json::Object o;
    o.set("referee", referee.card.str());
    o.set("referrer", referrerCard);
    o.set("code", code);
    const std::string payload = json::write(o, false);
    uow.audit(ctx.actor, "link", "referral", referee.card.str(), std::nullopt, payload);
    appendEvent(ctx, uow, event::kReferralLinked, referee.id, *referrerId, payload);
    return referrerCard;
}

std::string linkReferral(const RequestContext& ctx, DataStore& store, const std::string& card,
                         const std::string& code) {
    auto uow = store.write();
    const Member m = requireMemberByCard(*uow, card);
    const std::string referrer = linkReferral(ctx, *uow, m, code);
    uow->commit();
    return referrer;
}

} // namespace md::app
