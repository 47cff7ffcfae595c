#include "app/members.h"

#include "domain/member_events.h"
#include "domain/member_query.h"
#include "domain/user_error.h"

#include <algorithm>

namespace md::app {

namespace {

MemberCard cardOf(UnitOfWork& uow, const Member& m, int recentLimit) {
    MemberCard c;
    c.member = m;
    c.totals = uow.members().totals(m.id);
    if (!m.homeStore.empty()) c.homeStore = uow.stores().findByCode(m.homeStore);
    c.recent = uow.members().recentTransactions(m.id, recentLimit);
    // Newest first whatever order the repository returns: the last visit is what a caller asks about.
    std::stable_sort(c.recent.begin(), c.recent.end(),
                     [](const Transaction& a, const Transaction& b) { return a.occurredAt > b.occurredAt; });
    return c;
}

} // namespace

std::vector<MemberRow> findMembers(const RequestContext&, DataStore& store, const std::string& text,
                                   int limit) {
    const MemberQuery query = classifyQuery(text);
    if (query.kind == QueryKind::Empty)
        throw UserError("query.too_short", {{"text", text}},
                        "'" + text +
                            "' is too short to search: give at least 4 digits, a name, a card number or an "
                            "email address");
    auto uow = store.read();
    return uow->members().search(query, limit);
}

std::optional<MemberCard> showMemberByCard(const RequestContext&, DataStore& store, const std::string& card,
                                           int recentLimit) {
    auto uow = store.read();
    const auto m = uow->members().findByCard(card);
    if (!m) return std::nullopt;
    return cardOf(*uow, *m, recentLimit);
}

std::optional<MemberCard> showMemberById(const RequestContext&, DataStore& store, std::int64_t id,
                                         int recentLimit) {
    auto uow = store.read();
    const auto m = uow->members().findById(id);
    if (!m) return std::nullopt;
    return cardOf(*uow, *m, recentLimit);
}

void addMember(const RequestContext& ctx, DataStore& store, Member& m) {
    if (m.joinDate == Date{}) m.joinDate = ctx.today(); // the programme's date, not UTC's
    if (auto why = validateMember(m); !why.empty())
        throw UserError("member.invalid", {{"card", m.card.str()}, {"reason", why}}, why);
    auto uow = store.write();
    uow->members().insert(m, ctx.actor);
    uow->events().append(memberEvent(event::kMemberJoined, m, ctx.now(), ctx.actor.name));
    for (auto channel : {ContactChannel::Email, ContactChannel::Sms})
        if ((channel == ContactChannel::Email ? m.emailConsent : m.smsConsent).granted)
            uow->events().append(consentChangedEvent(m, channel, ctx.now(), ctx.actor.name));
    uow->commit();
}

void saveMember(const RequestContext& ctx, DataStore& store, Member& m) {
    if (auto why = validateMember(m); !why.empty())
        throw UserError("member.invalid", {{"card", m.card.str()}, {"reason", why}}, why);
    auto uow = store.write();
    const auto before = uow->members().findById(m.id);
    if (!before) throw NotFound("Member " + m.card.str() + " no longer exists");
    Member saved = m;
    uow->members().update(saved, ctx.actor); // checks the version: ConflictError when someone saved first
    for (const Event& e : memberChangeEvents(*before, saved, ctx.now(), ctx.actor.name))
        uow->events().append(e);
    uow->commit();
    m = saved;
}

Member requireMemberByCard(UnitOfWork& uow, const std::string& card) {
    auto m = uow.members().findByCard(card);
    if (!m) throw UserError("member.unknown_card", {{"card", card}}, "no member has card number " + card);
    return *m;
}

} // namespace md::app
