#pragma once
// A database with one member (MD000001) and a three-tier test programme (REGULAR / SILVER / GOLD, base
// 1 point per ¥1, tier multiplier, a beauty bonus), and a way to import that member's orders.
#include "app/points.h"
#include "app/programme.h"
#include "app/transfer.h"
#include "persistence/member_repository.h"
#include "tests/app/app_fixture.h"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

namespace md::test {

using namespace md::loyalty;

inline Programme testProgramme() {
    Programme p;
    p.name = "Test";
    p.effectiveFrom = date("2024-01-01");
    auto tier = [](int rank, const char* code, std::int64_t entry, std::int64_t retain, int grace) {
        Tier t;
        t.rank = rank;
        t.code = code;
        t.nameZh = code;
        t.nameEn = code;
        t.entrySpendMinor = entry;
        t.retainSpendMinor = retain;
        t.graceDays = grace;
        return t;
    };
    p.ladder.tiers = {tier(0, "REGULAR", 0, 0, 0), tier(1, "SILVER", 100000, 50000, 0),
                      tier(2, "GOLD", 500000, 300000, 30)};
    EarningRule base;
    base.code = "BASE";
    base.kind = RuleKind::Base;
    base.pointsPer = 1;
    base.unitMinor = 100;
    EarningRule multiplier;
    multiplier.code = "TIER_X";
    multiplier.kind = RuleKind::TierMultiplier;
    multiplier.priority = 10;
    multiplier.tierPercent = {{"REGULAR", 100}, {"SILVER", 150}, {"GOLD", 200}};
    EarningRule beauty;
    beauty.code = "BEAUTY_X2";
    beauty.kind = RuleKind::Category;
    beauty.priority = 20;
    beauty.stacking = Stacking::HighestWins;
    beauty.values = {"beauty"};
    beauty.bonusPercent = 100;
    p.rules = {base, multiplier, beauty};
    p.expiry.kind = ExpiryKind::EndOfMonth;
    p.expiry.months = 12;
    p.expiry.pendingDays = 0;
    p.approvalThreshold = 1000;
    return p;
}

struct LoyaltyFixture : AppFixture {
    std::string card = "MD000001";
    std::int64_t member = 0;
    int files = 0;

    LoyaltyFixture() {
        Member m = sampleMember(card);
        m.joinDate = date("2024-01-01");
        db::SociMemberRepository(*check).insert(m, check->actor());
        member = m.id;
        const auto stored = app::saveProgramme(ctx, store, testProgramme());
        BOOST_REQUIRE_MESSAGE(stored.problems.empty(),
                              stored.problems.front().field << " " << stored.problems.front().message);
    }

    /// Imports transaction lines (order_id,occurred_at,amount,kind,category,refund_of) for the member.
    ImportReport importLines(const std::vector<std::string>& lines, ImportMode mode = ImportMode::Upsert) {
        const auto path = tdb.dir() / ("tx" + std::to_string(++files) + ".csv");
        std::ofstream out(path);
        out << "order_id,card_no,store,occurred_at,amount,kind,category,refund_of\n";
        for (const auto& l : lines) {
            std::vector<std::string> f;
            std::stringstream s(l);
            std::string x;
            while (std::getline(s, x, ','))
                f.push_back(x);
            f.resize(6);
            out << f[0] << ',' << card << ",SH001," << f[1] << ',' << f[2] << ',' << f[3] << ',' << f[4]
                << ',' << f[5] << '\n';
        }
        out.close();
        ImportOptions opt;
        opt.mode = mode;
        return app::importTransactions(ctx, store, path, opt);
    }

    app::MemberPoints points() { return app::pointsBalance(ctx, store, card); }

    std::int64_t ledgerCount(const std::string& where) {
        return countWhere(*check, "SELECT COUNT(*) FROM points_ledger WHERE " + where);
    }
};

} // namespace md::test
