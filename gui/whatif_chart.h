#pragma once
// A small bar chart drawn with wxDC: members per tier now and under the proposal, side by side, and
// underneath the points per month under the current and the proposed rules. Nothing to measure or
// scroll; it redraws to whatever size it is given.
#include "app/whatif.h"

#include <wx/panel.h>

#include <optional>

namespace md::gui {

class WhatIfChart : public wxPanel {
public:
    explicit WhatIfChart(wxWindow* parent);
    void show(const app::WhatIfReport& r);

private:
    void onPaint();
    std::optional<app::WhatIfReport> m_report;
};

} // namespace md::gui
