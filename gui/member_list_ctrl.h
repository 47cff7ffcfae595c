#pragma once
// The virtual list control of the member browser: wx asks for cell text only for the rows it paints,
// so a million members cost nothing per row. It formats rows; where they come from is the panel's
// business (a page cache or search results), passed in as a row source.
#include "domain/member.h"

#include <wx/listctrl.h>

#include <functional>
#include <map>
#include <string>

namespace md::gui {

class MemberListCtrl : public wxListCtrl {
public:
    /// The row shown at an index, or nullptr while it is being fetched.
    using RowSource = std::function<const MemberRow*(long item)>;

    /// Columns: card no., name, phone, store, joined, last purchase, orders, revenue, tier, points —
    /// the order of SortColumn, so a column index is a sort column.
    static constexpr int kColumnCount = 10;

    MemberListCtrl(wxWindow* parent, RowSource rows);
    /// Shares `width` among the columns (called on every resize).
    void fitColumns(int width);
    /// How tier codes are shown ("GOLD" -> "金卡 Gold"), from the programme in force; codes not in it
    /// are shown as they are.
    void setTierNames(std::map<std::string, wxString> names);

protected:
    // wx declares this const, but serving a cell may fill the page cache or request a page.
    wxString OnGetItemText(long item, long column) const override;

private:
    RowSource m_rows;
    std::map<std::string, wxString> m_tierNames;
};

/// Orders rows by a list column, ties by id: sorting search results in memory.
bool memberRowLess(int column, const MemberRow& a, const MemberRow& b);

} // namespace md::gui
