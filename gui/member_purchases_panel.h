#pragma once
// The purchases section of the member detail pane: totals (refunds netted) and the latest
// transactions. Display only; the detail pane loads the data with the member.
#include "domain/member.h"
#include "domain/transaction.h"

#include <wx/panel.h>

#include <vector>

class wxListCtrl;
class wxStaticText;

namespace md::gui {

class MemberPurchasesPanel : public wxPanel {
public:
    explicit MemberPurchasesPanel(wxWindow* parent);
    /// Instants are shown in local time; money with Money::format.
    void show(const MemberTotals& totals, const std::vector<Transaction>& recent);

private:
    wxStaticText *m_orders = nullptr, *m_revenue = nullptr, *m_firstPurchase = nullptr,
                 *m_lastPurchase = nullptr;
    wxListCtrl* m_recent = nullptr;
};

} // namespace md::gui
