#pragma once
// The member detail pane: profile, consent per channel, purchase totals and recent transactions of
// the selected member; name, phone, email and consent are editable and saved on the worker with an
// optimistic version check.
#include "domain/member.h"
#include "domain/observer.h"
#include "domain/store.h"
#include "domain/transaction.h"
#include "gui/db_worker.h"
#include "gui/member_edit.h"

#include <wx/scrolwin.h>

#include <cstdint>
#include <optional>
#include <vector>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;
class wxButton;
class wxSizer;
class wxRadioButton;

namespace md::gui {

class MemberLoyaltyPanel;
class MemberPurchasesPanel;

class MemberDetailPanel : public wxScrolledWindow {
public:
    MemberDetailPanel(wxWindow* parent, DbWorker& worker);

    /// Loads and shows a member (on the worker); replaces whatever is shown, edits included.
    void showMember(std::int64_t id);
    std::optional<std::int64_t> memberId() const;
    /// Shows nothing (no member is selected); a load still on its way is dropped.
    void clear();
    /// True when the form holds edits that are not saved (and no save is running).
    bool hasUnsavedEdits() const;
    /// As the Save button. False when nothing could be sent: the fields are invalid (the reasons are
    /// shown next to them) or a save is already running.
    bool saveEdits();

    /// Announces the id of a member whose stored values changed — saved here, or found changed by
    /// someone else when a save conflicted — so lists can show the new values.
    Publisher<std::int64_t>& changed() { return m_changed; }

    /// The full member record the last load or save returned (for tests and the conflict message).
    const std::optional<Member>& member() const { return m_member; }
    MemberLoyaltyPanel& loyalty() { return *m_loyalty; }
    /// Shows the loyalty details (tier progress, ledger, history) instead of the purchases, or back.
    void showLoyaltyDetails(bool on);

private:
    struct Loaded {
        Member member;
        MemberTotals totals;
        std::vector<Transaction> recent;
        std::optional<Store> store;
    };
    struct SaveOutcome {
        std::optional<Member> saved;  ///< set on success (version bumped)
        std::optional<Member> yours;  ///< set on conflict: what we tried to save
        std::optional<Member> theirs; ///< set on conflict: what is stored now (nullopt: deleted)
    };

    void buildProfile(wxSizer* sizer);
    void buildConsentAndButtons(wxSizer* sizer);
    void showSections(bool show);
    void showLowerView();
    /// Status of loading/saving: under the buttons, or in place of the sections while none is shown.
    void setMessage(const wxString& text);
    void display(const Loaded& loaded);
    void showEditable(const Member& m);
    void showConsent(wxStaticText* label, const Consent& c);
    void clearFieldErrors();
    void updateButtons();
    MemberEdits readEdits() const;
    void enableEditing(bool on);

    bool onSave();
    void onSaved(SaveOutcome outcome);

    DbWorker& m_worker;
    Lifeline m_life;
    int m_loadGeneration = 0;
    bool m_saving = false;
    std::optional<Member> m_member;
    Publisher<std::int64_t> m_changed;
    Publisher<std::int64_t>::Subscription m_pointsSub;

    wxStaticText* m_placeholder = nullptr;
    wxStaticText *m_card = nullptr, *m_birthday = nullptr, *m_gender = nullptr, *m_joined = nullptr,
                 *m_store = nullptr, *m_status = nullptr;
    wxTextCtrl *m_name = nullptr, *m_phone = nullptr, *m_email = nullptr;
    wxStaticText *m_nameError = nullptr, *m_phoneError = nullptr, *m_emailError = nullptr,
                 *m_formMessage = nullptr;
    wxCheckBox *m_emailConsent = nullptr, *m_smsConsent = nullptr;
    wxStaticText *m_emailConsentInfo = nullptr, *m_smsConsentInfo = nullptr;
    wxButton *m_save = nullptr, *m_revert = nullptr;
    wxStaticText* m_otherVersion = nullptr; ///< after a conflict: what the other person saved
    MemberLoyaltyPanel* m_loyalty = nullptr;
    wxStaticText* m_loyaltySummary = nullptr;
    wxRadioButton *m_viewPurchases = nullptr, *m_viewLoyalty = nullptr;
    MemberPurchasesPanel* m_purchases = nullptr;
};

} // namespace md::gui
