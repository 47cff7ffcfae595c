#pragma once
// A small valid programme for the validation and JSON tests: three tiers, one benefit of each kind that
// has its own fields, and one rule of every kind. Tests change one field and expect one problem.
#include "domain/loyalty/programme.h"

namespace test_programme {

inline md::Date day(int y, unsigned m, unsigned d) {
    return md::Date{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

inline md::loyalty::Tier tier(int rank, std::string code, std::int64_t spendMinor, std::int64_t points) {
    md::loyalty::Tier t;
    t.rank = rank;
    t.code = code;
    t.nameZh = code + "卡";
    t.nameEn = code;
    t.entrySpendMinor = spendMinor;
    t.entryPoints = points;
    t.retainSpendMinor = spendMinor * 7 / 10;
    t.retainPoints = points * 7 / 10;
    t.graceDays = rank == 0 ? 0 : 30;
    return t;
}

inline md::loyalty::Programme validProgramme() {
    using namespace md::loyalty;
    Programme p;
    p.name = "测试计划";
    p.effectiveFrom = day(2024, 1, 1);
    p.ladder.tiers = {tier(0, "BASE", 0, 0), tier(1, "SILVER", 200000, 2000), tier(2, "GOLD", 800000, 0)};

    Benefit discount;
    discount.code = "GOLD_DISCOUNT";
    discount.type = BenefitType::PercentDiscount;
    discount.tiers = {"GOLD"};
    discount.effectiveFrom = day(2024, 1, 1);
    discount.effectiveTo = day(2024, 12, 31);
    discount.percent = 5;
    Benefit memberDay;
    memberDay.code = "MEMBER_DAY";
    memberDay.type = BenefitType::MemberDayOffer;
    memberDay.tiers = {"BASE", "SILVER", "GOLD"};
    memberDay.effectiveFrom = day(2024, 1, 1);
    memberDay.dayOfMonth = 18;
    memberDay.percent = 10;
    Benefit voucher;
    voucher.code = "BIRTHDAY";
    voucher.type = BenefitType::BirthdayVoucher;
    voucher.tiers = {"GOLD"};
    voucher.effectiveFrom = day(2024, 1, 1);
    voucher.valueMinor = 5000;
    voucher.validDays = 30;
    voucher.textZh = "生日券";
    voucher.textEn = "Birthday voucher";
    Benefit partner;
    partner.code = "CINEMA";
    partner.type = BenefitType::PartnerBenefit;
    partner.tiers = {"SILVER", "GOLD"};
    partner.effectiveFrom = day(2024, 1, 1);
    partner.partner = "万达影城";
    p.benefits = {discount, memberDay, voucher, partner};

    EarningRule base;
    base.code = "BASE";
    base.kind = RuleKind::Base;
    base.priority = 0;
    EarningRule tiers;
    tiers.code = "TIERS";
    tiers.kind = RuleKind::TierMultiplier;
    tiers.priority = 1;
    tiers.tierPercent = {{"BASE", 100}, {"SILVER", 120}, {"GOLD", 150}};
    auto bonus = [](std::string code, RuleKind kind, int priority) {
        EarningRule r;
        r.code = std::move(code);
        r.kind = kind;
        r.priority = priority;
        r.bonusPercent = 100;
        return r;
    };
    EarningRule category = bonus("BEAUTY", RuleKind::Category, 10);
    category.values = {"美妆"};
    category.stacking = Stacking::HighestWins;
    EarningRule store = bonus("FLAGSHIP", RuleKind::Store, 11);
    store.values = {"SH001"};
    EarningRule channel = bonus("APP", RuleKind::Channel, 12);
    channel.values = {"app", "online"};
    EarningRule range = bonus("SPRING", RuleKind::DateRange, 13);
    range.from = day(2024, 3, 1);
    range.to = day(2024, 3, 31);
    range.budgetPoints = 100000;
    range.budgetPeriod = Period::Programme;
    EarningRule birthday = bonus("BIRTHDAY", RuleKind::BirthdayMonth, 14);
    birthday.stacking = Stacking::Exclusive;
    birthday.capPerMember = 2000;
    birthday.capPeriod = Period::Year;
    EarningRule memberDayRule = bonus("MEMBER_DAY", RuleKind::MemberDay, 15);
    memberDayRule.dayOfMonth = 18;
    EarningRule referral;
    referral.code = "REFERRAL";
    referral.kind = RuleKind::Referral;
    referral.priority = 0;
    referral.extraPoints = 500;
    p.rules = {base, tiers, category, store, channel, range, birthday, memberDayRule, referral};

    p.expiry.kind = ExpiryKind::EndOfMonth;
    p.expiry.months = 12;
    p.expiry.pendingDays = 7;
    p.minSpendMinor = 1000;
    p.maxPointsPerOrder = 50000;
    return p;
}

} // namespace test_programme
