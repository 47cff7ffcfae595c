#include "gui/member_list_ctrl.h"

#include "domain/phone_number.h"
#include "gui/startup_probe.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

#include <algorithm>
#include <string>
#include <tuple>

namespace md::gui {

namespace {
struct Column {
    const char* title;
    int width;
    bool numeric;
};
// Explicit widths: nothing is ever measured across rows.
const Column kColumns[MemberListCtrl::kColumnCount] = {
    {wxTRANSLATE("Card no."), 102, false}, {wxTRANSLATE("Name"), 80, false},
    {wxTRANSLATE("Phone"), 112, false},    {wxTRANSLATE("Store"), 54, false},
    {wxTRANSLATE("Joined"), 82, false},    {wxTRANSLATE("Last purchase"), 100, false},
    {wxTRANSLATE("Orders"), 52, true},     {wxTRANSLATE("Revenue"), 92, true},
    {wxTRANSLATE("Tier"), 132, false},     {wxTRANSLATE("Points"), 64, true},
};

wxString phoneText(const std::string& e164) {
    if (e164.empty()) return {};
    auto phone = PhoneNumber::parse(e164);
    return fromUtf8(phone ? phone.value().display() : e164);
}

std::tuple<std::string, std::int64_t> sortKey(int column, const MemberRow& r) {
    using Key = std::tuple<std::string, std::int64_t>;
    switch (column) {
    case 0:
        return Key(r.card, 0);
    case 1:
        return Key(r.name, 0);
    case 2:
        return Key(r.phone, 0);
    case 3:
        return Key(r.store, 0);
    case 4:
        return Key(std::string(), r.joinDate.time_since_epoch().count());
    case 5:
        return Key(std::string(), r.lastPurchase ? r.lastPurchase->time_since_epoch().count() : -1);
    case 6:
        return Key(std::string(), r.orders);
    case 8:
        return Key(std::string(), r.tierRank);
    case 9:
        return Key(std::string(), r.points);
    default:
        return Key(std::string(), r.revenueMinor);
    }
}
} // namespace

MemberListCtrl::MemberListCtrl(wxWindow* parent, RowSource rows)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES, wxDefaultValidator,
                 wxS("browser.list")),
      m_rows(std::move(rows)) {
    for (const Column& c : kColumns)
        AppendColumn(wxGetTranslation(c.title), c.numeric ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT,
                     c.width);
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        fitColumns(e.GetSize().GetWidth());
        e.Skip();
    });
}

void MemberListCtrl::fitColumns(int width) {
    // Each column is at least as wide as its header and a typical value in this font (nothing cut
    // off); what is left of the window's width is shared out, the name getting the largest share
    // (names vary most), so a wide screen has no half-empty list. Explicit widths still: nothing is
    // ever measured across rows.
    static const char* const kSamples[kColumnCount] = {
        "MD00000000", "欧阳娜娜娜", "188 8888 8888", "SH001",     "2024-12-31",
        "2024-12-31", "9,999",      "¥88,888.88",    "金卡 Gold", "88,888"};
    static const int kWeights[kColumnCount] = {1, 4, 1, 1, 1, 1, 1, 1, 1, 1};
    int minimum[kColumnCount];
    int total = 0, weights = 0;
    for (int i = 0; i < kColumnCount; ++i) {
        const int text = std::max(GetTextExtent(fromUtf8(kSamples[i])).GetWidth(),
                                  GetTextExtent(wxGetTranslation(kColumns[i].title)).GetWidth());
        minimum[i] = text + 14; // cell padding
        total += minimum[i];
        weights += kWeights[i];
    }
    const int available = width - 24; // the vertical scroll bar
    // A narrow window (1024×768 with the member pane open) drops the columns an agent needs least
    // rather than pushing Orders and Revenue off-screen; they come back when there is room.
    bool shown[kColumnCount];
    std::fill(std::begin(shown), std::end(shown), true);
    for (int dropped : {4 /* Joined */, 3 /* Store */, 8 /* Tier */, 9 /* Points */}) {
        if (total <= available) break;
        shown[dropped] = false;
        total -= minimum[dropped];
        weights -= kWeights[dropped];
    }
    const int extra = std::max(0, available - total);
    for (int i = 0; i < kColumnCount; ++i)
        SetColumnWidth(i, shown[i] ? minimum[i] + extra * kWeights[i] / weights : 0);
}

wxString MemberListCtrl::OnGetItemText(long item, long column) const {
    const MemberRow* row = m_rows(item);
    if (!row) return column == 0 ? wxString(wxS("…")) : wxString();
    startup_probe::firstRowPainted();
    switch (column) {
    case 0:
        return fromUtf8(row->card);
    case 1:
        return fromUtf8(row->name);
    case 2:
        return phoneText(row->phone);
    case 3:
        return fromUtf8(row->store);
    case 4:
        return formatDateText(row->joinDate);
    case 5:
        return formatLocalTime(row->lastPurchase, true);
    case 6:
        return formatCount(row->orders);
    case 7:
        return formatRevenue(row->revenueMinor);
    case 8: {
        const auto name = m_tierNames.find(row->tier);
        return name != m_tierNames.end() ? name->second : fromUtf8(row->tier);
    }
    case 9:
        return formatCount(row->points);
    default:
        return {};
    }
}

void MemberListCtrl::setTierNames(std::map<std::string, wxString> names) {
    m_tierNames = std::move(names);
    Refresh();
}

bool memberRowLess(int column, const MemberRow& a, const MemberRow& b) {
    auto ka = sortKey(column, a), kb = sortKey(column, b);
    return ka != kb ? ka < kb : a.id < b.id;
}

} // namespace md::gui
