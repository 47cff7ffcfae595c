// membership, referral, voucher and benefits: paid membership (付费会员), referral (推荐) and vouchers
// (优惠券) for agents, marketing staff and scripts (docs/membership.md).
#include "app/membership.h"
#include "app/referral.h"
#include "app/vouchers.h"
#include "cli/commands.h"
#include "cli/json_out.h"
#include "cli/text_table.h"
#include "domain/membership/codes.h"
#include "domain/money.h"
#include "domain/safe_output.h"

#include <filesystem>
#include <sstream>

namespace md::cli {

namespace {

using A = TextTable::Align;

Date dateOption(const Args& args, const char* option, Date fallback) {
    const auto v = args.value(option);
    if (!v) return fallback;
    auto d = parseDate(*v);
    if (!d) throw UsageError(std::string(option) + ": " + d.error());
    return d.value();
}

std::string requestId(const Args& args) {
    return args.value("--request-id").value_or("");
}

std::string termLine(const membership::Term& t) {
    return t.planCode + " " + formatDate(t.startsOn) + " to " + formatDate(t.lastDay()) + " (" + t.kind +
           ", fee " + Money(t.feeMinor).format() + ")";
}

// ---- membership ----------------------------------------------------------------------------------

int membershipPlans(Context& ctx, const Args& args) {
    requireWords(args, 1, "membership plans [--json]");
    auto database = ctx.openForReading();
    const auto plans = app::membershipPlans(ctx.request, *database);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& p : plans) {
            j.beginObject().field("code", p.code).field("name_zh", p.nameZh).field("name_en", p.nameEn);
            j.field("fee", Money(p.feeMinor).toDecimalString()).field("fee_minor", p.feeMinor);
            j.field("term_months", p.termMonths).field("term_days", p.termDays);
            j.field("floor_tier", p.floorTier).field("points_percent", p.pointsPercent);
            j.key("benefits").beginArray();
            for (const auto& b : p.benefits)
                j.value(b);
            j.endArray().endObject();
        }
        j.endArray();
        j.finish();
        return kOk;
    }
    TextTable t({{"Plan", A::Left},
                 {"Name", A::Left},
                 {"Fee", A::Right},
                 {"Term", A::Left},
                 {"Tier floor", A::Left},
                 {"Points", A::Right},
                 {"Benefits", A::Left}});
    for (const auto& p : plans) {
        std::string benefits;
        for (const auto& b : p.benefits)
            benefits += (benefits.empty() ? "" : ", ") + b;
        t.addRow(
            {p.code, p.nameZh + " / " + p.nameEn, Money(p.feeMinor).format(),
             p.termMonths ? std::to_string(p.termMonths) + " months" : std::to_string(p.termDays) + " days",
             p.floorTier.empty() ? "-" : p.floorTier, std::to_string(p.pointsPercent) + "%",
             benefits.empty() ? "-" : benefits});
    }
    t.print(ctx.out);
    if (plans.empty()) ctx.err << "The programme in force has no paid plans\n";
    return kOk;
}

int membershipBuy(Context& ctx, const Args& args) {
    requireWords(args, 3, "membership buy CARD PLAN [--request-id ID]");
    auto database = ctx.openForWriting();
    const auto r = app::buyMembership(ctx.request, *database, args.positional()[1], args.positional()[2],
                                      requestId(args));
    ctx.out << (r.duplicate ? "Already recorded (same request id), nothing charged again: " : "Bought ")
            << termLine(r.term) << " for " << args.positional()[1] << '\n';
    return kOk;
}

int membershipRenew(Context& ctx, const Args& args) {
    requireWords(args, 2, "membership renew CARD [--request-id ID]");
    auto database = ctx.openForWriting();
    const auto r = app::renewMembership(ctx.request, *database, args.positional()[1], requestId(args));
    ctx.out << (r.duplicate ? "Already recorded (same request id), nothing charged again: " : "Renewed ")
            << termLine(r.term) << " for " << args.positional()[1] << '\n';
    return kOk;
}

int membershipCancel(Context& ctx, const Args& args) {
    requireWords(args, 2, "membership cancel CARD --reason TEXT [--last-day DATE]");
    const auto reason = args.value("--reason");
    if (!reason || reason->empty()) throw UsageError("membership cancel needs --reason TEXT");
    std::optional<Date> lastDay;
    if (args.value("--last-day")) lastDay = dateOption(args, "--last-day", ctx.request.today());
    auto database = ctx.openForWriting();
    const int n = app::cancelMembership(ctx.request, *database, args.positional()[1], *reason, lastDay);
    ctx.out << "Cancelled the paid membership of " << args.positional()[1] << ": its grants end after "
            << formatDate(lastDay.value_or(ctx.request.today())) << " (" << n << " term"
            << (n == 1 ? "" : "s") << " cut short; no fee refunded)\n";
    return kOk;
}

void statusJson(JsonWriter& j, const app::MembershipStatus& s) {
    j.beginObject().field("status", membership::toCode(s.standing.status));
    if (s.standing.current) {
        const auto& t = *s.standing.current;
        j.field("plan", t.planCode).field("starts_on", formatDate(t.startsOn));
        j.field("ends_on", formatDate(t.lastDay()));
        if (t.cancelledOn) j.field("cancel_reason", t.cancelReason);
    }
    j.key("paid_through")
        .value(s.standing.paidThrough ? std::optional(formatDate(*s.standing.paidThrough)) : std::nullopt);
    if (s.plan) j.field("floor_tier", s.plan->floorTier).field("points_percent", s.plan->pointsPercent);
    j.endObject();
}

int membershipStatusCommand(Context& ctx, const Args& args) {
    requireWords(args, 2, "membership status CARD [--json]");
    auto database = ctx.openForReading();
    const auto s = app::membershipStatus(ctx.request, *database, args.positional()[1]);
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        statusJson(j, s);
        j.finish();
        return kOk;
    }
    ctx.out << s.member.card.str() << "  " << s.member.name
            << "\n  paid membership: " << membership::toCode(s.standing.status);
    if (s.standing.paidThrough) ctx.out << " through " << formatDate(*s.standing.paidThrough);
    ctx.out << '\n';
    for (const auto& t : s.terms)
        ctx.out << "  " << termLine(t) << (t.cancelledOn ? "  cancelled: " + t.cancelReason : std::string())
                << '\n';
    return kOk;
}

int membershipRenewals(Context& ctx, const Args& args) {
    requireWords(args, 1, "membership renewals --within DAYS [--json]");
    const auto days = args.integer("--within", 30, 0, 3650);
    auto database = ctx.openForReading();
    const auto list = app::renewalsDue(ctx.request, *database, static_cast<int>(days));
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& r : list)
            j.beginObject()
                .field("card_no", r.cardNo)
                .field("name", r.name)
                .field("plan", r.planCode)
                .field("ends_on", formatDate(r.endsOn))
                .endObject();
        j.endArray();
        j.finish();
        return kOk;
    }
    TextTable t({{"Card", A::Left}, {"Name", A::Left}, {"Plan", A::Left}, {"Ends", A::Left}});
    for (const auto& r : list)
        t.addRow({r.cardNo, r.name, r.planCode, formatDate(r.endsOn)});
    t.print(ctx.out);
    ctx.err << list.size() << " paid memberships end within " << days << " days\n";
    return kOk;
}

// ---- referral ------------------------------------------------------------------------------------

int referralCodeCommand(Context& ctx, const Args& args) {
    requireWords(args, 2, "referral code CARD");
    auto database = ctx.openForWriting();
    ctx.out << app::referralCode(ctx.request, *database, args.positional()[1]) << '\n';
    return kOk;
}

int referralLink(Context& ctx, const Args& args) {
    requireWords(args, 3, "referral link CARD CODE");
    auto database = ctx.openForWriting();
    const std::string referrer =
        app::linkReferral(ctx.request, *database, args.positional()[1], args.positional()[2]);
    ctx.out << "Member " << args.positional()[1] << " was referred by " << referrer << '\n';
    return kOk;
}

// ---- vouchers ------------------------------------------------------------------------------------

void voucherRow(TextTable& t, const membership::Voucher& v, Date today) {
    t.addRow({membership::displayCode(v.code), Money(v.valueMinor).format(), v.source, v.statusOn(today),
              formatDate(v.validUntil), v.orderId.value_or("")});
}

int voucherIssue(Context& ctx, const Args& args) {
    requireWords(args, 2, "voucher issue CARD --value MINOR|--points N --valid-days D [--request-id ID]");
    app::VoucherRequest req;
    req.valueMinor = args.integer("--value", 0, 1, 100'000'000'00);
    req.points = args.integer("--points", 0, 1, 1'000'000'000);
    req.validDays = static_cast<int>(args.integer("--valid-days", 30, 1, 3660));
    auto database = ctx.openForWriting();
    const auto r = app::issueVoucher(ctx.request, *database, args.positional()[1], req, requestId(args));
    ctx.out << (r.duplicate ? "Already issued (same request id): " : "Issued ")
            << membership::displayCode(r.voucher.code) << " worth " << Money(r.voucher.valueMinor).format()
            << " to " << args.positional()[1] << ", valid through " << formatDate(r.voucher.validUntil)
            << (r.voucher.pointsCost ? " for " + std::to_string(r.voucher.pointsCost) + " points" : "")
            << '\n';
    return kOk;
}

int voucherBatch(Context& ctx, const Args& args) {
    requireWords(args, 1, "voucher batch --count N --value MINOR --valid-days D [--batch NAME] [--out FILE]");
    const auto count = args.integer("--count", 0, 1, 100000);
    const auto value = args.integer("--value", 0, 1, 100'000'000'00);
    const auto days = args.integer("--valid-days", 30, 1, 3660);
    auto database = ctx.openForWriting();
    const auto list = app::issueVoucherBatch(ctx.request, *database, static_cast<int>(count), value,
                                             static_cast<int>(days), args.value("--batch").value_or(""));
    std::ostringstream csv;
    csv << "code,value,valid_until,batch\n";
    for (const auto& v : list)
        csv << membership::displayCode(v.code) << ',' << Money(v.valueMinor).toDecimalString() << ','
            << formatDate(v.validUntil) << ',' << v.batch.value_or("") << '\n';
    if (const auto path = args.value("--out")) {
        std::vector<std::filesystem::path> keep;
        if (ctx.target.embeddedPath) keep = sqliteFiles(*ctx.target.embeddedPath);
        SafeOutputFile file(*path, keep);
        file.stream() << csv.str();
        file.commit();
        ctx.err << "Wrote " << list.size() << " codes to " << terminalSafe(*path) << '\n';
    } else {
        ctx.out << csv.str();
        requireWritten(ctx.out, "the voucher codes");
        ctx.err << "Issued " << list.size() << " vouchers\n";
    }
    return kOk;
}

int voucherRedeem(Context& ctx, const Args& args) {
    requireWords(args, 2, "voucher redeem CODE [--card CARD] [--order ID]");
    auto database = ctx.openForWriting();
    const auto v = app::redeemVoucher(ctx.request, *database, args.positional()[1], args.value("--card"),
                                      args.value("--order"));
    ctx.out << "Redeemed " << membership::displayCode(v.code) << " worth " << Money(v.valueMinor).format()
            << '\n';
    return kOk;
}

int voucherExpire(Context& ctx, const Args& args) {
    requireWords(args, 1, "voucher expire [--as-of DATE]");
    const Date asOf = dateOption(args, "--as-of", ctx.request.today());
    auto database = ctx.openForWriting();
    const auto n = app::expireVouchers(ctx.request, *database, asOf);
    ctx.out << "Expired " << n << " vouchers whose last day was before " << formatDate(asOf) << '\n';
    return kOk;
}

int voucherList(Context& ctx, const Args& args) {
    requireWords(args, 2, "voucher list CARD [--json]");
    auto database = ctx.openForReading();
    const auto list = app::memberVouchers(ctx.request, *database, args.positional()[1]);
    const Date today = ctx.request.today();
    if (args.flag("--json")) {
        JsonWriter j(ctx.out);
        j.beginArray();
        for (const auto& v : list)
            j.beginObject()
                .field("code", v.code)
                .field("value", Money(v.valueMinor).toDecimalString())
                .field("source", v.source)
                .field("status", v.statusOn(today))
                .field("valid_until", formatDate(v.validUntil))
                .endObject();
        j.endArray();
        j.finish();
        return kOk;
    }
    TextTable t({{"Code", A::Left},
                 {"Value", A::Right},
                 {"Source", A::Left},
                 {"Status", A::Left},
                 {"Valid until", A::Left},
                 {"Order", A::Left}});
    for (const auto& v : list)
        voucherRow(t, v, today);
    t.print(ctx.out);
    return kOk;
}

} // namespace

int runMembership(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "plans") return membershipPlans(ctx, args);
    if (action == "buy") return membershipBuy(ctx, args);
    if (action == "renew") return membershipRenew(ctx, args);
    if (action == "cancel") return membershipCancel(ctx, args);
    if (action == "status") return membershipStatusCommand(ctx, args);
    if (action == "renewals") return membershipRenewals(ctx, args);
    throw UsageError("membership plans|buy|renew|cancel|status|renewals, not '" + terminalSafe(action) + "'");
}

int runReferral(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "code") return referralCodeCommand(ctx, args);
    if (action == "link") return referralLink(ctx, args);
    throw UsageError("referral code or referral link, not '" + terminalSafe(action) + "'");
}

int runVoucher(Context& ctx, const Args& args) {
    const std::string& action = args.positional()[0];
    if (action == "issue") return voucherIssue(ctx, args);
    if (action == "batch") return voucherBatch(ctx, args);
    if (action == "redeem") return voucherRedeem(ctx, args);
    if (action == "expire") return voucherExpire(ctx, args);
    if (action == "list") return voucherList(ctx, args);
    throw UsageError("voucher issue|batch|redeem|expire|list, not '" + terminalSafe(action) + "'");
}

int runBenefits(Context& ctx, const Args& args) {
    if (args.positional()[0] != "run")
        throw UsageError("benefits run [--as-of DATE], not '" + terminalSafe(args.positional()[0]) + "'");
    requireWords(args, 1, "benefits run [--as-of DATE]");
    const Date asOf = dateOption(args, "--as-of", ctx.request.today());
    auto database = ctx.openForWriting();
    const auto r = app::runBenefits(ctx.request, *database, asOf);
    ctx.out << "Benefits run on " << formatDate(asOf) << ": " << r.birthdayVouchers
            << " birthday vouchers issued (" << r.birthdayCandidates
            << " members with a birthday this month)\n";
    return kOk;
}

} // namespace md::cli
