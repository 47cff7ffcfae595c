// The loyalty section of the member detail: tier and progress, balance, the paged ledger with the earn
// breakdown, tier history, loading per selected member, and the "Adjust points…" dialog.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/loyalty_support.h"

#include "app/members.h"
#include "app/membership.h"
#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "app/vouchers.h"
#include "gui/adjust_points_dialog.h"
#include "gui/loyalty_text.h"
#include "gui/member_detail_panel.h"
#include "gui/member_loyalty_panel.h"
#include "gui/points_ledger_list.h"
#include "gui/ui_helpers.h"

#include <boost/test/unit_test.hpp>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

using namespace md;
using namespace md::test;

namespace {

struct Candidate {
    std::int64_t id = 0;
    std::string card;
    std::int64_t spendable = 0;
};

/// The first members (from `from`) whose figures pass `want`.
Candidate findMember(FrameFixture& f, OtherStore& o, std::int64_t from,
                     const std::function<bool(const app::TierProgress&, const app::MemberPoints&)>& want) {
    for (std::int64_t id = from; id <= f.members; ++id) {
        const auto card = app::showMemberById(o.ctx, *o.store, id, 0);
        if (!card) continue;
        const auto progress = app::tierProgress(o.ctx, *o.store, id);
        const auto points = app::pointsBalance(o.ctx, *o.store, card->member.card.str());
        if (progress && want(*progress, points))
            return {id, card->member.card.str(), points.balance.spendable};
    }
    throw std::runtime_error("no demo member fits");
}

gui::MemberLoyaltyPanel& loyaltyOf(FrameFixture& f) {
    return f.frame().detail().loyalty();
}

bool showsSpendable(FrameFixture& f, std::int64_t points) {
    return f.detailLabel("detail.spendable").GetLabel() == gui::formatCount(points);
}

/// Shows a member and waits until the loyalty section shows their spendable points and ledger.
void showLoyalty(FrameFixture& f, const Candidate& c) {
    f.frame().detail().showLoyaltyDetails(true);
    f.frame().detail().showMember(c.id);
    BOOST_REQUIRE(pumpUntil([&] {
        const auto* first = loyaltyOf(f).ledger().entryAt(0);
        return showsSpendable(f, c.spendable) && first && first->memberId == c.id;
    }));
}

/// Opens "Adjust points…" from the detail pane.
gui::AdjustPointsDialog& openAdjust(FrameFixture& f) {
    FrameFixture::press(f.named<wxButton>("detail.adjustPoints"));
    auto* dlg = dynamic_cast<gui::AdjustPointsDialog*>(wxWindow::FindWindowByName(wxS("adjustPoints")));
    BOOST_REQUIRE(dlg);
    return *dlg;
}

wxString adjustResult(gui::AdjustPointsDialog& dlg) {
    return dynamic_cast<wxStaticText*>(dlg.FindWindow(wxS("adjust.result")))->GetLabel();
}

void enterPoints(gui::AdjustPointsDialog& dlg, const wxString& points, const wxString& note) {
    dynamic_cast<wxTextCtrl*>(dlg.FindWindow(wxS("adjust.points")))->SetValue(points);
    dynamic_cast<wxTextCtrl*>(dlg.FindWindow(wxS("adjust.note")))->SetValue(note);
}

std::int64_t storedSpendable(OtherStore& o, const std::string& card) {
    return app::pointsBalance(o.ctx, *o.store, card).balance.spendable;
}

} // namespace

BOOST_AUTO_TEST_SUITE(member_loyalty)

BOOST_AUTO_TEST_CASE(the_section_shows_tier_progress_balance_ledger_breakdown_and_history) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate c = findMember(f, o, 1, [](const app::TierProgress& p, const app::MemberPoints& m) {
        return p.next && p.tier && p.tier->rank > 0 && m.balance.spendable > 0;
    });
    const auto progress = *app::tierProgress(o.ctx, *o.store, c.id);
    const auto balance = app::pointsBalance(o.ctx, *o.store, c.card).balance;
    showLoyalty(f, c);

    BOOST_TEST(f.detailLabel("detail.tier").GetLabel() == gui::tierName(*progress.tier));
    BOOST_TEST(f.detailLabel("detail.loyaltySummary")
                   .GetLabel()
                   .StartsWith(gui::tierName(*progress.tier) + wxS(" · ") + gui::formatCount(c.spendable) +
                               wxS(" points")),
               "summary: " << f.detailLabel("detail.loyaltySummary").GetLabel());
    const wxString next = f.detailLabel("detail.nextTier").GetLabel();
    BOOST_TEST(next.Contains(wxS("to reach ") + gui::tierName(*progress.next)), "sentence: " << next);
    // The demo ladder counts a rolling 12 months: there is no last day to name.
    BOOST_TEST(!next.Contains(wxS(" by ")), "sentence: " << next);
    BOOST_TEST(next.StartsWith(wxS("Spend ¥")), "sentence: " << next);
    BOOST_TEST(f.detailLabel("detail.pending").GetLabel() == gui::formatCount(balance.pending));
    BOOST_TEST(f.detailLabel("detail.expired").GetLabel() == gui::formatCount(balance.expired));
    BOOST_TEST(f.detailLabel("detail.owed").GetLabel() == gui::formatCount(balance.owed));
    BOOST_TEST(f.named<wxListCtrl>("detail.tierHistory").GetItemCount() ==
               static_cast<int>(app::tierHistory(o.ctx, *o.store, c.card).size()));

    // Selecting an earn row shows how its points were computed.
    auto& ledger = loyaltyOf(f).ledger();
    long earnRow = -1;
    for (long r = 0; r < ledger.GetItemCount() && earnRow < 0; ++r)
        if (ledger.entryAt(r)->kind == loyalty::EntryKind::Earn) earnRow = r;
    BOOST_REQUIRE_GE(earnRow, 0);
    const auto steps = gui::parseBreakdown(*ledger.entryAt(earnRow)->breakdown);
    BOOST_REQUIRE(steps.ok && !steps.steps.empty());
    revealInDetail(f, ledger);
    ledger.EnsureVisible(earnRow);
    pumpFor(100ms);
    wxRect row;
    BOOST_REQUIRE(ledger.GetItemRect(earnRow, row));
    wxGetTopLevelParent(&ledger)->Raise();
    clickAt(ledger.ClientToScreen(wxPoint(row.x + 20, row.y + row.height / 2)));
    auto& breakdown = f.named<wxTextCtrl>("detail.breakdown");
    BOOST_REQUIRE(pumpUntil([&] { return !breakdown.GetValue().empty(); }, 5s));
    BOOST_TEST(breakdown.GetValue().Contains(u8(steps.steps.front().rule)),
               "shown: " << breakdown.GetValue());
    BOOST_TEST(breakdown.GetValue().Contains(wxS("Total ") + gui::formatCount(steps.points) + wxS(" points")),
               "shown: " << breakdown.GetValue());
}

BOOST_AUTO_TEST_CASE(a_slow_answer_for_the_previous_member_does_not_replace_the_current_one) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate a = findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints& m) {
        return m.balance.spendable > 0;
    });
    const Candidate b = findMember(f, o, a.id + 1, [&](const app::TierProgress&, const app::MemberPoints& m) {
        return m.balance.spendable > 0 && m.balance.spendable != a.spendable;
    });
    // Both loads are queued before either answers; A's arrives first and must be dropped.
    f.frame().detail().showMember(a.id);
    f.frame().detail().showMember(b.id);
    BOOST_REQUIRE(pumpUntil([&] {
        const auto* first = loyaltyOf(f).ledger().entryAt(0);
        return showsSpendable(f, b.spendable) && first && first->memberId == b.id;
    }));
    pumpFor(300ms);
    BOOST_TEST(showsSpendable(f, b.spendable));
    auto& ledger = loyaltyOf(f).ledger();
    for (long r = 0; r < ledger.GetItemCount(); ++r)
        BOOST_TEST(ledger.entryAt(r)->memberId == b.id);
}

BOOST_AUTO_TEST_CASE(the_ledger_loads_further_pages_as_it_scrolls) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate c =
        findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints&) { return true; });
    for (int i = 0; i < 130; ++i)
        app::adjustPoints(o.ctx, *o.store, c.card, 1, "goodwill", "paging test", "page-" + std::to_string(i));
    const std::size_t total = app::pointsLedger(o.ctx, *o.store, c.id, 0, 100000).size();
    BOOST_REQUIRE_GT(total, 2u * gui::PointsLedgerList::kPageSize - 100);

    f.frame().detail().showLoyaltyDetails(true);
    f.frame().detail().showMember(c.id);
    auto& ledger = loyaltyOf(f).ledger();
    BOOST_REQUIRE(pumpUntil([&] { return ledger.loaded() > 0; }));
    revealInDetail(f, ledger);
    BOOST_TEST(ledger.loaded() == static_cast<std::size_t>(gui::PointsLedgerList::kPageSize));
    BOOST_TEST(!ledger.complete());
    // Showing the last loaded rows asks for the next page, and so on to the end.
    BOOST_REQUIRE(pumpUntil([&] {
        ledger.EnsureVisible(ledger.GetItemCount() - 1);
        ledger.Refresh();
        return ledger.complete();
    }));
    BOOST_TEST(ledger.loaded() == total);
    BOOST_TEST(ledger.GetItemCount() == static_cast<long>(total));
    for (std::size_t r = 1; r < total; ++r)
        BOOST_TEST_REQUIRE(ledger.entryAt(static_cast<long>(r))->id <
                           ledger.entryAt(static_cast<long>(r - 1))->id);
}

BOOST_AUTO_TEST_CASE(an_adjustment_under_the_limit_changes_the_shown_balance) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate c =
        findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints&) { return true; });
    showLoyalty(f, c);

    auto& dlg = openAdjust(f);
    enterPoints(dlg, wxS("+200"), u8("投诉处理"));
    BOOST_REQUIRE(dlg.post());
    BOOST_REQUIRE(pumpUntil([&] { return adjustResult(dlg).StartsWith(wxS("Posted")); }));
    BOOST_TEST(adjustResult(dlg).Contains(gui::formatCount(c.spendable + 200)),
               "shown: " << adjustResult(dlg));
    BOOST_TEST(storedSpendable(o, c.card) == c.spendable + 200);
    BOOST_TEST(pumpUntil([&] { return showsSpendable(f, c.spendable + 200); }));
    const auto newest = app::pointsLedger(o.ctx, *o.store, c.id, 0, 1).front();
    BOOST_TEST(newest.reason == "goodwill");
    BOOST_TEST(newest.note == "投诉处理");
    dlg.Close();
}

BOOST_AUTO_TEST_CASE(an_adjustment_over_the_limit_waits_for_approval_and_the_balance_stays) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const auto threshold = app::currentProgramme(o.ctx, *o.store)->approvalThreshold;
    const Candidate c =
        findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints&) { return true; });
    showLoyalty(f, c);

    auto& dlg = openAdjust(f);
    enterPoints(dlg, wxString::Format(wxS("%lld"), static_cast<long long>(threshold + 1)), wxS("big credit"));
    BOOST_REQUIRE(dlg.post());
    BOOST_REQUIRE(pumpUntil([&] { return adjustResult(dlg).StartsWith(wxS("Waiting for approval #")); }));
    BOOST_TEST(adjustResult(dlg).Contains(wxS("over the limit of ") + gui::formatCount(threshold)),
               "shown: " << adjustResult(dlg));
    pumpFor(300ms);
    BOOST_TEST(showsSpendable(f, c.spendable));
    BOOST_TEST(storedSpendable(o, c.card) == c.spendable);
    BOOST_TEST(app::pendingApprovals(o.ctx, *o.store).size() == 1u);
    dlg.Close();
}

BOOST_AUTO_TEST_CASE(a_debit_larger_than_the_spendable_points_is_refused_in_the_dialog) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate c = findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints& m) {
        return m.balance.spendable > 0 && m.balance.spendable < 900;
    });
    showLoyalty(f, c);

    auto& dlg = openAdjust(f);
    enterPoints(dlg, wxString::Format(wxS("-%lld"), static_cast<long long>(c.spendable + 1)), {});
    BOOST_REQUIRE(dlg.post());
    BOOST_REQUIRE(pumpUntil([&] { return adjustResult(dlg).StartsWith(wxS("Only ")); }));
    BOOST_TEST(adjustResult(dlg).Contains(gui::formatCount(c.spendable)), "shown: " << adjustResult(dlg));
    BOOST_TEST(storedSpendable(o, c.card) == c.spendable);
    BOOST_TEST(dialogs().shown.empty()); // said in the dialog, not in a message box

    enterPoints(dlg, wxS("abc"), {});
    BOOST_TEST(!dlg.post());
    BOOST_TEST(adjustResult(dlg).StartsWith(wxS("Enter a whole number")));
    dlg.Close();
}

BOOST_AUTO_TEST_CASE(the_section_lists_the_paid_membership_referral_code_and_vouchers) {
    FrameFixture f;
    setUpDemoProgramme(f);
    OtherStore o(f);
    const Candidate c = findMember(f, o, 1, [](const app::TierProgress&, const app::MemberPoints& m) {
        return m.balance.spendable > 0;
    });
    app::buyMembership(o.ctx, *o.store, c.card, "PLUS");
    app::VoucherRequest req;
    req.valueMinor = 2000;
    req.validDays = 30;
    const auto voucher = app::issueVoucher(o.ctx, *o.store, c.card, req).voucher;
    showLoyalty(f, c);
    auto& perks = f.named<wxListCtrl>("detail.membershipVouchers");
    BOOST_REQUIRE(pumpUntil([&] { return perks.GetItemCount() >= 2; }));
    BOOST_TEST(perks.GetItemText(0, 0) == _("Paid membership"));
    BOOST_TEST(perks.GetItemText(0, 1).Contains(wxS("PLUS")), "plan: " << perks.GetItemText(0, 1));
    BOOST_TEST(perks.GetItemText(0, 2).StartsWith(wxS("active")), "status: " << perks.GetItemText(0, 2));
    long row = -1; // vouchers come newest first, after the membership and referral rows
    for (long r = 1; r < perks.GetItemCount() && row < 0; ++r)
        if (perks.GetItemText(r, 0).Contains(u8(voucher.code))) row = r;
    BOOST_REQUIRE_GE(row, 1);
    BOOST_TEST(perks.GetItemText(row, 1).StartsWith(wxS("¥20.00")), "value: " << perks.GetItemText(row, 1));
    BOOST_TEST(perks.GetItemText(row, 2).StartsWith(wxS("issued")), "state: " << perks.GetItemText(row, 2));
}

BOOST_AUTO_TEST_SUITE_END()
