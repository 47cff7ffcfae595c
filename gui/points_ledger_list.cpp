#include "gui/points_ledger_list.h"

#include "app/points.h"
#include "gui/loyalty_text.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>

namespace md::gui {

using loyalty::LedgerEntry;

PointsLedgerList::PointsLedgerList(wxWindow* parent, DbWorker& worker, const char* name)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL, wxDefaultValidator, name),
      m_worker(worker) {
    AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, 84);
    AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, 62);
    AppendColumn(_("Points"), wxLIST_FORMAT_RIGHT, 62);
    AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, 110);
    Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (const LedgerEntry* entry = entryAt(e.GetIndex())) m_selected.publish(*entry);
    });
    Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { m_selected.publish(std::nullopt); });
}

void PointsLedgerList::showMember(std::int64_t memberId) {
    clear();
    m_memberId = memberId;
    m_complete = false;
    fetchMore();
}

void PointsLedgerList::clear() {
    ++m_generation; // pages still on their way are for a ledger no longer shown
    m_fetching = false;
    m_complete = true;
    m_rows.clear();
    SetItemCount(0);
    Refresh();
    m_selected.publish(std::nullopt);
}

const LedgerEntry* PointsLedgerList::entryAt(long row) const {
    return row >= 0 && static_cast<std::size_t>(row) < m_rows.size() ? &m_rows[static_cast<std::size_t>(row)]
                                                                     : nullptr;
}

void PointsLedgerList::fetchMore() {
    if (m_fetching || m_complete) return;
    m_fetching = true;
    const int gen = m_generation;
    const std::int64_t before = m_rows.empty() ? 0 : m_rows.back().id;
    m_worker.run(
        m_life.guard(),
        [member = m_memberId, before](Session& s) {
            return app::pointsLedger(s.context, s.store, member, before, kPageSize);
        },
        [this, gen](std::vector<LedgerEntry> page) {
            if (gen != m_generation) return;
            m_fetching = false;
            m_complete = page.size() < static_cast<std::size_t>(kPageSize);
            for (LedgerEntry& e : page)
                m_rows.push_back(std::move(e));
            SetItemCount(static_cast<long>(m_rows.size()));
            Refresh();
        },
        [this, gen](std::exception_ptr) {
            if (gen != m_generation) return;
            // The rows loaded so far stay; scrolling to the end asks again.
            m_fetching = false;
        });
}

wxString PointsLedgerList::OnGetItemText(long item, long column) const {
    // Painting the last loaded rows asks for the next page (the list only paints what is visible).
    if (!m_complete && !m_fetching && item + kPageSize / 4 >= static_cast<long>(m_rows.size())) {
        auto* self = const_cast<PointsLedgerList*>(this);
        self->CallAfter([self] { self->fetchMore(); });
    }
    const LedgerEntry* e = entryAt(item);
    if (!e) return {};
    switch (column) {
    case 0:
        return formatDateText(e->localDate);
    case 1:
        return entryKindText(e->kind);
    case 2:
        return (e->points > 0 ? wxS("+") : wxString()) + formatCount(e->points);
    case 3: {
        wxString text =
            e->kind == loyalty::EntryKind::Adjust ? adjustmentReasonText(e->reason) : fromUtf8(e->reason);
        if (!e->note.empty()) text += (text.empty() ? wxString() : wxS(" — ")) + fromUtf8(e->note);
        return text;
    }
    }
    return {};
}

} // namespace md::gui
