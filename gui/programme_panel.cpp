#include "gui/programme_panel.h"

#include "app/programme.h"
#include "gui/programme_scalars.h"
#include "gui/ui_helpers.h"
#include "gui/whatif_dialog.h"

#include <wx/button.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <algorithm>
#include <set>
#include <utility>

namespace md::gui {

using namespace loyalty;

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);
const wxColour kErrorBackground(0xFF, 0xD6, 0xD6);
constexpr ProgrammeTable kTables[] = {ProgrammeTable::Tiers, ProgrammeTable::Benefits, ProgrammeTable::Rules};

const char* gridName(ProgrammeTable t) {
    switch (t) {
    case ProgrammeTable::Tiers:
        return "programme.tiers";
    case ProgrammeTable::Benefits:
        return "programme.benefits";
    case ProgrammeTable::Rules:
        return "programme.rules";
    }
    return "";
}

/// "Row 3 (SILVER), Entry spend ¥: ..." — rows count from 1 as people count them.
wxString problemLine(ProgrammeTable t, const ProblemPlace& at, const wxGrid& grid,
                     const ProgrammeProblem& p) {
    wxString where;
    if (at.row >= 0) {
        where = wxString::Format(_("Row %d"), at.row + 1);
        const int codeColumn = t == ProgrammeTable::Rules ? 1 : (t == ProgrammeTable::Tiers ? 1 : 0);
        if (at.row < grid.GetNumberRows() && !grid.GetCellValue(at.row, codeColumn).empty())
            where += wxS(" (") + grid.GetCellValue(at.row, codeColumn) + wxS(")");
        if (at.column >= 0) where += wxS(", ") + tableColumns(t)[static_cast<std::size_t>(at.column)].title;
    } else {
        where = _("Table");
    }
    return where + wxS(": ") + fromUtf8(p.message);
}
} // namespace

ProgrammePanel::ProgrammePanel(wxWindow* parent, DbWorker& worker, StoreFactory openStore)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxTAB_TRAVERSAL, wxS("programme")),
      m_worker(worker), m_openStore(std::move(openStore)) {
    SetScrollRate(12, 12);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_header =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("programme.header"));
    m_header->SetFont(m_header->GetFont().Bold());
    sizer->Add(m_header, 0, wxALL, 8);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto button = [&](const wxString& label, const char* name) {
        auto* b = new wxButton(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator,
                               name);
        buttons->Add(b, 0, wxRIGHT, 6);
        return b;
    };
    m_validate = button(_("&Validate"), "programme.validate");
    m_save = button(_("&Save as new version"), "programme.save");
    m_whatIf = button(_("What &if…"), "programme.whatif");
    auto* reload = button(_("&Reload"), "programme.reload");
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT, 8);
    m_status =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("programme.status"));
    sizer->Add(m_status, 0, wxEXPAND | wxALL, 8);

    m_scalars = new ProgrammeScalars(this);
    sizer->Add(m_scalars, 0, wxLEFT | wxRIGHT, 8);
    sizer->Add(buildTable(ProgrammeTable::Tiers, _("Tier ladder")), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP,
               8);
    sizer->Add(buildTable(ProgrammeTable::Rules, _("Earning rules")), 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP,
               8);
    sizer->Add(buildTable(ProgrammeTable::Benefits, _("Benefits")), 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);

    m_validate->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { validate(); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    m_whatIf->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { whatIf(); });
    reload->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(); });
    for (wxButton* b : {m_validate, m_save, m_whatIf})
        b->Enable(false);
}

wxSizer* ProgrammePanel::buildTable(ProgrammeTable t, const wxString& title) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
    wxWindow* in = box->GetStaticBox();
    auto* grid = new wxGrid(in, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_SIMPLE,
                            wxString::FromUTF8(gridName(t)));
    const auto& columns = tableColumns(t);
    grid->CreateGrid(0, static_cast<int>(columns.size()));
    grid->SetRowLabelSize(36);
    grid->SetColLabelSize(26);
    int width = 36;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const int col = static_cast<int>(c);
        grid->SetColLabelValue(col, columns[c].title);
        grid->SetColSize(col, columns[c].width);
        width += columns[c].width;
        if (!columns[c].choices.empty()) {
            wxArrayString choices;
            for (const std::string& code : columns[c].choices)
                choices.Add(fromUtf8(code));
            auto* attr = new wxGridCellAttr;
            attr->SetEditor(new wxGridCellChoiceEditor(choices));
            grid->SetColAttr(col, attr);
        }
    }
    grid->SetMinSize(wxSize(std::min(width + 20, 1100), 150));
    box->Add(grid, 1, wxEXPAND | wxALL, 4);
    auto* rowButtons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(in, wxID_ANY, _("Add row"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    auto* remove =
        new wxButton(in, wxID_ANY, _("Remove row"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    add->Bind(wxEVT_BUTTON, [grid, t](wxCommandEvent&) {
        grid->AppendRows(1);
        if (t == ProgrammeTable::Tiers) // ranks follow the ladder order
            grid->SetCellValue(grid->GetNumberRows() - 1, 0,
                               wxString::Format(wxS("%d"), grid->GetNumberRows() - 1));
    });
    remove->Bind(wxEVT_BUTTON, [grid](wxCommandEvent&) {
        const int row = grid->GetGridCursorRow();
        if (row >= 0 && row < grid->GetNumberRows()) grid->DeleteRows(row);
    });
    rowButtons->Add(add, 0, wxRIGHT, 4);
    rowButtons->Add(remove);
    box->Add(rowButtons, 0, wxLEFT | wxBOTTOM, 4);
    auto* problems = new wxStaticText(in, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0,
                                      fromUtf8(std::string(gridName(t)) + "Problems"));
    problems->SetForegroundColour(kErrorColour);
    problems->Hide();
    box->Add(problems, 0, wxEXPAND | wxALL, 4);
    m_grids[t] = grid;
    m_problems[t] = problems;
    return box;
}

wxGrid& ProgrammePanel::grid(ProgrammeTable t) const {
    return *m_grids.at(t);
}

void ProgrammePanel::setStatus(const wxString& text, bool error) {
    m_status->SetForegroundColour(error ? kErrorColour : GetForegroundColour());
    m_status->SetLabel(text);
    m_status->Wrap(std::max(300, GetClientSize().GetWidth() - 24));
    Layout();
}

void ProgrammePanel::load() {
    const int gen = ++m_generation;
    setStatus(_("Loading the programme…"), false);
    m_worker.run(
        m_life.guard(),
        [](Session& s) { return std::pair(app::currentProgramme(s.context, s.store), s.context.today()); },
        [this, gen](std::pair<std::optional<Programme>, Date> loaded) {
            if (gen != m_generation) return;
            auto& [p, today] = loaded;
            m_today = today;
            if (!p) {
                m_header->SetLabel(_("No loyalty programme is stored yet."));
                setStatus(_("Import one with memberdesk-cli programme import, or load the demo data."),
                          false);
                return;
            }
            show(*p);
        },
        [this, gen](std::exception_ptr e) {
            if (gen != m_generation) return;
            setStatus(describeError(e, _("The programme could not be loaded.")).headline, true);
        });
}

void ProgrammePanel::show(const Programme& p) {
    m_shown = p;
    m_header->SetLabel(wxString::Format(_("%s — version %lld, in force from %s"), fromUtf8(p.name),
                                        static_cast<long long>(p.version), formatDateText(p.effectiveFrom)));
    m_scalars->show(p);
    // What is saved is a new version: from today (the programme's day) unless the person picks another.
    m_scalars->setEffectiveFrom(std::max(m_today, p.effectiveFrom));
    for (ProgrammeTable t : kTables)
        fillGrid(t, tableRows(p, t));
    clearProblems();
    setStatus(std::exchange(m_statusAfterLoad, {}), false);
    for (wxButton* b : {m_validate, m_save, m_whatIf})
        b->Enable(true);
    Layout();
    FitInside();
}

void ProgrammePanel::fillGrid(ProgrammeTable t, const std::vector<Row>& rows) {
    wxGrid* g = m_grids.at(t);
    if (g->GetNumberRows() > 0) g->DeleteRows(0, g->GetNumberRows());
    g->AppendRows(static_cast<int>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c)
            g->SetCellValue(static_cast<int>(r), static_cast<int>(c), rows[r][c]);
    // A programme has a handful of rows: measuring them is cheap, and no header or value is cut off.
    const auto& columns = tableColumns(t);
    g->AutoSizeColumns(false);
    const wxFont labelFont = g->GetLabelFont();
    for (int c = 0; c < g->GetNumberCols(); ++c) {
        int labelWidth = 0, labelHeight = 0;
        g->GetTextExtent(g->GetColLabelValue(c), &labelWidth, &labelHeight, nullptr, nullptr, &labelFont);
        g->SetColSize(c, std::clamp(std::max(g->GetColSize(c), labelWidth + 16),
                                    columns[static_cast<std::size_t>(c)].width, 260));
    }
    // Every row on show (the pane scrolls, not the table), one spare line for a new row.
    int height = g->GetColLabelSize() + 24;
    for (int r = 0; r < g->GetNumberRows(); ++r)
        height += g->GetRowSize(r);
    g->SetMinSize(wxSize(g->GetMinSize().GetWidth(), std::min(height + g->GetDefaultRowSize(), 420)));
}

std::vector<Row> ProgrammePanel::gridRows(ProgrammeTable t) const {
    wxGrid* g = m_grids.at(t);
    if (g->IsCellEditControlEnabled()) g->SaveEditControlValue(); // a cell still being typed in counts
    std::vector<Row> rows(static_cast<std::size_t>(g->GetNumberRows()));
    for (int r = 0; r < g->GetNumberRows(); ++r)
        for (int c = 0; c < g->GetNumberCols(); ++c)
            rows[static_cast<std::size_t>(r)].push_back(g->GetCellValue(r, c));
    return rows;
}

Programme ProgrammePanel::edited(std::vector<ProgrammeProblem>& problems) const {
    Programme p = m_shown.value_or(Programme{});
    p.version = 0; // a new version when stored
    m_scalars->read(p, problems);
    for (ProgrammeTable t : kTables)
        readTable(t, gridRows(t), p, problems);
    return p;
}

void ProgrammePanel::clearProblems() {
    for (ProgrammeTable t : kTables) {
        wxGrid* g = m_grids.at(t);
        for (int r = 0; r < g->GetNumberRows(); ++r)
            for (int c = 0; c < g->GetNumberCols(); ++c)
                g->SetCellBackgroundColour(r, c, g->GetDefaultCellBackgroundColour());
        g->ForceRefresh();
        m_problems.at(t)->SetLabel({});
        m_problems.at(t)->Hide();
    }
    m_scalars->showProblems({});
}

void ProgrammePanel::showProblems(const std::vector<ProgrammeProblem>& problems) {
    clearProblems();
    std::map<ProgrammeTable, wxString> lines;
    for (const ProgrammeProblem& p : problems) {
        const ProblemPlace at = placeOf(p.field);
        if (!at.table) continue;
        wxGrid* g = m_grids.at(*at.table);
        if (at.row >= 0 && at.row < g->GetNumberRows()) {
            for (int c = 0; c < g->GetNumberCols(); ++c)
                if (at.column < 0 || c == at.column) g->SetCellBackgroundColour(at.row, c, kErrorBackground);
        }
        wxString& text = lines[*at.table];
        text += (text.empty() ? wxString() : wxS("\n")) + problemLine(*at.table, at, *g, p);
    }
    for (auto& [t, text] : lines) {
        m_problems.at(t)->SetLabel(text);
        m_problems.at(t)->Wrap(900);
        m_problems.at(t)->Show();
        m_grids.at(t)->ForceRefresh();
    }
    m_scalars->showProblems(problems);
    Layout();
    FitInside();
}

bool ProgrammePanel::validate() {
    if (!m_shown) return false;
    std::vector<ProgrammeProblem> problems;
    const Programme p = edited(problems);
    // A cell that could not be read is reported once, not again as the contradiction its stand-in makes.
    std::set<std::string> unreadable;
    for (const ProgrammeProblem& x : problems)
        unreadable.insert(x.field);
    for (ProgrammeProblem& x : validateProgramme(p))
        if (!unreadable.count(x.field)) problems.push_back(std::move(x));
    showProblems(problems);
    if (problems.empty()) {
        setStatus(_("No problems found."), false);
        return true;
    }
    setStatus(wxString::Format(wxPLURAL("%d problem: correct the fields marked in red.",
                                        "%d problems: correct the fields marked in red.", problems.size()),
                               static_cast<int>(problems.size())),
              true);
    return false;
}

bool ProgrammePanel::save() {
    if (m_saving || !validate()) return false;
    std::vector<ProgrammeProblem> unused;
    const Programme p = edited(unused);
    m_saving = true;
    m_save->Enable(false);
    setStatus(_("Saving…"), false);
    m_worker.run(
        m_life.guard(), [p](Session& s) { return app::saveProgramme(s.context, s.store, p); },
        [this](app::ProgrammeImport r) {
            m_saving = false;
            m_save->Enable(true);
            if (!r.problems.empty()) {
                showProblems(r.problems);
                setStatus(_("Not saved: correct the fields marked in red."), true);
                return;
            }
            // Shown once the pane shows the stored programme again.
            m_statusAfterLoad =
                wxString::Format(_("Saved as version %lld, in force from %s."),
                                 static_cast<long long>(r.version), formatDateText(r.effectiveFrom));
            load();
            m_saved.publish(r.version);
        },
        [this](std::exception_ptr e) {
            m_saving = false;
            m_save->Enable(true);
            setStatus(describeError(e, _("The programme could not be saved.")).headline, true);
        });
    return true;
}

void ProgrammePanel::whatIf() {
    if (!validate()) return;
    std::vector<ProgrammeProblem> unused;
    auto* dlg = new WhatIfDialog(this, m_openStore, edited(unused));
    dlg->Show();
}

} // namespace md::gui
