#pragma once
// "What if…": tries an edited programme over a past period (app::whatIfProgramme) and shows what it
// would have changed — orders, points now vs proposed, members moving up and down, a per-tier table —
// with a chart of both (WhatIfChart). The run is a JobDialog job (own thread and store, progress,
// Cancel); nothing is stored either way.
#include "app/whatif.h"
#include "domain/loyalty/programme.h"
#include "gui/db_worker.h"

#include <wx/dialog.h>

#include <optional>

class wxButton;
class wxDatePickerCtrl;
class wxListCtrl;
class wxStaticText;

namespace md::gui {

class JobDialog;
class WhatIfChart;

class WhatIfDialog : public wxDialog {
public:
    WhatIfDialog(wxWindow* parent, StoreFactory openStore, loyalty::Programme proposed);

    /// As the Run button: starts the job over the chosen period; returns its progress window.
    JobDialog* run();
    const std::optional<app::WhatIfReport>& report() const { return m_report; }

private:
    void showReport(const app::WhatIfReport& r);

    StoreFactory m_openStore;
    loyalty::Programme m_proposed;
    Lifeline m_life;
    std::optional<app::WhatIfReport> m_report;

    wxDatePickerCtrl *m_from = nullptr, *m_to = nullptr;
    wxButton* m_run = nullptr;
    wxStaticText *m_orders = nullptr, *m_points = nullptr, *m_members = nullptr;
    wxListCtrl* m_tiers = nullptr;
    WhatIfChart* m_chart = nullptr;
};

} // namespace md::gui
