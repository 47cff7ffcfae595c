#pragma once
// The Programme pane: the loyalty programme in force (app::currentProgramme) — scalars, tier ladder,
// benefits and earning rules — editable; "Validate" lists every problem next to its field (the table
// row's cell turns red and a red line under the table names the row and column), "Save as new version"
// stores it (app::saveProgramme) only when it is valid, and "What if…" tries the edited programme over
// a past period (WhatIfDialog). All database work runs on the worker.
#include "domain/loyalty/programme.h"
#include "domain/observer.h"
#include "gui/db_worker.h"
#include "gui/programme_tables.h"

#include <wx/scrolwin.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxDatePickerCtrl;
class wxGrid;
class wxStaticText;

namespace md::gui {

class ProgrammeScalars;

class ProgrammePanel : public wxScrolledWindow {
public:
    ProgrammePanel(wxWindow* parent, DbWorker& worker, StoreFactory openStore);

    /// Loads the programme in force (on the worker) and shows it; edits not saved are dropped.
    void load();
    /// The edited programme, or the problems that stop it being read (cells that are not values).
    loyalty::Programme edited(std::vector<loyalty::ProgrammeProblem>& problems) const;
    /// As the Validate button: shows the problems next to their fields; true when there are none.
    bool validate();
    /// As the Save button: validates, then stores on the worker. False when nothing was sent.
    bool save();
    /// As the What if… button.
    void whatIf();

    const std::optional<loyalty::Programme>& shown() const { return m_shown; }
    /// Announces the number of each version stored here (tier names and thresholds may have changed).
    Publisher<std::int64_t>& saved() { return m_saved; }
    wxGrid& grid(ProgrammeTable t) const;

private:
    wxSizer* buildTable(ProgrammeTable t, const wxString& title);
    void show(const loyalty::Programme& p);
    void fillGrid(ProgrammeTable t, const std::vector<Row>& rows);
    std::vector<Row> gridRows(ProgrammeTable t) const;
    void showProblems(const std::vector<loyalty::ProgrammeProblem>& problems);
    void clearProblems();
    void setStatus(const wxString& text, bool error);

    DbWorker& m_worker;
    StoreFactory m_openStore;
    Lifeline m_life;
    int m_generation = 0;
    bool m_saving = false;
    std::optional<loyalty::Programme> m_shown;
    wxString m_statusAfterLoad;
    Publisher<std::int64_t> m_saved;
    Date m_today{};

    wxStaticText *m_header = nullptr, *m_status = nullptr;
    ProgrammeScalars* m_scalars = nullptr;
    std::map<ProgrammeTable, wxGrid*> m_grids;
    std::map<ProgrammeTable, wxStaticText*> m_problems;
    wxButton *m_validate = nullptr, *m_save = nullptr, *m_whatIf = nullptr;
};

} // namespace md::gui
