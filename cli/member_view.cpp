#include "cli/member_view.h"

#include "cli/json_out.h"
#include "cli/text_table.h"

namespace md::cli {

namespace {

std::optional<std::string> timeText(const std::optional<Timestamp>& t) {
    return t ? std::optional(formatTimestamp(*t)) : std::nullopt;
}

std::string genderText(Gender g) {
    switch (g) {
    case Gender::Female:
        return "female";
    case Gender::Male:
        return "male";
    case Gender::Other:
        return "other";
    case Gender::Unknown:
        break;
    }
    return "unknown";
}

void consentJson(JsonWriter& j, std::string_view channel, const Consent& c) {
    j.key(channel).beginObject().field("granted", c.granted);
    j.key("source");
    if (c.source.empty())
        j.null();
    else
        j.value(c.source);
    j.field("at", timeText(c.at)).endObject();
}

std::string consentText(const Consent& c) {
    if (c.source.empty() && !c.at) return "not asked";
    std::string s = c.granted ? "granted" : "refused";
    if (!c.source.empty()) s += ", source " + c.source;
    if (c.at) s += ", " + formatTimestamp(*c.at);
    return s;
}

void line(std::ostream& out, std::string_view label, const std::string& value) {
    out << "  " << label;
    for (std::size_t w = displayWidth(label); w < 16; ++w)
        out << ' ';
    out << (value.empty() ? "-" : terminalSafe(value)) << '\n';
}

// The value as read, or the stored text marked as unreadable (the field was left empty on reading).
std::string orUnreadable(const std::map<std::string, std::string>& unreadable, const std::string& field,
                         const std::string& value) {
    const auto it = unreadable.find(field);
    return it == unreadable.end() ? value : "[unreadable stored value \"" + it->second + "\"]";
}

void unreadableJson(JsonWriter& j, const std::map<std::string, std::string>& unreadable) {
    if (unreadable.empty()) return;
    j.key("unreadable").beginObject();
    for (const auto& [field, text] : unreadable)
        j.field(field, text);
    j.endObject();
}

} // namespace

std::string displayPhone(const std::string& e164) {
    if (e164.empty()) return {};
    const auto p = PhoneNumber::parse(e164);
    return p ? p.value().display() : e164;
}

void printMemberJson(std::ostream& out, const MemberView& v) {
    const Member& m = v.member;
    JsonWriter j(out);
    j.beginObject()
        .field("id", m.id)
        .field("card", m.card.str())
        .field("name", m.name)
        .field("phone", m.phone ? std::optional(m.phone->e164()) : std::nullopt)
        .field("email", m.email ? std::optional(m.email->str()) : std::nullopt)
        .field("birthday", m.birthday ? std::optional(formatDate(*m.birthday)) : std::nullopt)
        .field("gender", toCode(m.gender))
        .field("join_date", formatDate(m.joinDate))
        .field("home_store", m.homeStore)
        .field("home_store_name", v.homeStoreName)
        .field("status", toCode(m.status))
        .field("version", m.version);
    unreadableJson(j, m.unreadable);
    j.key("consent").beginObject();
    consentJson(j, "email", m.emailConsent);
    consentJson(j, "sms", m.smsConsent);
    j.endObject();
    j.key("totals")
        .beginObject()
        .field("orders", v.totals.orders)
        .field("revenue", v.totals.revenue.toDecimalString())
        .field("revenue_minor", v.totals.revenue.minor())
        .field("currency", v.totals.revenue.currency())
        .field("first_purchase", timeText(v.totals.firstPurchase))
        .field("last_purchase", timeText(v.totals.lastPurchase))
        .endObject();
    j.key("recent_transactions").beginArray();
    for (const auto& t : v.recent) {
        j.beginObject()
            .field("order_id", t.orderId)
            .field("store", t.storeCode)
            .field("channel", toCode(t.channel))
            .field("occurred_at", formatTimestamp(t.occurredAt))
            .field("kind", toCode(t.kind))
            .field("amount", t.amount.toDecimalString())
            .field("amount_minor", t.amount.minor())
            .field("currency", t.amount.currency())
            .field("items", t.items)
            .field("category", t.category);
        unreadableJson(j, t.unreadable);
        j.endObject();
    }
    j.endArray();
    if (v.loyalty) {
        const auto& b = v.loyalty->balance;
        j.key("loyalty").beginObject().field("tier", v.loyalty->tier).field("spendable", b.spendable);
        j.field("pending", b.pending).field("expiring_soon", b.expiringSoon).field("expired", b.expired);
        j.field("owed", b.owed).field("qualifying", b.qualifying).field("total", b.total);
        j.key("ledger").beginArray();
        for (const auto& e : v.loyalty->ledger) {
            j.beginObject()
                .field("id", e.id)
                .field("kind", loyalty::toCode(e.kind))
                .field("points", e.points);
            j.field("qualifying", e.qualifying).field("date", formatDate(e.localDate));
            j.field("expires_on", e.expiresOn ? std::optional(formatDate(*e.expiresOn)) : std::nullopt);
            j.field("reason", e.reason).field("note", e.note).field("key", e.key);
            j.key("breakdown");
            if (e.breakdown)
                j.raw(*e.breakdown);
            else
                j.null();
            j.endObject();
        }
        j.endArray().endObject();
    }
    if (v.membership) printMembershipJson(j, *v.membership);
    j.endObject().finish();
}

void printMemberText(std::ostream& out, const MemberView& v) {
    const Member& m = v.member;
    const auto& bad = m.unreadable;
    out << terminalSafe(m.name) << "  (card " << m.card.str() << ")\n";
    line(out, "Phone", orUnreadable(bad, "phone", m.phone ? m.phone->display() : ""));
    line(out, "Email", orUnreadable(bad, "email", m.email ? m.email->str() : ""));
    line(out, "Birthday", orUnreadable(bad, "birthday", m.birthday ? formatDate(*m.birthday) : ""));
    line(out, "Gender", orUnreadable(bad, "gender", genderText(m.gender)));
    line(out, "Joined", orUnreadable(bad, "join_date", formatDate(m.joinDate)));
    line(out, "Home store", v.homeStoreName.empty() ? m.homeStore : m.homeStore + " " + v.homeStoreName);
    line(out, "Status", orUnreadable(bad, "status", toCode(m.status)));
    out << "Consent\n";
    line(out, "Email", orUnreadable(bad, "email_consent_at", consentText(m.emailConsent)));
    line(out, "SMS", orUnreadable(bad, "sms_consent_at", consentText(m.smsConsent)));
    out << "Totals (refunds netted)\n";
    line(out, "Orders", std::to_string(v.totals.orders));
    line(out, "Revenue", v.totals.revenue.format());
    line(out, "First purchase", v.totals.firstPurchase ? formatTimestamp(*v.totals.firstPurchase) : "");
    line(out, "Last purchase", v.totals.lastPurchase ? formatTimestamp(*v.totals.lastPurchase) : "");
    if (v.loyalty) {
        const auto& b = v.loyalty->balance;
        out << "Points\n";
        line(out, "Tier", v.loyalty->tier);
        line(out, "Spendable",
             std::to_string(b.spendable) +
                 (b.pending ? " (+" + std::to_string(b.pending) + " pending)" : ""));
        if (b.expiringSoon)
            line(out, "Expiring soon",
                 std::to_string(b.expiringSoon) + " (first on " + formatDate(*b.nextExpiry) + ")");
        if (b.owed) line(out, "Owed", std::to_string(b.owed));
    }
    if (v.membership) printMembershipText(out, *v.membership);
    if (v.recent.empty()) {
        out << "No transactions yet.\n";
        return;
    }
    out << "Recent transactions (newest first; times UTC)\n";
    using A = TextTable::Align;
    TextTable t({{"Time", A::Left},
                 {"Order", A::Left},
                 {"Store", A::Left},
                 {"Channel", A::Left},
                 {"Kind", A::Left},
                 {"Items", A::Right},
                 {"Category", A::Left},
                 {"Amount", A::Right}});
    for (const auto& tx : v.recent) {
        const std::string amount = (tx.kind == TransactionKind::Refund ? "-" : "") + tx.amount.format();
        const auto& bad = tx.unreadable;
        t.addRow({orUnreadable(bad, "occurred_at", formatTimestamp(tx.occurredAt)), tx.orderId, tx.storeCode,
                  orUnreadable(bad, "channel", toCode(tx.channel)),
                  orUnreadable(bad, "kind", toCode(tx.kind)), std::to_string(tx.items), tx.category, amount});
    }
    t.print(out);
}

} // namespace md::cli
