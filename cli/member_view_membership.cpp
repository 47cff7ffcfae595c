// The paid membership, referral and voucher parts of `show CARD` (member_view.h).
#include "cli/json_out.h"
#include "cli/member_view.h"
#include "cli/text_table.h"
#include "domain/membership/codes.h"
#include "domain/money.h"
#include "domain/safe_output.h"

namespace md::cli {

namespace {

void line(std::ostream& out, std::string_view label, const std::string& value) {
    out << "  " << label;
    for (std::size_t w = displayWidth(label); w < 16; ++w)
        out << ' ';
    out << (value.empty() ? "-" : terminalSafe(value)) << '\n';
}

} // namespace

void printMembershipJson(JsonWriter& j, const MemberView::Membership& m) {
    const auto& s = m.standing;
    j.key("membership").beginObject().field("status", membership::toCode(s.status));
    j.key("plan").value(s.current ? std::optional(s.current->planCode) : std::nullopt);
    j.key("paid_through").value(s.paidThrough ? std::optional(formatDate(*s.paidThrough)) : std::nullopt);
    j.endObject();
    j.key("referral")
        .beginObject()
        .field("code", m.referralCode)
        .field("referred_by", m.referredBy)
        .endObject();
    j.key("vouchers").beginArray();
    for (const auto& v : m.vouchers)
        j.beginObject()
            .field("code", v.code)
            .field("value", Money(v.valueMinor).toDecimalString())
            .field("value_minor", v.valueMinor)
            .field("source", v.source)
            .field("status", v.statusOn(m.today))
            .field("valid_until", formatDate(v.validUntil))
            .endObject();
    j.endArray();
}

void printMembershipText(std::ostream& out, const MemberView::Membership& m) {
    const auto& s = m.standing;
    out << "Paid membership\n";
    std::string status = membership::toCode(s.status);
    if (s.current && s.status != membership::Status::None) status += " (" + s.current->planCode + ")";
    if (s.paidThrough)
        status += " through " + formatDate(*s.paidThrough);
    else if (s.current)
        status += ", ended " + formatDate(s.current->lastDay());
    line(out, "Status", status);
    out << "Referral\n";
    line(out, "Code", m.referralCode.value_or(""));
    line(out, "Referred by", m.referredBy.value_or(""));
    if (m.vouchers.empty()) return;
    out << "Vouchers (newest first)\n";
    for (const auto& v : m.vouchers)
        out << "  " << membership::displayCode(v.code) << "  " << Money(v.valueMinor).format() << "  "
            << v.source << "  " << v.statusOn(m.today) << "  valid through " << formatDate(v.validUntil)
            << '\n';
}

} // namespace md::cli
