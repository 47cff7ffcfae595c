#include "gui/whatif_chart.h"

#include "gui/ui_helpers.h"

#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <vector>

namespace md::gui {

namespace {
const wxColour kNow(0x8C, 0x9E, 0xB5);
const wxColour kProposed(0x2E, 0x7D, 0x32);

struct Bars {
    wxString label;
    std::int64_t now = 0, proposed = 0;
};

/// Pairs of bars (now, proposed) over labels, scaled to the largest value, in `area`.
void drawPairs(wxDC& dc, const wxRect& area, const wxString& title, const std::vector<Bars>& bars) {
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
    dc.DrawText(title, area.x, area.y);
    const int top = area.y + dc.GetCharHeight() + 4;
    const int labelHeight = dc.GetCharHeight() + 4;
    const int plotHeight = area.height - (top - area.y) - labelHeight;
    if (bars.empty() || plotHeight < 10) return;
    std::int64_t most = 1;
    for (const Bars& b : bars)
        most = std::max({most, b.now, b.proposed});
    const int slot = std::max(6, area.width / static_cast<int>(bars.size()));
    const int bar = std::max(2, slot * 35 / 100);
    const int base = top + plotHeight;
    dc.SetPen(*wxTRANSPARENT_PEN);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const int x = area.x + static_cast<int>(i) * slot + (slot - 2 * bar) / 2;
        const auto height = [&](std::int64_t v) {
            return static_cast<int>(static_cast<double>(std::max<std::int64_t>(0, v)) / most * plotHeight);
        };
        dc.SetBrush(wxBrush(kNow));
        dc.DrawRectangle(x, base - height(bars[i].now), bar, height(bars[i].now));
        dc.SetBrush(wxBrush(kProposed));
        dc.DrawRectangle(x + bar, base - height(bars[i].proposed), bar, height(bars[i].proposed));
        // Labels only where they fit (twelve months in a narrow window: every other one).
        const wxSize text = dc.GetTextExtent(bars[i].label);
        const std::size_t every = static_cast<std::size_t>(std::max(1, (text.GetWidth() + 6) / slot + 1));
        if (i % every == 0) dc.DrawText(bars[i].label, x + bar - text.GetWidth() / 2, base + 2);
    }
    dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)));
    dc.DrawLine(area.x, base, area.x + area.width, base);
}
} // namespace

WhatIfChart::WhatIfChart(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(520, 300), wxFULL_REPAINT_ON_RESIZE,
              wxS("whatif.chart")) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { onPaint(); });
}

void WhatIfChart::show(const app::WhatIfReport& r) {
    m_report = r;
    Refresh();
}

void WhatIfChart::onPaint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    if (!m_report) return;
    const wxSize size = GetClientSize();
    // Legend.
    dc.SetFont(GetFont());
    int x = 8;
    for (const auto& [colour, text] : {std::pair{kNow, _("now")}, std::pair{kProposed, _("proposed")}}) {
        dc.SetBrush(wxBrush(colour));
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.DrawRectangle(x, 6, 12, 12);
        dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT));
        dc.DrawText(text, x + 16, 4);
        x += 24 + dc.GetTextExtent(text).GetWidth();
    }
    std::vector<Bars> tiers, months;
    for (const app::WhatIfTier& t : m_report->tiers)
        tiers.push_back({fromUtf8(t.nameZh.empty() ? t.code : t.nameZh), t.membersNow, t.membersProposed});
    for (const app::WhatIfMonth& m : m_report->months)
        months.push_back(
            {fromUtf8(m.month.size() > 5 ? m.month.substr(2) : m.month), m.currentPoints, m.proposedPoints});
    const int half = (size.GetHeight() - 24) / 2;
    drawPairs(dc, wxRect(8, 24, size.GetWidth() - 16, half - 6), _("Members per tier"), tiers);
    drawPairs(dc, wxRect(8, 24 + half, size.GetWidth() - 16, half - 6), _("Points per month"), months);
}

} // namespace md::gui
