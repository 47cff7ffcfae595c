#pragma once
// Use cases on members: find a caller, show the whole member, add one, save contact details and
// consent. Reads take a read unit of work; writes one write unit with the audit entry and events.
#include "app/request_context.h"
#include "domain/unit_of_work.h"

#include <optional>
#include <vector>

namespace md::app {

/// Everything the member card shows.
struct MemberCard {
    Member member;
    MemberTotals totals;
    std::optional<Store> homeStore;
    std::vector<Transaction> recent; ///< newest first
};

/// Members matching free text (phone in any format, last digits, card, name prefix, email).
/// Throws UserError "query.too_short" when the text cannot be searched.
std::vector<MemberRow> findMembers(const RequestContext& ctx, DataStore& store, const std::string& text,
                                   int limit);
/// The card of one member by card number; nullopt when no member has it.
std::optional<MemberCard> showMemberByCard(const RequestContext& ctx, DataStore& store,
                                           const std::string& card, int recentLimit = 10);
std::optional<MemberCard> showMemberById(const RequestContext& ctx, DataStore& store, std::int64_t id,
                                         int recentLimit = 10);

/// The member with this card in a unit of work; throws UserError "member.unknown_card" {card}.
Member requireMemberByCard(UnitOfWork& uow, const std::string& card);

/// Adds a new member (join date defaults to today in the programme's zone). Emits member_joined.
/// Throws UserError "member.invalid" {reason}.
void addMember(const RequestContext& ctx, DataStore& store, Member& m);
/// Saves contact details and consent. Throws ConflictError when someone saved first, NotFound when the
/// member is gone. Emits member_changed, and consent_changed per channel whose consent changed.
void saveMember(const RequestContext& ctx, DataStore& store, Member& m);

} // namespace md::app
