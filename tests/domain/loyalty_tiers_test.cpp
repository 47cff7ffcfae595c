#include "domain/loyalty/tiers.h"

#include <boost/test/unit_test.hpp>

using namespace md::loyalty;
using namespace std::chrono;

namespace {

md::Date ymd(int y, unsigned m, unsigned d) {
    return md::Date{year{y} / month{m} / day{d}};
}

std::string text(md::Date d) {
    return md::formatDate(d);
}

/// A ladder built tier by tier: REGULAR (rank 0) first, then each added tier one rank higher.
class LadderBuilder {
public:
    LadderBuilder() { m_ladder.tiers.push_back(Tier{0, "REGULAR", "", "Regular"}); }
    LadderBuilder& tier(std::string code, std::int64_t entrySpend, std::int64_t entryPoints,
                        std::int64_t retainSpend = 0, std::int64_t retainPoints = 0, int graceDays = 0,
                        ThresholdMode mode = ThresholdMode::Any) {
        Tier t;
        t.rank = static_cast<int>(m_ladder.tiers.size());
        t.code = std::move(code);
        t.mode = mode;
        t.entrySpendMinor = entrySpend;
        t.entryPoints = entryPoints;
        t.retainSpendMinor = retainSpend;
        t.retainPoints = retainPoints;
        t.graceDays = graceDays;
        m_ladder.tiers.push_back(t);
        return *this;
    }
    LadderBuilder& downgrade(DowngradePolicy d) {
        m_ladder.downgrade = d;
        return *this;
    }
    TierLadder build() const { return m_ladder; }

private:
    TierLadder m_ladder;
};

/// SILVER 1000/100 (retain 500/50, 30 days' grace), GOLD 5000/500 (retain 3000/300, 60 days), BLACK
/// 20000/2000 (retain 15000/1500, 90 days); spend in minor units, Any mode.
TierLadder standardLadder(DowngradePolicy policy = DowngradePolicy::OneTierPerReview) {
    return LadderBuilder()
        .tier("SILVER", 1000, 100, 500, 50, 30)
        .tier("GOLD", 5000, 500, 3000, 300, 60)
        .tier("BLACK", 20000, 2000, 15000, 1500, 90)
        .downgrade(policy)
        .build();
}

QualifyingFigures spend(std::int64_t minor) {
    return {minor, 0};
}
QualifyingFigures points(std::int64_t p) {
    return {0, p};
}

TierState at(int rank, std::optional<md::Date> graceUntil = std::nullopt) {
    TierState s;
    s.rank = rank;
    s.graceUntil = graceUntil;
    return s;
}

TierState after(const Decision& d) {
    return at(d.rank, d.graceUntil);
}

} // namespace

BOOST_AUTO_TEST_SUITE(loyalty_tiers)

BOOST_AUTO_TEST_CASE(rolling_window_is_the_year_ending_on_the_day) {
    auto w = qualifyingWindow(QualifyingWindow::Rolling12Months, ymd(2023, 3, 18), ymd(2020, 1, 1));
    BOOST_TEST(text(w.first) == "2022-03-19");
    BOOST_TEST(text(w.last) == "2023-03-18");
    BOOST_TEST((w.last - w.first).count() + 1 == 365);
}

BOOST_AUTO_TEST_CASE(rolling_window_holds_366_days_when_it_spans_29_february) {
    auto w = qualifyingWindow(QualifyingWindow::Rolling12Months, ymd(2024, 3, 1), ymd(2020, 1, 1));
    BOOST_TEST(text(w.first) == "2023-03-02");
    BOOST_TEST((w.last - w.first).count() + 1 == 366);
    w = qualifyingWindow(QualifyingWindow::Rolling12Months, ymd(2025, 2, 28), ymd(2020, 1, 1));
    BOOST_TEST(text(w.first) == "2024-02-29");
    BOOST_TEST((w.last - w.first).count() + 1 == 366);
    w = qualifyingWindow(QualifyingWindow::Rolling12Months, ymd(2024, 2, 28), ymd(2020, 1, 1));
    BOOST_TEST(text(w.first) == "2023-03-01");
    BOOST_TEST((w.last - w.first).count() + 1 == 365);
}

BOOST_AUTO_TEST_CASE(rolling_window_ending_on_29_february_starts_on_1_march) {
    auto w = qualifyingWindow(QualifyingWindow::Rolling12Months, ymd(2024, 2, 29), ymd(2020, 1, 1));
    BOOST_TEST(text(w.first) == "2023-03-01");
    BOOST_TEST(text(w.last) == "2024-02-29");
    BOOST_TEST((w.last - w.first).count() + 1 == 366);
}

BOOST_AUTO_TEST_CASE(calendar_year_window_starts_on_1_january) {
    auto w = qualifyingWindow(QualifyingWindow::CalendarYear, ymd(2024, 3, 18), ymd(2020, 6, 1));
    BOOST_TEST(text(w.first) == "2024-01-01");
    BOOST_TEST(text(w.last) == "2024-03-18");
    w = qualifyingWindow(QualifyingWindow::CalendarYear, ymd(2024, 1, 1), ymd(2020, 6, 1));
    BOOST_TEST(text(w.first) == "2024-01-01");
    BOOST_TEST(text(w.last) == "2024-01-01");
}

BOOST_AUTO_TEST_CASE(anniversary_window_starts_on_the_latest_anniversary_on_or_before_the_day) {
    const auto join = ymd(2021, 6, 15);
    BOOST_TEST(text(qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 6, 14), join).first) ==
               "2023-06-15");
    BOOST_TEST(text(qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 6, 15), join).first) ==
               "2024-06-15");
    BOOST_TEST(text(qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 12, 31), join).first) ==
               "2024-06-15");
    BOOST_TEST(text(qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 12, 31), join).last) ==
               "2024-12-31");
}

BOOST_AUTO_TEST_CASE(anniversary_window_in_the_first_membership_year_starts_on_the_join_date) {
    auto w = qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 8, 1), ymd(2024, 5, 10));
    BOOST_TEST(text(w.first) == "2024-05-10");
    w = qualifyingWindow(QualifyingWindow::Anniversary, ymd(2024, 5, 10), ymd(2024, 5, 10));
    BOOST_TEST(text(w.first) == "2024-05-10");
}

BOOST_AUTO_TEST_CASE(a_29_february_join_has_its_anniversary_on_28_february_in_common_years) {
    const auto join = ymd(2020, 2, 29);
    const auto first = [&](md::Date day) {
        return text(qualifyingWindow(QualifyingWindow::Anniversary, day, join).first);
    };
    BOOST_TEST(first(ymd(2023, 2, 28)) == "2023-02-28");
    BOOST_TEST(first(ymd(2023, 2, 27)) == "2022-02-28");
    BOOST_TEST(first(ymd(2024, 2, 28)) == "2023-02-28");
    BOOST_TEST(first(ymd(2024, 2, 29)) == "2024-02-29");
    BOOST_TEST(first(ymd(2025, 1, 10)) == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(qualified_rank_is_the_highest_tier_whose_entry_is_met) {
    const auto ladder = standardLadder();
    BOOST_TEST(qualifiedRank(ladder, spend(0)) == 0);
    BOOST_TEST(qualifiedRank(ladder, spend(999)) == 0);
    BOOST_TEST(qualifiedRank(ladder, spend(1000)) == 1);
    BOOST_TEST(qualifiedRank(ladder, spend(19999)) == 2);
    BOOST_TEST(qualifiedRank(ladder, spend(20000)) == 3);
    BOOST_TEST(qualifiedRank(ladder, points(500)) == 2);
}

BOOST_AUTO_TEST_CASE(any_mode_enters_on_either_threshold) {
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 100).build();
    BOOST_TEST(qualifiedRank(ladder, {1000, 0}) == 1);
    BOOST_TEST(qualifiedRank(ladder, {0, 100}) == 1);
    BOOST_TEST(qualifiedRank(ladder, {999, 99}) == 0);
}

BOOST_AUTO_TEST_CASE(all_mode_needs_every_threshold_that_is_used) {
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 100, 0, 0, 0, ThresholdMode::All).build();
    BOOST_TEST(qualifiedRank(ladder, {1000, 0}) == 0);
    BOOST_TEST(qualifiedRank(ladder, {0, 100}) == 0);
    BOOST_TEST(qualifiedRank(ladder, {1000, 100}) == 1);
    const auto spendOnly = LadderBuilder().tier("SILVER", 1000, 0, 0, 0, 0, ThresholdMode::All).build();
    BOOST_TEST(qualifiedRank(spendOnly, {1000, 0}) == 1);
    BOOST_TEST(qualifiedRank(spendOnly, {999, 1000000}) == 0);
}

BOOST_AUTO_TEST_CASE(a_tier_without_entry_thresholds_cannot_be_reached_by_figures) {
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 0).tier("INVITE_ONLY", 0, 0).build();
    BOOST_TEST(qualifiedRank(ladder, {1000000000, 1000000000}) == 1);
    const auto allMode = LadderBuilder().tier("INVITE_ONLY", 0, 0, 0, 0, 0, ThresholdMode::All).build();
    BOOST_TEST(qualifiedRank(allMode, {1000000000, 1000000000}) == 0);
}

BOOST_AUTO_TEST_CASE(the_base_tier_is_always_retained) {
    BOOST_TEST(retains(standardLadder(), 0, spend(0)));
}

BOOST_AUTO_TEST_CASE(retention_uses_the_retain_thresholds_not_the_entry_ones) {
    const auto ladder = standardLadder();
    BOOST_TEST(retains(ladder, 2, spend(3000)));
    BOOST_TEST(retains(ladder, 2, points(300)));
    BOOST_TEST(!retains(ladder, 2, {2999, 299}));
    BOOST_TEST(retains(ladder, 1, spend(500)));
    BOOST_TEST(!retains(ladder, 3, spend(14999)));
}

BOOST_AUTO_TEST_CASE(all_mode_retention_needs_every_retain_threshold_used) {
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 100, 500, 50, 0, ThresholdMode::All).build();
    BOOST_TEST(!retains(ladder, 1, {500, 49}));
    BOOST_TEST(!retains(ladder, 1, {499, 50}));
    BOOST_TEST(retains(ladder, 1, {500, 50}));
}

BOOST_AUTO_TEST_CASE(a_tier_without_retain_thresholds_is_kept_by_anyone) {
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 100, 0, 0).build();
    BOOST_TEST(retains(ladder, 1, spend(0)));
}

BOOST_AUTO_TEST_CASE(a_rank_the_ladder_does_not_have_is_not_retained) {
    BOOST_TEST(!retains(standardLadder(), 7, {1000000, 1000000}));
}

BOOST_AUTO_TEST_CASE(an_override_raises_the_effective_rank_through_its_last_day) {
    TierState s = at(1);
    s.overrideRank = 3;
    s.overrideUntil = ymd(2024, 6, 30);
    BOOST_TEST(effectiveRank(s, ymd(2024, 3, 18)) == 3);
    BOOST_TEST(effectiveRank(s, ymd(2024, 6, 30)) == 3);
    BOOST_TEST(effectiveRank(s, ymd(2024, 7, 1)) == 1);
}

BOOST_AUTO_TEST_CASE(an_override_below_the_earned_rank_does_not_lower_it) {
    TierState s = at(2);
    s.overrideRank = 1;
    s.overrideUntil = ymd(2024, 6, 30);
    BOOST_TEST(effectiveRank(s, ymd(2024, 3, 18)) == 2);
}

BOOST_AUTO_TEST_CASE(an_override_without_an_end_date_counts_for_nothing) {
    TierState s = at(0);
    s.overrideRank = 2;
    BOOST_TEST(effectiveRank(s, ymd(2024, 3, 18)) == 0);
}

BOOST_AUTO_TEST_CASE(activity_upgrades_straight_to_the_qualified_tier_and_ends_grace) {
    const auto d = upgradeOnActivity(standardLadder(), at(1, ymd(2024, 4, 1)), spend(20000));
    BOOST_TEST(d.rank == 3);
    BOOST_TEST(d.reason == "upgrade");
    BOOST_TEST(!d.graceUntil.has_value());
}

BOOST_AUTO_TEST_CASE(activity_never_downgrades_and_keeps_a_running_grace) {
    const auto d = upgradeOnActivity(standardLadder(), at(2, ymd(2024, 4, 1)), spend(0));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "unchanged");
    BOOST_REQUIRE(d.graceUntil.has_value());
    BOOST_TEST(text(*d.graceUntil) == "2024-04-01");
    BOOST_TEST(upgradeOnActivity(standardLadder(), at(2), spend(5000)).reason == "unchanged");
}

BOOST_AUTO_TEST_CASE(a_review_that_retains_keeps_the_tier_and_ends_grace) {
    const auto d = reviewTier(standardLadder(), at(2, ymd(2024, 4, 1)), spend(3000), ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "retained");
    BOOST_TEST(!d.graceUntil.has_value());
}

BOOST_AUTO_TEST_CASE(a_review_upgrades_when_the_figures_reach_a_higher_tier) {
    const auto d = reviewTier(standardLadder(), at(1), spend(6000), ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "upgrade");
}

BOOST_AUTO_TEST_CASE(figures_that_meet_entry_keep_the_tier_whatever_the_retain_measure) {
    // Entry by spend, retention by points only: the member who spends enough to enter is not dropped.
    const auto ladder = LadderBuilder().tier("SILVER", 1000, 0, 0, 50, 30).build();
    const auto d = reviewTier(ladder, at(1), {1000, 0}, ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 1);
    BOOST_TEST(d.reason == "retained");
}

BOOST_AUTO_TEST_CASE(a_failed_review_starts_the_grace_of_the_current_tier) {
    const auto d = reviewTier(standardLadder(), at(2), spend(100), ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "grace_started");
    BOOST_REQUIRE(d.graceUntil.has_value());
    BOOST_TEST(text(*d.graceUntil) == "2024-05-17"); // GOLD's 60 days
    const auto black = reviewTier(standardLadder(), at(3), spend(100), ymd(2024, 3, 18));
    BOOST_TEST(text(*black.graceUntil) == "2024-06-16"); // BLACK's 90 days
}

BOOST_AUTO_TEST_CASE(grace_runs_through_its_last_day) {
    const auto ladder = standardLadder();
    const auto s = at(2, ymd(2024, 5, 17));
    for (auto day : {ymd(2024, 3, 19), ymd(2024, 5, 17)}) {
        const auto d = reviewTier(ladder, s, spend(100), day);
        BOOST_TEST(d.rank == 2);
        BOOST_TEST(d.reason == "grace_running");
        BOOST_TEST(text(*d.graceUntil) == "2024-05-17");
    }
}

BOOST_AUTO_TEST_CASE(after_grace_one_tier_policy_drops_a_single_rank) {
    const auto d = reviewTier(standardLadder(), at(3, ymd(2024, 5, 17)), spend(0), ymd(2024, 5, 18));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "downgrade_one_tier");
}

BOOST_AUTO_TEST_CASE(after_grace_to_qualified_policy_drops_straight_to_the_supported_tier) {
    const auto ladder = standardLadder(DowngradePolicy::ToQualifiedTier);
    auto d = reviewTier(ladder, at(3, ymd(2024, 5, 17)), spend(0), ymd(2024, 5, 18));
    BOOST_TEST(d.rank == 0);
    BOOST_TEST(d.reason == "downgrade_to_qualified");
    BOOST_TEST(!d.graceUntil.has_value());
    d = reviewTier(ladder, at(3, ymd(2024, 5, 17)), spend(1200), ymd(2024, 5, 18));
    BOOST_TEST(d.rank == 1);
}

BOOST_AUTO_TEST_CASE(a_tier_without_grace_drops_at_the_failed_review) {
    const auto ladder =
        LadderBuilder().tier("SILVER", 1000, 0, 500, 0, 0).tier("GOLD", 5000, 0, 3000, 0, 0).build();
    const auto d = reviewTier(ladder, at(2), spend(600), ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 1);
    BOOST_TEST(d.reason == "downgrade_one_tier");
    BOOST_TEST(!d.graceUntil.has_value()); // SILVER is retained at 600
}

BOOST_AUTO_TEST_CASE(a_member_who_recovers_during_grace_keeps_the_tier) {
    const auto d = reviewTier(standardLadder(), at(2, ymd(2024, 5, 17)), points(300), ymd(2024, 4, 1));
    BOOST_TEST(d.rank == 2);
    BOOST_TEST(d.reason == "retained");
    BOOST_TEST(!d.graceUntil.has_value());
}

BOOST_AUTO_TEST_CASE(a_one_tier_drop_below_the_new_tier_too_starts_the_new_tiers_grace_at_once) {
    const auto ladder = standardLadder();
    const auto day = ymd(2024, 5, 18);
    const auto d = reviewTier(ladder, at(3, ymd(2024, 5, 17)), spend(0), day);
    BOOST_TEST(d.rank == 2);
    BOOST_REQUIRE(d.graceUntil.has_value());
    BOOST_TEST(text(*d.graceUntil) == "2024-07-17"); // GOLD's 60 days from the drop
    // Once that grace is over the next review drops one more rank.
    const auto later = reviewTier(ladder, after(d), spend(0), ymd(2024, 7, 18));
    BOOST_TEST(later.rank == 1);
    BOOST_TEST(later.reason == "downgrade_one_tier");
}

BOOST_AUTO_TEST_CASE(a_one_tier_drop_into_a_tier_without_grace_holds_it_through_the_review_day) {
    const auto ladder =
        LadderBuilder().tier("SILVER", 1000, 0, 500, 0, 0).tier("GOLD", 5000, 0, 3000, 0, 0).build();
    const auto d = reviewTier(ladder, at(2), spend(0), ymd(2024, 3, 18));
    BOOST_TEST(d.rank == 1);
    BOOST_REQUIRE(d.graceUntil.has_value());
    BOOST_TEST(text(*d.graceUntil) == "2024-03-18");
    BOOST_TEST(reviewTier(ladder, after(d), spend(0), ymd(2024, 3, 19)).rank == 0);
}

BOOST_AUTO_TEST_CASE(reviewing_the_result_again_on_the_same_day_changes_nothing) {
    const std::vector<QualifyingFigures> figures{spend(0),    spend(600),   spend(1000),  spend(3000),
                                                 spend(5000), spend(16000), spend(25000), points(1600),
                                                 {0, 50},     {2999, 299}};
    const std::vector<TierState> states{
        at(0), at(1), at(2), at(3), at(2, ymd(2024, 3, 1)), at(3, ymd(2024, 4, 1)), at(1, ymd(2024, 3, 18))};
    const auto day = ymd(2024, 3, 18);
    int checked = 0;
    for (auto policy : {DowngradePolicy::OneTierPerReview, DowngradePolicy::ToQualifiedTier})
        for (const auto& ladder : {standardLadder(policy), LadderBuilder()
                                                               .tier("SILVER", 1000, 0, 500, 0, 0)
                                                               .tier("GOLD", 5000, 0, 3000, 0, 0)
                                                               .tier("BLACK", 20000, 0, 15000, 0, 0)
                                                               .downgrade(policy)
                                                               .build()})
            for (const auto& s : states)
                for (const auto& f : figures) {
                    const auto once = reviewTier(ladder, s, f, day);
                    const auto twice = reviewTier(ladder, after(once), f, day);
                    BOOST_TEST_INFO("rank " << s.rank << " spend " << f.spendMinor << " points " << f.points
                                            << " policy " << toCode(policy) << " first " << once.reason);
                    BOOST_TEST(twice.rank == once.rank);
                    BOOST_TEST((twice.graceUntil == once.graceUntil));
                    ++checked;
                }
    BOOST_TEST(checked == 2 * 2 * 7 * 10);
}

BOOST_AUTO_TEST_SUITE_END()
