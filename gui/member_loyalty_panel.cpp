#include "gui/member_loyalty_panel.h"

#include "app/points.h"
#include "app/programme.h"
#include "app/tiers.h"
#include "gui/adjust_points_dialog.h"
#include "gui/loyalty_text.h"
#include "gui/points_ledger_list.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/choicebk.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <chrono>

namespace md::gui {

using namespace loyalty;

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);

wxStaticText* named(wxWindow* parent, const char* name) {
    return new wxStaticText(parent, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, name);
}

/// "银卡 Silver · 1,755 points · 62 expire 2026-12-31".
wxString summaryText(const MemberLoyaltyPanel::Loaded& l) {
    if (!l.programme) return {};
    wxString text = l.progress && l.progress->tier ? tierName(*l.progress->tier) : wxString();
    text += (text.empty() ? wxString() : wxS(" · ")) +
            wxString::Format(_("%s points"), formatCount(l.balance.spendable));
    if (l.balance.expiringSoon > 0 && l.balance.nextExpiry)
        text += wxS(" · ") + wxString::Format(_("%s expire %s"), formatCount(l.balance.expiringSoon),
                                              formatDateText(*l.balance.nextExpiry));
    if (l.balance.owed > 0) text += wxS(" · ") + wxString::Format(_("%s owed"), formatCount(l.balance.owed));
    return text;
}

wxString codeName(const std::vector<Tier>& ladder, const std::string& code) {
    for (const Tier& t : ladder)
        if (t.code == code) return tierName(t);
    return fromUtf8(code);
}
} // namespace

MemberLoyaltyPanel::MemberLoyaltyPanel(wxWindow* parent, DbWorker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("detail.loyalty")),
      m_worker(worker) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Loyalty"));
    wxWindow* inner = box->GetStaticBox();
    m_message = named(inner, "detail.loyaltyMessage");
    box->Add(m_message, 0, wxEXPAND | wxALL, 4);
    box->Add(buildTier(inner), 0, wxEXPAND);
    box->Add(buildBalance(inner), 0, wxEXPAND);

    // A choice rather than tabs: three tabs do not fit the narrow member pane.
    auto* book =
        new wxChoicebook(inner, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, wxS("detail.loyaltyBook"));
    auto* ledgerPage = new wxPanel(book);
    m_ledger = new PointsLedgerList(ledgerPage, m_worker, "detail.ledger");
    m_ledger->SetMinSize(wxSize(-1, 140));
    m_breakdown = new wxTextCtrl(ledgerPage, wxID_ANY, {}, wxDefaultPosition, wxSize(-1, 78),
                                 wxTE_MULTILINE | wxTE_READONLY, wxDefaultValidator, wxS("detail.breakdown"));
    auto* ledgerSizer = new wxBoxSizer(wxVERTICAL);
    ledgerSizer->Add(m_ledger, 1, wxEXPAND);
    ledgerSizer->Add(m_breakdown, 0, wxEXPAND | wxTOP, 4);
    ledgerPage->SetSizer(ledgerSizer);
    book->AddPage(ledgerPage, _("Points ledger"));

    m_lots = new wxListCtrl(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, wxS("detail.expiringLots"));
    m_lots->AppendColumn(_("Expires"), wxLIST_FORMAT_LEFT, 90);
    m_lots->AppendColumn(_("Points left"), wxLIST_FORMAT_RIGHT, 80);
    m_lots->AppendColumn(_("Earned"), wxLIST_FORMAT_LEFT, 90);
    book->AddPage(m_lots, _("Points expiring soon"));

    m_history = new wxListCtrl(book, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, wxS("detail.tierHistory"));
    m_history->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 84);
    m_history->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, 150);
    m_history->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 120);
    m_history->AppendColumn(_("By"), wxLIST_FORMAT_LEFT, 70);
    book->AddPage(m_history, _("Tier history"));

    m_perks = new wxListCtrl(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                             wxDefaultValidator, wxS("detail.membershipVouchers"));
    m_perks->AppendColumn(_("What"), wxLIST_FORMAT_LEFT, 110);
    m_perks->AppendColumn(_("Detail"), wxLIST_FORMAT_LEFT, 170);
    m_perks->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 150);
    book->AddPage(m_perks, _("Membership & vouchers"));
    box->Add(book, 1, wxEXPAND | wxALL, 4);
    SetSizer(box);

    m_selectionSub =
        m_ledger->selected().subscribe([this](const std::optional<LedgerEntry>& e) { showBreakdown(e); });
    // The sentences wrap to the pane's width instead of running off its edge.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        const int w = std::max(140, e.GetSize().GetWidth() - 24);
        for (wxStaticText* t : {m_nextText, m_keepText, m_tierNote, m_message})
            if (!t->GetLabel().empty()) t->Wrap(w);
        e.Skip();
    });
    clear();
}

wxWindow* MemberLoyaltyPanel::buildTier(wxWindow* parent) {
    auto* panel =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, wxS("detail.tierSection"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_tier = named(panel, "detail.tier");
    m_tier->SetFont(m_tier->GetFont().Bold().Larger());
    m_tierNote = named(panel, "detail.tierNote");
    m_tierNote->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_nextText = named(panel, "detail.nextTier");
    m_nextGauge = new wxGauge(panel, wxID_ANY, 100, wxDefaultPosition, wxSize(-1, 12), wxGA_HORIZONTAL,
                              wxDefaultValidator, wxS("detail.nextGauge"));
    m_keepText = named(panel, "detail.keepTier");
    m_keepGauge = new wxGauge(panel, wxID_ANY, 100, wxDefaultPosition, wxSize(-1, 12), wxGA_HORIZONTAL,
                              wxDefaultValidator, wxS("detail.keepGauge"));
    sizer->Add(m_tier, 0, wxLEFT | wxRIGHT | wxTOP, 4);
    sizer->Add(m_tierNote, 0, wxEXPAND | wxLEFT | wxRIGHT, 4);
    sizer->Add(m_nextText, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    sizer->Add(m_nextGauge, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    sizer->Add(m_keepText, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    sizer->Add(m_keepGauge, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
    panel->SetSizer(sizer);
    return panel;
}

wxWindow* MemberLoyaltyPanel::buildBalance(wxWindow* parent) {
    auto* panel =
        new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, wxS("detail.balanceSection"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 2));
    grid->AddGrowableCol(1);
    auto value = [&](const wxString& label, const char* name) {
        grid->Add(new wxStaticText(panel, wxID_ANY, label));
        auto* v = named(panel, name);
        grid->Add(v, 1, wxEXPAND);
        return v;
    };
    m_spendable = value(_("Spendable points"), "detail.spendable");
    m_spendable->SetFont(m_spendable->GetFont().Bold());
    m_pending = value(_("Pending"), "detail.pending");
    m_expiringSoon = value(_("Expiring soon"), "detail.expiringSoon");
    m_expired = value(_("Expired"), "detail.expired");
    m_owed = value(_("Owed"), "detail.owed");
    sizer->Add(grid, 0, wxEXPAND | wxALL, 4);
    m_adjust = new wxButton(panel, wxID_ANY, _("&Adjust points…"), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, wxS("detail.adjustPoints"));
    m_adjust->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openAdjust(); });
    sizer->Add(m_adjust, 0, wxLEFT | wxBOTTOM, 4);
    panel->SetSizer(sizer);
    return panel;
}

void MemberLoyaltyPanel::clear() {
    ++m_generation;
    m_memberId = 0;
    m_card.clear();
    m_loaded.reset();
    setMessage({}, false);
    if (m_summary) m_summary->SetLabel({});
    m_tier->SetLabel({});
    m_tierNote->SetLabel({});
    m_nextText->SetLabel({});
    m_keepText->SetLabel({});
    m_nextGauge->SetValue(0);
    m_keepGauge->SetValue(0);
    for (wxStaticText* t : {m_spendable, m_pending, m_expiringSoon, m_expired, m_owed})
        t->SetLabel({});
    m_adjust->Enable(false);
    m_ledger->clear();
    m_lots->DeleteAllItems();
    m_history->DeleteAllItems();
    m_perks->DeleteAllItems();
}

void MemberLoyaltyPanel::showMember(std::int64_t id, const std::string& card) {
    clear();
    m_memberId = id;
    m_card = card;
    reload();
}

void MemberLoyaltyPanel::reload() {
    if (m_memberId == 0) return;
    const int gen = ++m_generation; // a later member (or reload) wins over this one
    setMessage(_("Loading points…"), false);
    m_worker.run(
        m_life.guard(),
        [id = m_memberId, card = m_card](Session& s) {
            Loaded l;
            const auto programme = app::currentProgramme(s.context, s.store);
            l.programme = programme.has_value();
            if (programme) {
                l.ladder = programme->ladder.tiers;
                l.approvalThreshold = programme->approvalThreshold;
            }
            l.progress = app::tierProgress(s.context, s.store, id);
            const app::MemberPoints points = app::pointsBalance(s.context, s.store, card);
            l.balance = points.balance;
            l.perks = app::membershipCard(s.context, s.store, points.member);
            l.today = s.context.today();
            const int soonDays = programme ? programme->expiry.expiringSoonDays : 30;
            const Date cutoff = s.context.today() + std::chrono::days(soonDays);
            for (const Lot& lot : l.balance.lots)
                if (lot.expiresOn && *lot.expiresOn <= cutoff && lot.remaining > 0)
                    l.expiringSoon.push_back(lot);
            l.history = app::tierHistory(s.context, s.store, card);
            return l;
        },
        [this, gen](Loaded l) {
            if (gen != m_generation) return;
            display(l);
            m_loaded = std::move(l);
        },
        [this, gen](std::exception_ptr e) {
            if (gen != m_generation) return;
            setMessage(describeError(e, _("The points could not be loaded.")).headline, true);
            Layout();
        });
    m_ledger->showMember(m_memberId);
}

void MemberLoyaltyPanel::setMessage(const wxString& text, bool error) {
    m_message->SetForegroundColour(error ? kErrorColour : GetForegroundColour());
    m_message->SetLabel(text);
    m_message->Show(!text.empty()); // no empty line above the tier
}

void MemberLoyaltyPanel::display(const Loaded& l) {
    setMessage(l.programme ? wxString() : _("No loyalty programme is set up yet."), false);
    showTier(l);
    const Balance& b = l.balance;
    m_spendable->SetLabel(formatCount(b.spendable));
    m_pending->SetLabel(formatCount(b.pending));
    m_expiringSoon->SetLabel(b.expiringSoon > 0 && b.nextExpiry
                                 ? wxString::Format(_("%s (first on %s)"), formatCount(b.expiringSoon),
                                                    formatDateText(*b.nextExpiry))
                                 : formatCount(b.expiringSoon));
    m_expired->SetLabel(formatCount(b.expired));
    m_owed->SetLabel(formatCount(b.owed));
    m_owed->SetForegroundColour(b.owed > 0 ? kErrorColour : GetForegroundColour());
    m_adjust->Enable(l.programme);
    showLots(l);
    showHistory(l);
    showPerks(l);
    if (m_summary) {
        m_summary->SetLabel(summaryText(l));
        m_summary->Wrap(std::max(140, m_summary->GetParent()->GetClientSize().GetWidth() - 28));
    }
    // This panel may be hidden (purchases shown) and narrow; the pane's width is what it will have.
    const int w = std::max(140, GetParent()->GetClientSize().GetWidth() - 48);
    for (wxStaticText* t : {m_nextText, m_keepText, m_tierNote, m_message})
        if (!t->GetLabel().empty()) t->Wrap(w);
    Layout();
    if (GetParent()) GetParent()->Layout();
}

void MemberLoyaltyPanel::showTier(const Loaded& l) {
    if (!l.progress || !l.progress->tier) {
        m_tier->SetLabel(l.programme ? _("No tier") : wxString());
        return;
    }
    const app::TierProgress& p = *l.progress;
    m_tier->SetLabel(tierName(*p.tier));
    wxString note;
    if (p.overrideUntil) note = wxString::Format(_("Set by hand until %s"), formatDateText(*p.overrideUntil));
    if (p.graceUntil) {
        if (!note.empty()) note += wxS("; ");
        note += wxString::Format(_("In grace until %s (retention not met)"), formatDateText(*p.graceUntil));
    }
    m_tierNote->SetLabel(note);
    m_tierNote->Show(!note.empty());
    const wxString next = nextTierSentence(p);
    m_nextText->SetLabel(next.empty() ? _("Top tier") : next.Left(1).Upper() + next.Mid(1));
    m_nextGauge->SetValue(nextTierPercent(p));
    // The base tier cannot be lost: no "to keep" line for it.
    const bool canDrop = p.tier->rank > 0 && !p.overrideUntil;
    const wxString keep = canDrop ? keepTierSentence(p) : wxString();
    m_keepText->SetLabel(keep.Left(1).Upper() + keep.Mid(1));
    m_keepText->Show(canDrop);
    m_keepGauge->Show(canDrop);
    m_keepGauge->SetValue(keepTierPercent(p));
}

void MemberLoyaltyPanel::showLots(const Loaded& l) {
    m_lots->DeleteAllItems();
    for (const Lot& lot : l.expiringSoon) {
        const long row = m_lots->InsertItem(m_lots->GetItemCount(), formatDateText(*lot.expiresOn));
        m_lots->SetItem(row, 1, formatCount(lot.remaining));
        m_lots->SetItem(row, 2, formatDateText(lot.earnedOn));
    }
}

// Paid membership (plan, paid through, status), the referral code and who referred the member, then the
// newest vouchers with their value and state today.
void MemberLoyaltyPanel::showPerks(const Loaded& l) {
    m_perks->DeleteAllItems();
    if (!l.perks) return;
    const auto add = [&](const wxString& what, const wxString& detail, const wxString& status) {
        const long row = m_perks->InsertItem(m_perks->GetItemCount(), what);
        m_perks->SetItem(row, 1, detail);
        m_perks->SetItem(row, 2, status);
    };
    const app::MembershipStatus& ms = l.perks->status;
    if (const auto& term = ms.standing.current) {
        wxString plan = fromUtf8(term->planCode);
        if (ms.plan) plan = fromUtf8(ms.plan->nameZh + " " + ms.plan->nameEn);
        wxString status = fromUtf8(membership::toCode(ms.standing.status));
        if (ms.standing.paidThrough)
            status +=
                wxS(", ") + wxString::Format(_("paid through %s"), formatDateText(*ms.standing.paidThrough));
        add(_("Paid membership"), plan, status);
    } else {
        add(_("Paid membership"), _("none"), {});
    }
    if (l.perks->referralCode) add(_("Referral code"), fromUtf8(*l.perks->referralCode), {});
    if (l.perks->referredBy) add(_("Referred by"), fromUtf8(*l.perks->referredBy), {});
    const Date today = l.today;
    for (const membership::Voucher& v : l.perks->vouchers) {
        const wxString value = wxS("¥") + fromUtf8(Money(v.valueMinor, "CNY").toDecimalString());
        add(_("Voucher ") + fromUtf8(v.code), value + wxS(" (") + fromUtf8(v.source) + wxS(")"),
            fromUtf8(v.statusOn(today)) + wxS(", ") +
                wxString::Format(_("valid until %s"), formatDateText(v.validUntil)));
    }
}

void MemberLoyaltyPanel::showHistory(const Loaded& l) {
    m_history->DeleteAllItems();
    for (const TierChange& c : l.history) {
        const long row = m_history->InsertItem(m_history->GetItemCount(), formatDateText(c.changedOn));
        const wxString from = c.fromTier.empty() ? wxS("—") : codeName(l.ladder, c.fromTier);
        m_history->SetItem(row, 1, from + wxS(" → ") + codeName(l.ladder, c.toTier));
        wxString reason = fromUtf8(c.reason);
        if (!c.rule.empty()) reason += wxS(" (") + fromUtf8(c.rule) + wxS(")");
        if (!c.note.empty()) reason += wxS(" — ") + fromUtf8(c.note);
        m_history->SetItem(row, 2, reason);
        m_history->SetItem(row, 3, fromUtf8(c.actor));
    }
}

void MemberLoyaltyPanel::showBreakdown(const std::optional<LedgerEntry>& e) {
    if (!e) {
        m_breakdown->ChangeValue({});
        return;
    }
    if (e->breakdown && !e->breakdown->empty()) {
        m_breakdown->ChangeValue(breakdownText(*e->breakdown));
        return;
    }
    wxString text = wxString::Format(_("%s %s points on %s"), entryKindText(e->kind), formatCount(e->points),
                                     formatDateText(e->localDate));
    if (!e->reason.empty()) text += wxS("\n") + _("Reason: ") + fromUtf8(e->reason);
    if (!e->note.empty()) text += wxS("\n") + _("Note: ") + fromUtf8(e->note);
    if (!e->actor.empty()) text += wxS("\n") + _("By: ") + fromUtf8(e->actor);
    m_breakdown->ChangeValue(text);
}

void MemberLoyaltyPanel::openAdjust() {
    if (!m_loaded || m_card.empty()) return;
    // Modeless: the member stays readable behind it; the figures reload after each posting.
    auto* dlg =
        new AdjustPointsDialog(this, m_worker, m_card, m_loaded->balance.spendable,
                               m_loaded->approvalThreshold, [this, guard = m_life.guard(), id = m_memberId] {
                                   if (guard.expired()) return;
                                   m_pointsChanged.publish(id);
                                   if (id == m_memberId) reload();
                               });
    dlg->Show();
}

} // namespace md::gui
