#include "domain/segments/fields.h"

#include <algorithm>
#include <array>

namespace md::segments {

namespace {

constexpr std::array<std::pair<Op, std::string_view>, 8> kOps{{{Op::Eq, "="},
                                                               {Op::Ne, "!="},
                                                               {Op::Lt, "<"},
                                                               {Op::Le, "<="},
                                                               {Op::Gt, ">"},
                                                               {Op::Ge, ">="},
                                                               {Op::In, "in"},
                                                               {Op::NotIn, "not_in"}}};

const std::vector<Op> kTextOps{Op::Eq, Op::Ne, Op::In, Op::NotIn};
const std::vector<Op> kOrderOps{Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge};
const std::vector<Op> kEqOps{Op::Eq, Op::Ne};
const std::vector<Op> kWindowOps{Op::Eq};

constexpr std::int64_t kBig = 1'000'000'000'000; // points and counts: far beyond any real value

FieldSpec field(std::string_view name, Group g, FieldType t, const std::vector<Op>& ops,
                std::string_view help) {
    FieldSpec f{name, g, t, ops, 0, 0, {}, {}, help};
    return f;
}

FieldSpec ranged(FieldSpec f, std::int64_t min, std::int64_t max) {
    f.min = min;
    f.max = max;
    return f;
}

FieldSpec choices(FieldSpec f, std::vector<std::string> values) {
    f.choices = std::move(values);
    return f;
}

FieldSpec counted(std::string_view name, std::string_view subject, std::string_view help) {
    FieldSpec f = ranged(field(name, Group::Behaviour, FieldType::Count, kOrderOps, help), 0, 1'000'000);
    f.subjectKey = subject;
    return f;
}

std::vector<FieldSpec> build() {
    using G = Group;
    using T = FieldType;
    return {
        field("store", G::Profile, T::Text, kTextOps, "the member's home store code"),
        choices(field("gender", G::Profile, T::Text, kTextOps, "F, M, O, or \"\" for not given"),
                {"F", "M", "O", ""}),
        ranged(
            field("age", G::Profile, T::Integer, kOrderOps, "whole years today (no birthday: never matches)"),
            0, 150),
        ranged(field("birthday_within_days", G::Profile, T::Window, kWindowOps,
                     "birthday within the next N days, today included (0 = today)"),
               0, 366),
        field("join_date", G::Profile, T::Date, kOrderOps, "the day the member joined"),
        choices(field("status", G::Profile, T::Text, kTextOps, "active, suspended or closed"),
                {"active", "suspended", "closed"}),
        field("email_consent", G::Profile, T::Boolean, kEqOps, "agreed to marketing email"),
        field("sms_consent", G::Profile, T::Boolean, kEqOps, "agreed to marketing SMS"),
        field("tier", G::Loyalty, T::Text, kTextOps, "tier code today (a manual tier while it lasts)"),
        ranged(field("points_balance", G::Loyalty, T::Integer, kOrderOps, "spendable points"), -kBig, kBig),
        ranged(field("points_expiring_within_days", G::Loyalty, T::Window, kWindowOps,
                     "holds unspent points that expire within the next N days"),
               0, kMaxWindowDays),
        field("paid_membership_active", G::Loyalty, T::Boolean, kEqOps,
              "a paid membership term covers today"),
        ranged(field("orders", G::Behaviour, T::Integer, kOrderOps, "purchases to date"), 0, kBig),
        field("revenue", G::Behaviour, T::Money, kOrderOps, "purchases minus refunds to date, in yuan"),
        ranged(field("last_purchase_days", G::Behaviour, T::Integer, kOrderOps,
                     "days since the last purchase (never bought: never matches)"),
               0, 36500),
        counted("purchases_in_category", "category", "purchases in one category over the last `days` days"),
        counted("purchases_in_store", "store", "purchases in one store over the last `days` days"),
        counted("purchases_in_channel", "channel", "purchases through one channel over the last `days` days"),
    };
}

} // namespace

std::string_view opText(Op op) {
    for (const auto& [o, text] : kOps)
        if (o == op) return text;
    return "?";
}

std::optional<Op> parseOp(std::string_view text) {
    for (const auto& [o, t] : kOps)
        if (t == text) return o;
    return std::nullopt;
}

bool FieldSpec::takes(Op op) const {
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

std::span<const FieldSpec> fieldCatalogue() {
    static const std::vector<FieldSpec> catalogue = build();
    return catalogue;
}

const FieldSpec* findField(std::string_view name) {
    for (const FieldSpec& f : fieldCatalogue())
        if (f.name == name) return &f;
    return nullptr;
}

std::string fieldNames() {
    std::string out;
    for (const FieldSpec& f : fieldCatalogue())
        out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

std::string opNames(const FieldSpec& f) {
    std::string out;
    for (Op op : f.ops)
        out += (out.empty() ? "" : ", ") + std::string(opText(op));
    return out;
}

} // namespace md::segments
