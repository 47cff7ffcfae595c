#include "gui/member_purchases_panel.h"

#include "gui/ui_helpers.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>

namespace md::gui {

MemberPurchasesPanel::MemberPurchasesPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("detail.purchases")) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, _("Purchases"));
    wxWindow* boxWindow = box->GetStaticBox();
    auto* grid = new wxFlexGridSizer(2, wxSize(8, 4));
    auto value = [&](const wxString& label, const char* name) {
        grid->Add(new wxStaticText(boxWindow, wxID_ANY, label));
        auto* v = new wxStaticText(boxWindow, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, name);
        grid->Add(v);
        return v;
    };
    m_orders = value(_("Orders"), "detail.orders");
    m_revenue = value(_("Revenue"), "detail.revenue");
    m_firstPurchase = value(_("First purchase"), "detail.firstPurchase");
    m_lastPurchase = value(_("Last purchase"), "detail.lastPurchase");
    box->Add(grid, 0, wxALL, 4);

    // At most 20 rows: an ordinary (non-virtual) list is right here.
    m_recent = new wxListCtrl(boxWindow, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, wxS("detail.recent"));
    m_recent->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 132);
    m_recent->AppendColumn(_("Store"), wxLIST_FORMAT_LEFT, 58);
    m_recent->AppendColumn(_("Channel"), wxLIST_FORMAT_LEFT, 58);
    m_recent->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, 72);
    box->Add(new wxStaticText(boxWindow, wxID_ANY, _("Recent transactions")), 0, wxLEFT | wxTOP, 4);
    // Grows with the pane (no fixed box inside the scrolled pane); a few rows at the least.
    m_recent->SetMinSize(wxSize(-1, 110));
    box->Add(m_recent, 1, wxEXPAND | wxALL, 4);
    m_recent->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        // The columns share the list's width, the date the most.
        const int w = e.GetSize().GetWidth() - 8;
        if (w > 160) {
            const int date =
                std::max(w * 40 / 100, m_recent->GetTextExtent(wxS("2024-12-31 23:59")).GetWidth() + 12);
            const int rest = std::max(0, w - date);
            m_recent->SetColumnWidth(0, date);
            m_recent->SetColumnWidth(1, rest * 28 / 100);
            m_recent->SetColumnWidth(2, rest * 34 / 100);
            m_recent->SetColumnWidth(3, rest * 38 / 100);
        }
        e.Skip();
    });
    SetSizer(box);
}

void MemberPurchasesPanel::show(const MemberTotals& totals, const std::vector<Transaction>& recent) {
    const wxString none = wxS("—");
    m_orders->SetLabel(formatCount(totals.orders));
    m_revenue->SetLabel(fromUtf8(totals.revenue.format()));
    m_firstPurchase->SetLabel(totals.firstPurchase ? formatLocalTime(totals.firstPurchase) : none);
    m_lastPurchase->SetLabel(totals.lastPurchase ? formatLocalTime(totals.lastPurchase) : none);
    m_recent->DeleteAllItems();
    for (const Transaction& t : recent) {
        const long row = m_recent->InsertItem(m_recent->GetItemCount(), formatLocalTime(t.occurredAt));
        m_recent->SetItem(row, 1, fromUtf8(t.storeCode));
        m_recent->SetItem(row, 2, fromUtf8(toCode(t.channel)));
        const wxString amount = fromUtf8(t.amount.format());
        m_recent->SetItem(row, 3, t.kind == TransactionKind::Refund ? wxS("−") + amount : amount);
    }
}

} // namespace md::gui
