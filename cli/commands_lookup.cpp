// find and show: read-only member lookups, as a table for people or JSON for scripts.
#include "app/members.h"
#include "app/membership.h"
#include "app/points.h"
#include "app/programme.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/member_view.h"
#include "cli/text_table.h"
#include "domain/member_query.h"
#include "domain/user_error.h"

#include <algorithm>

namespace md::cli {

namespace {

constexpr int kDefaultLimit = 20;
constexpr int kRecentTransactions = 10;

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out.push_back(' ');
        out += w;
    }
    return out;
}

const char* describeKind(QueryKind k) {
    switch (k) {
    case QueryKind::Phone:
        return "a phone number";
    case QueryKind::LastDigits:
        return "the last digits of a phone number";
    case QueryKind::PhonePrefix:
        return "the first digits of a phone number";
    case QueryKind::CardDigits:
        return "the digits of a card number";
    case QueryKind::Card:
        return "a card number";
    case QueryKind::NamePrefix:
        return "the start of a name";
    case QueryKind::Email:
        return "an email address";
    case QueryKind::Empty:
        break;
    }
    return "nothing";
}

void printRowsJson(std::ostream& out, const std::vector<MemberRow>& rows) {
    JsonWriter j(out);
    j.beginArray();
    for (const auto& r : rows) {
        j.beginObject()
            .field("id", r.id)
            .field("card", r.card)
            .field("name", r.name)
            .field("phone", r.phone)
            .field("store", r.store)
            .field("join_date", formatDate(r.joinDate))
            .field("last_purchase",
                   r.lastPurchase ? std::optional(formatTimestamp(*r.lastPurchase)) : std::nullopt)
            .field("orders", r.orders)
            .field("revenue", Money(r.revenueMinor).toDecimalString())
            .field("revenue_minor", r.revenueMinor)
            .endObject();
    }
    j.endArray().finish();
}

void printRowsTable(std::ostream& out, const std::vector<MemberRow>& rows) {
    using A = TextTable::Align;
    TextTable t({{"Card", A::Left},
                 {"Name", A::Left},
                 {"Phone", A::Left},
                 {"Store", A::Left},
                 {"Joined", A::Left},
                 {"Orders", A::Right},
                 {"Revenue", A::Right}});
    for (const auto& r : rows)
        t.addRow({r.card, r.name, displayPhone(r.phone), r.store, formatDate(r.joinDate),
                  std::to_string(r.orders), Money(r.revenueMinor).format()});
    t.print(out);
}

} // namespace

int runFind(Context& ctx, const Args& args) {
    // Several words are one query: `find +86 138 0013 8000` works without quotes.
    const std::string text = joinWords(args.positional());
    const MemberQuery query = classifyQuery(text);
    if (query.kind == QueryKind::Empty)
        throw UsageError("'" + text +
                         "' is too short to search: give at least 4 digits, a name, a card number "
                         "or an email address");
    const int limit = static_cast<int>(args.integer("--limit", kDefaultLimit, 1, 10'000));
    const bool json = args.flag("--json");

    auto database = ctx.openForReading();
    const auto rows = app::findMembers(ctx.request, *database, text, limit);
    if (rows.empty()) {
        if (json) ctx.out << "[]\n";
        ctx.err << "No member found for '" << text << "' (searched as " << describeKind(query.kind) << ").\n";
        return kNotFound;
    }
    if (json)
        printRowsJson(ctx.out, rows);
    else
        printRowsTable(ctx.out, rows);
    if (static_cast<int>(rows.size()) == limit)
        ctx.err << "Showing the first " << limit << " matches; use --limit N to see more.\n";
    return kOk;
}

int runShow(Context& ctx, const Args& args) {
    const auto card = CardNumber::parse(args.positional()[0]);
    if (!card) throw UsageError("'" + args.positional()[0] + "' is not a card number: " + card.error());
    const bool json = args.flag("--json");

    auto database = ctx.openForReading();
    const auto found = app::showMemberByCard(ctx.request, *database, card.value().str(), kRecentTransactions);
    if (!found) {
        ctx.err << "No member has card number " << card.value().str() << ".\n";
        return kNotFound;
    }
    MemberView view;
    view.member = found->member;
    view.totals = found->totals;
    view.recent = found->recent;
    if (found->homeStore) view.homeStoreName = found->homeStore->name;
    if (app::currentProgramme(ctx.request, *database)) {
        const auto points = app::pointsBalance(ctx.request, *database, card.value().str());
        view.loyalty = MemberView::Loyalty{
            points.tier, points.balance,
            app::pointsLedger(ctx.request, *database, found->member.id, 0, kRecentTransactions)};
    }

    const auto card2 = app::membershipCard(ctx.request, *database, found->member);
    view.membership = MemberView::Membership{card2.status.standing, card2.referralCode, card2.referredBy,
                                             card2.vouchers, ctx.request.today()};
    if (json)
        printMemberJson(ctx.out, view);
    else
        printMemberText(ctx.out, view);
    return kOk;
}

} // namespace md::cli
