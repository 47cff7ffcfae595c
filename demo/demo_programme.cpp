#include "demo/demo_programme.h"

namespace md {

using namespace md::loyalty;

namespace {

constexpr std::int64_t kYuan = 100; // minor units per yuan

// Thresholds on 12-month qualifying spend, set against the demo data (20,000 members, default seed):
// ¥1,000 is reached by ~20% of all members, ¥3,000 by ~6%, ¥8,000 by ~0.8% — a tier pyramid like a
// real chain's. (¥2,000/¥8,000/¥30,000 would leave Black empty: demo members spend ~¥250 an order.)
Tier tier(int rank, const char* code, const char* zh, const char* en, std::int64_t entryYuan) {
    Tier t;
    t.rank = rank;
    t.code = code;
    t.nameZh = zh;
    t.nameEn = en;
    t.mode = ThresholdMode::Any;
    t.entrySpendMinor = entryYuan * kYuan;
    t.retainSpendMinor = entryYuan * kYuan * 7 / 10;
    t.graceDays = rank == 0 ? 0 : 30;
    return t;
}

Benefit benefit(const char* code, BenefitType type, std::vector<std::string> tiers, Date from, const char* zh,
                const char* en) {
    Benefit b;
    b.code = code;
    b.type = type;
    b.tiers = std::move(tiers);
    b.effectiveFrom = from;
    b.textZh = zh;
    b.textEn = en;
    return b;
}

std::vector<Benefit> benefits(Date from) {
    std::vector<Benefit> out;
    const struct {
        const char* code;
        const char* tier;
        int percent;
        const char* zh;
        const char* en;
    } multipliers[] = {{"SILVER_POINTS", "SILVER", 120, "消费积分1.2倍", "1.2 points per ¥1"},
                       {"GOLD_POINTS", "GOLD", 150, "消费积分1.5倍", "1.5 points per ¥1"},
                       {"BLACK_POINTS", "BLACK", 200, "消费积分2倍", "2 points per ¥1"}};
    // What members are told; the TIER_MULTIPLIER rule is what the engine applies (same percents).
    for (const auto& m : multipliers)
        out.emplace_back(benefit(m.code, BenefitType::PointsMultiplier, {m.tier}, from, m.zh, m.en)).percent =
            m.percent;
    out.emplace_back(benefit("GOLD_DISCOUNT", BenefitType::PercentDiscount, {"GOLD"}, from, "正价商品95折",
                             "5% off full-price items"))
        .percent = 5;
    out.emplace_back(benefit("BLACK_DISCOUNT", BenefitType::PercentDiscount, {"BLACK"}, from, "正价商品9折",
                             "10% off full-price items"))
        .percent = 10;
    auto& memberDay = out.emplace_back(
        benefit("MEMBER_DAY", BenefitType::MemberDayOffer, {"REGULAR", "SILVER", "GOLD", "BLACK"}, from,
                "每月18日会员日，全场95折", "Member day on the 18th: 5% off everything"));
    memberDay.dayOfMonth = 18;
    memberDay.percent = 5;
    out.push_back(benefit("FREE_SHIPPING", BenefitType::FreeShipping, {"SILVER", "GOLD", "BLACK"}, from,
                          "线上订单包邮", "Free shipping on online orders"));
    out.push_back(benefit("BIRTHDAY_GIFT", BenefitType::BirthdayGift, {"SILVER"}, from,
                          "生日当月到店领取生日礼品",
                          "A birthday gift to collect in store in your birthday month"));
    auto& voucher = out.emplace_back(benefit("BIRTHDAY_VOUCHER", BenefitType::BirthdayVoucher,
                                             {"GOLD", "BLACK"}, from, "生日当月赠送100元无门槛券，30天内有效",
                                             "A ¥100 voucher in your birthday month, valid 30 days"));
    voucher.valueMinor = 100 * kYuan;
    voucher.validDays = 30;
    out.push_back(benefit("PRIORITY_LINE", BenefitType::PriorityService, {"BLACK"}, from,
                          "专属客服热线，优先接听", "A dedicated service line, answered first"));
    auto& partner = out.emplace_back(benefit("CINEMA_TICKETS", BenefitType::PartnerBenefit, {"GOLD", "BLACK"},
                                             from, "每季度赠送光影国际影城双人观影券",
                                             "Two Guangying Cinemas tickets every quarter"));
    partner.partner = "光影国际影城";
    out.push_back(benefit("PREVIEW_EVENTS", BenefitType::FreeText, {"BLACK"}, from, "新品发布会优先邀请",
                          "First invitations to new-collection previews"));
    return out;
}

EarningRule rule(const char* code, RuleKind kind, int priority, Stacking stacking = Stacking::Stack) {
    EarningRule r;
    r.code = code;
    r.kind = kind;
    r.priority = priority;
    r.stacking = stacking;
    return r;
}

/// The first 1 November on or after `from`: Double 11 (双十一) runs 1–11 November.
Date doubleElevenStart(Date from) {
    using namespace std::chrono;
    const year y = year_month_day{from}.year();
    const Date thisYear{y / November / 1};
    return from <= thisYear ? thisYear : Date{(y + years{1}) / November / 1};
}

std::vector<EarningRule> rules(Date from) {
    std::vector<EarningRule> out;
    auto& base = out.emplace_back(rule("BASE", RuleKind::Base, 0));
    base.pointsPer = 1;
    base.unitMinor = 1 * kYuan;
    out.emplace_back(rule("TIER_MULTIPLIER", RuleKind::TierMultiplier, 1)).tierPercent = {
        {"REGULAR", 100}, {"SILVER", 120}, {"GOLD", 150}, {"BLACK", 200}};
    // Triple points in the birthday month, not combined with other promotions (生日月三倍积分，不与其他
    // 活动同享): exclusive, so it runs first; generous, so the birthday month seldom earns less.
    auto& birthday =
        out.emplace_back(rule("BIRTHDAY_MONTH", RuleKind::BirthdayMonth, 10, Stacking::Exclusive));
    birthday.bonusPercent = 200;
    birthday.capPerMember = 5000;
    birthday.capPeriod = Period::Year;
    // Beauty and Double 11 do not add up: the larger of the two counts.
    auto& beauty = out.emplace_back(rule("BEAUTY_DOUBLE", RuleKind::Category, 20, Stacking::HighestWins));
    beauty.values = {"美妆"};
    beauty.bonusPercent = 100;
    auto& promo = out.emplace_back(rule("DOUBLE_11", RuleKind::DateRange, 30, Stacking::HighestWins));
    promo.from = doubleElevenStart(from);
    promo.to = *promo.from + std::chrono::days{10};
    promo.bonusPercent = 200;
    promo.budgetPoints = 500'000;
    promo.budgetPeriod = Period::Programme;
    auto& flagship = out.emplace_back(rule("FLAGSHIP_STORE", RuleKind::Store, 40));
    flagship.values = {"SH001"};
    flagship.bonusPercent = 50;
    auto& app = out.emplace_back(rule("APP_ORDER", RuleKind::Channel, 50));
    app.values = {"app"};
    app.extraPoints = 20;
    app.capPerMember = 200;
    app.capPeriod = Period::Month;
    auto& memberDay = out.emplace_back(rule("MEMBER_DAY", RuleKind::MemberDay, 60));
    memberDay.dayOfMonth = 18;
    memberDay.bonusPercent = 100;
    memberDay.capPerOrder = 2000;
    out.emplace_back(rule("REFERRAL", RuleKind::Referral, 100)).extraPoints = 500;
    return out;
}

// Paid membership (付费会员): PLUS ¥99 a year holds Silver and earns ×1.5 on the base points; the monthly
// pass ¥15 holds Silver and earns ×1.2. Both add free shipping whatever the tier.
std::vector<Plan> plans() {
    Plan yearly;
    yearly.code = "PLUS";
    yearly.nameZh = "PLUS年卡";
    yearly.nameEn = "PLUS yearly";
    yearly.feeMinor = 99 * kYuan;
    yearly.termMonths = 12;
    yearly.floorTier = "SILVER";
    yearly.pointsPercent = 150;
    yearly.benefits = {"FREE_SHIPPING"};
    Plan monthly = yearly;
    monthly.code = "PLUS_MONTH";
    monthly.nameZh = "PLUS月卡";
    monthly.nameEn = "PLUS monthly";
    monthly.feeMinor = 15 * kYuan;
    monthly.termMonths = 1;
    monthly.pointsPercent = 120;
    return {yearly, monthly};
}

} // namespace

Programme demoProgramme(Date effectiveFrom) {
    Programme p;
    p.effectiveFrom = effectiveFrom;
    p.name = "悦享会员计划";
    p.currency = "CNY";
    p.ladder.window = QualifyingWindow::Rolling12Months;
    p.ladder.downgrade = DowngradePolicy::OneTierPerReview;
    p.ladder.tiers = {tier(0, "REGULAR", "普通会员", "Regular", 0), tier(1, "SILVER", "银卡", "Silver", 1000),
                      tier(2, "GOLD", "金卡", "Gold", 3000), tier(3, "BLACK", "黑卡", "Black", 8000)};
    p.benefits = benefits(effectiveFrom);
    p.rules = rules(effectiveFrom);
    p.plans = plans();
    p.expiry.kind = ExpiryKind::EndOfMonth;
    p.expiry.months = 12;
    p.expiry.pendingDays = 7;
    p.expiry.expiringSoonDays = 30;
    p.pointValue = {1, 1}; // 1 fen per point: 100 points are worth ¥1
    p.minSpendMinor = 10 * kYuan;
    p.maxPointsPerOrder = 50'000;
    p.approvalThreshold = 1000;
    return p;
}

} // namespace md
