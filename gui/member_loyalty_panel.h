#pragma once
// The loyalty section of the member detail pane: tier badge (override and grace shown), progress to
// the next tier and to keeping this one, the points balance, lots expiring soon, the ledger (virtual,
// paged; an earn row shows how its points were computed) and the tier history. Loaded on the worker
// whenever the selected member changes; a result for a member no longer shown is dropped.
#include "app/membership.h"
#include "app/tiers.h"
#include "domain/loyalty/ledger.h"
#include "domain/loyalty/loyalty_repository.h"
#include "domain/observer.h"
#include "gui/db_worker.h"

#include <wx/panel.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxGauge;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace md::gui {

class PointsLedgerList;

class MemberLoyaltyPanel : public wxPanel {
public:
    MemberLoyaltyPanel(wxWindow* parent, DbWorker& worker);

    /// Loads and shows this member's loyalty figures (the card is what the use cases look up by).
    void showMember(std::int64_t id, const std::string& card);
    /// Loads the figures of the member shown again (after an adjustment).
    void reload();
    void clear();
    std::int64_t memberId() const { return m_memberId; }
    /// A label elsewhere (the detail pane's top) that gets the one-line summary: tier and points.
    void setSummaryLabel(wxStaticText* label) { m_summary = label; }

    /// Everything one load brings back.
    struct Loaded {
        std::optional<app::TierProgress> progress;
        loyalty::Balance balance;
        std::vector<loyalty::Lot> expiringSoon;
        std::vector<loyalty::TierChange> history;
        std::vector<loyalty::Tier> ladder;        ///< to name the tiers in the history
        std::optional<app::MembershipCard> perks; ///< paid membership, referral code, vouchers
        Date today{};                             ///< the programme's today when loaded
        bool programme = false;
        std::int64_t approvalThreshold = 0;
    };
    const std::optional<Loaded>& loaded() const { return m_loaded; }
    PointsLedgerList& ledger() { return *m_ledger; }
    /// Announces the id of a member whose points an adjustment here changed (lists show points too).
    Publisher<std::int64_t>& pointsChanged() { return m_pointsChanged; }

private:
    wxWindow* buildTier(wxWindow* parent);
    void showPerks(const Loaded& l);
    wxWindow* buildBalance(wxWindow* parent);
    void setMessage(const wxString& text, bool error);
    void display(const Loaded& l);
    void showTier(const Loaded& l);
    void showLots(const Loaded& l);
    void showHistory(const Loaded& l);
    void showBreakdown(const std::optional<loyalty::LedgerEntry>& e);
    void openAdjust();

    DbWorker& m_worker;
    Lifeline m_life;
    int m_generation = 0;
    std::int64_t m_memberId = 0;
    std::string m_card;
    std::optional<Loaded> m_loaded;

    wxStaticText* m_summary = nullptr;
    wxStaticText *m_message = nullptr, *m_tier = nullptr, *m_tierNote = nullptr;
    wxGauge *m_nextGauge = nullptr, *m_keepGauge = nullptr;
    wxStaticText *m_nextText = nullptr, *m_keepText = nullptr;
    wxStaticText *m_spendable = nullptr, *m_pending = nullptr, *m_expiringSoon = nullptr,
                 *m_expired = nullptr, *m_owed = nullptr;
    wxButton* m_adjust = nullptr;
    PointsLedgerList* m_ledger = nullptr;
    wxTextCtrl* m_breakdown = nullptr;
    wxListCtrl *m_lots = nullptr, *m_history = nullptr, *m_perks = nullptr;
    Publisher<std::optional<loyalty::LedgerEntry>>::Subscription m_selectionSub;
    Publisher<std::int64_t> m_pointsChanged;
};

} // namespace md::gui
