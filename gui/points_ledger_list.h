#pragma once
// A member's points ledger as a virtual list, newest first. Rows are fetched in keyset pages
// (app::pointsLedger(beforeId, limit)) on the worker as the list scrolls towards the end of what is
// loaded, so a member with 100,000 entries costs one page to open. A page that arrives for a member
// no longer shown is dropped.
#include "domain/loyalty/ledger.h"
#include "domain/observer.h"
#include "gui/db_worker.h"

#include <wx/listctrl.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace md::gui {

class PointsLedgerList : public wxListCtrl {
public:
    static constexpr int kPageSize = 100;

    PointsLedgerList(wxWindow* parent, DbWorker& worker, const char* name);

    /// Shows this member's ledger from the newest entry (loading the first page).
    void showMember(std::int64_t memberId);
    /// Empties the list; pages on their way are dropped.
    void clear();
    /// The loaded entry on a row, or null.
    const loyalty::LedgerEntry* entryAt(long row) const;
    /// How many entries are loaded so far, and whether the ledger has more.
    std::size_t loaded() const { return m_rows.size(); }
    bool complete() const { return m_complete; }
    /// The entry the person selected (nullopt: the selection went away).
    Publisher<std::optional<loyalty::LedgerEntry>>& selected() { return m_selected; }

private:
    wxString OnGetItemText(long item, long column) const override;
    void fetchMore();

    DbWorker& m_worker;
    Lifeline m_life;
    std::int64_t m_memberId = 0;
    int m_generation = 0;
    bool m_fetching = false;
    bool m_complete = true;
    std::vector<loyalty::LedgerEntry> m_rows;
    Publisher<std::optional<loyalty::LedgerEntry>> m_selected;
};

} // namespace md::gui
