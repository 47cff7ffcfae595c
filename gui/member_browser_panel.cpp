#include "gui/member_browser_panel.h"

#include "app/member_search.h"
#include "app/programme.h"
#include "gui/loyalty_text.h"
#include "gui/member_list_ctrl.h"
#include "gui/ui_helpers.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>

#include <algorithm>
#include <cstdlib>

namespace md::gui {

namespace {
constexpr int kSortableColumns = MemberListCtrl::kColumnCount; // same order as md::SortColumn
} // namespace

wxString describe(const BrowserStatus& s) {
    wxString text;
    if (s.total < 0)
        text = _("Counting members…");
    else if (s.matches < 0)
        text = wxString::Format(wxPLURAL("%s member", "%s members", s.total), formatCount(s.total));
    else if (s.matches > s.shown)
        text = wxString::Format(_("%s of %s members match (showing the first %s)"), formatCount(s.matches),
                                formatCount(s.total), formatCount(s.shown));
    else
        text = wxString::Format(_("%s of %s members match"), formatCount(s.matches), formatCount(s.total));
    return s.note.empty() ? text : text + wxS(" — ") + s.note;
}

MemberBrowserPanel::MemberBrowserPanel(wxWindow* parent, DbWorker& pages, DbWorker& search)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("browser")),
      m_pagesWorker(pages), m_searchWorker(search) {
    m_searchBox = new wxSearchCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER,
                                   wxDefaultValidator, wxS("browser.search"));
    m_searchBox->SetDescriptiveText(_("Phone, last 4 digits, card no., name or email"));
    m_searchBox->ShowCancelButton(true);
    m_list = new MemberListCtrl(this, [this](long item) { return rowAt(item); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_searchBox, 0, wxEXPAND | wxALL, 4);
    sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
    SetSizer(sizer);

    m_searchBox->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { onSearchTextChanged(); });
    m_searchBox->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) {
        // Enter: search now, or take the agent to the first match if it is already shown.
        if (m_debounce.IsRunning()) {
            m_debounce.Stop();
            runSearch();
        } else if (m_mode == Mode::Search && m_list->GetItemCount() > 0) {
            selectItem(0);
            m_list->SetFocus();
        }
    });
    m_searchBox->Bind(wxEVT_SEARCH_CANCEL, [this](wxCommandEvent&) { m_searchBox->SetValue({}); });
    m_searchBox->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_list->GetItemCount() > 0) {
            m_list->SetFocus();
            if (m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED) < 0) selectItem(0);
        } else {
            e.Skip();
        }
    });
    m_debounce.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { runSearch(); });
    m_list->Bind(wxEVT_LIST_COL_CLICK, &MemberBrowserPanel::onColumnClick, this);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &MemberBrowserPanel::onItemSelected, this);
}

MemberBrowserPanel::~MemberBrowserPanel() {
    m_debounce.Stop();
}

void MemberBrowserPanel::focusSearch() {
    m_searchBox->SetFocus();
    m_searchBox->SelectAll(); // typing replaces the last search
}

void MemberBrowserPanel::start() {
    m_started = true;
    newBrowseGeneration();
    requestCount();
    loadTierNames();
}

void MemberBrowserPanel::loadTierNames() {
    m_searchWorker.run(
        m_life.guard(),
        [](Session& s) {
            const auto p = app::currentProgramme(s.context, s.store);
            return p ? p->ladder.tiers : std::vector<loyalty::Tier>{};
        },
        [this](std::vector<loyalty::Tier> tiers) {
            std::map<std::string, wxString> names;
            for (const loyalty::Tier& t : tiers)
                names[t.code] = tierName(t);
            // A member the engine has not placed yet (no purchase rated) stands at the base tier.
            if (!tiers.empty()) names[std::string()] = tierName(tiers.front());
            m_list->setTierNames(std::move(names));
        },
        [](std::exception_ptr) {}); // the codes are shown instead
}

void MemberBrowserPanel::reload() {
    if (!m_started) return;
    newBrowseGeneration();
    requestCount();
    loadTierNames(); // a new programme version may have renamed the tiers
    if (m_mode == Mode::Search) runSearch();
}

void MemberBrowserPanel::refreshRows() {
    // Same order and count: anchors stay (a renamed member shifts its neighbours by one row at most).
    ++*m_browseGen;
    m_pending.clear();
    m_cache.dropRows();
    if (m_mode == Mode::Search)
        runSearch();
    else
        m_list->Refresh();
}

// ---- browsing all members -------------------------------------------------------------------

void MemberBrowserPanel::newBrowseGeneration() {
    ++*m_browseGen;
    m_pending.clear();
    m_cache.clear();
    m_browseFailed = false;
}

void MemberBrowserPanel::requestCount() {
    const int gen = *m_browseGen;
    m_pagesWorker.run(
        m_life.guard(),
        [column = m_sortColumn](Session& s) { return s.store.browseMembers(column, true)->count(); },
        [this, gen](std::int64_t total) {
            if (gen != *m_browseGen) return;
            m_total = total;
            if (m_mode == Mode::Browse) {
                m_list->SetItemCount(total);
                m_list->Refresh();
            }
            // First rows before the anchor pass: the first screen must not wait for the whole index.
            requestBlock(0);
            requestAnchors();
            publishStatus();
        },
        [this, gen](std::exception_ptr e) {
            if (gen != *m_browseGen) return;
            m_browseFailed = true;
            m_note = describeError(e, _("The members could not be counted.")).headline;
            publishStatus();
        });
}

void MemberBrowserPanel::requestBlock(int block) {
    if (m_browseFailed || m_pending.count(block)) return;
    auto fetch = m_cache.fetchFor(block);
    if (!fetch) return; // asked again once the anchors (or the previous block) arrive
    m_pending.insert(block);
    const int gen = *m_browseGen;
    const std::int64_t firstRow = m_cache.firstRowOf(block);
    const std::int64_t nearEnough = 8 * static_cast<std::int64_t>(m_cache.pageSize());
    m_pagesWorker.run(
        m_life.guard(),
        [gen, block, firstRow, nearEnough, fetch = *fetch, generation = m_browseGen, asked = m_lastAskedRow,
         column = m_sortColumn, ascending = m_ascending](Session& s) {
            BlockResult r;
            r.generation = gen;
            r.block = block;
            // A drag of the scroll bar asks for many pages on its way; read only those still near view.
            if (*generation != gen || std::llabs(*asked - firstRow) > nearEnough) {
                r.skipped = true;
                return r;
            }
            const auto browser = s.store.browseMembers(column, ascending);
            r.rows = browser->pageAfter(fetch.after, fetch.limit);
            if (!r.rows.empty()) r.lastKey = browser->keyOf(r.rows.back());
            return r;
        },
        [this](BlockResult r) { onBlock(std::move(r)); },
        [this, gen, block](std::exception_ptr e) {
            if (gen != *m_browseGen) return;
            m_pending.erase(block);
            m_browseFailed = true; // no retry storm from every repaint; reload() clears it
            m_note = describeError(e, _("The member list could not be read.")).headline;
            publishStatus();
        });
}

void MemberBrowserPanel::requestAnchors() {
    const int gen = *m_browseGen;
    m_pagesWorker.run(
        m_life.guard(),
        [gen, generation = m_browseGen, column = m_sortColumn, ascending = m_ascending,
         step = m_cache.pageSize()](Session& s) {
            if (*generation != gen) return std::vector<RowKey>{};
            return s.store.browseMembers(column, ascending)->anchors(step);
        },
        [this, gen](std::vector<RowKey> anchors) {
            if (gen != *m_browseGen) return;
            m_cache.setAnchors(std::move(anchors));
            if (m_mode == Mode::Browse) refreshVisible(); // rows far from the start can be fetched now
        },
        [this, gen](std::exception_ptr e) {
            if (gen != *m_browseGen) return;
            m_note = describeError(e, _("The member list could not be read.")).headline;
            publishStatus();
        });
}

void MemberBrowserPanel::onBlock(BlockResult r) {
    if (r.generation != *m_browseGen) return;
    m_pending.erase(r.block);
    if (r.skipped) return;
    m_cache.store(r.block, std::move(r.rows), std::move(r.lastKey));
    if (m_mode != Mode::Browse) return;
    refreshVisible();
    // A row selected before its page arrived (End, Ctrl+Home, a long jump): show its member now.
    if (m_pendingItem >= 0 && m_list->GetItemState(m_pendingItem, wxLIST_STATE_SELECTED))
        if (const MemberRow* row = m_cache.find(m_pendingItem)) changeSelection(m_pendingItem, row->id);
}

void MemberBrowserPanel::enterBrowse() {
    ++*m_searchGen; // a search still running is no longer wanted
    if (m_mode == Mode::Browse) return;
    m_mode = Mode::Browse;
    m_results = {};
    m_note.clear();
    deselectAll();
    m_list->SetItemCount(std::max<std::int64_t>(m_total, 0));
    m_list->ShowSortIndicator(static_cast<int>(m_sortColumn), m_ascending);
    m_list->Refresh();
    publishStatus();
}

// ---- searching ------------------------------------------------------------------------------

void MemberBrowserPanel::onSearchTextChanged() {
    // Debounce: one query per pause in typing, not one per keystroke.
    m_debounce.StartOnce(150);
}

void MemberBrowserPanel::runSearch() {
    if (!m_started) return;
    MemberQuery query = classifyQuery(toUtf8(m_searchBox->GetValue()));
    if (query.text.empty()) {
        enterBrowse();
        return;
    }
    const int gen = ++*m_searchGen;
    if (query.kind == QueryKind::Empty) {
        SearchResult none;
        none.generation = gen;
        onSearchResult(std::move(none));
        m_note = _("type 4 or more digits to search phone numbers");
        publishStatus();
        return;
    }
    m_searchWorker.run(
        m_life.guard(),
        [gen, text = query.text, generation = m_searchGen](Session& s) {
            SearchResult r;
            r.generation = gen;
            if (*generation != gen) {
                r.stale = true;
                return r;
            }
            app::MemberMatches found = app::findMembersCounted(s.context, s.store, text, kSearchLimit);
            r.rows = std::move(found.rows);
            r.matches = found.total;
            return r;
        },
        [this](SearchResult r) { onSearchResult(std::move(r)); },
        [this, gen](std::exception_ptr e) {
            if (gen != *m_searchGen) return;
            m_note = describeError(e, _("The search failed.")).headline;
            publishStatus();
        });
}

void MemberBrowserPanel::onSearchResult(SearchResult r) {
    if (r.stale || r.generation != *m_searchGen) return;
    m_mode = Mode::Search;
    m_note.clear();
    m_results = std::move(r.rows);
    m_matches = r.matches;
    m_resultSortColumn = -1;
    m_list->RemoveSortIndicator();
    const std::int64_t shown = m_lastPublished;
    long keep = -1;
    for (std::size_t i = 0; shown != 0 && i < m_results.size(); ++i)
        if (m_results[i].id == shown) keep = static_cast<long>(i);
    m_quietSelect = true;
    for (long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        m_list->SetItemState(item, 0, wxLIST_STATE_SELECTED);
    m_quietSelect = false;
    m_list->SetItemCount(static_cast<long>(m_results.size()));
    m_list->Refresh();
    publishStatus();
    if (keep >= 0) {
        // The same search again (after a save): the member on screen stays selected and shown, and
        // whatever is in its form stays there.
        setItemSelected(keep, true);
        m_selectedItem = keep;
        m_list->EnsureVisible(keep);
    } else if (m_results.size() == 1) {
        // A phone number or card identifies one member: show it without another click.
        selectItem(0);
    } else {
        changeSelection(-1, 0); // several or no matches: nothing is selected, so nothing is shown
    }
}

void MemberBrowserPanel::sortResults() {
    const int column = m_resultSortColumn;
    const bool ascending = m_resultAscending;
    std::stable_sort(m_results.begin(), m_results.end(), [&](const MemberRow& a, const MemberRow& b) {
        return ascending ? memberRowLess(column, a, b) : memberRowLess(column, b, a);
    });
}

// ---- list events and helpers ----------------------------------------------------------------

void MemberBrowserPanel::onColumnClick(wxListEvent& e) {
    const int column = e.GetColumn();
    if (column < 0 || column >= kSortableColumns) return;
    deselectAll();
    if (m_mode == Mode::Search) {
        // At most kSearchLimit rows are in memory: sort them here.
        m_resultAscending = column == m_resultSortColumn ? !m_resultAscending : true;
        m_resultSortColumn = column;
        sortResults();
        m_list->ShowSortIndicator(column, m_resultAscending);
        m_list->Refresh();
        return;
    }
    const auto sortColumn = static_cast<SortColumn>(column);
    m_ascending = sortColumn == m_sortColumn ? !m_ascending : true;
    m_sortColumn = sortColumn;
    m_list->ShowSortIndicator(column, m_ascending);
    if (!m_started) return;
    newBrowseGeneration();
    requestBlock(0);
    requestAnchors();
    m_list->Refresh();
}

void MemberBrowserPanel::onItemSelected(wxListEvent& e) {
    if (m_quietSelect) return;
    const long item = e.GetIndex();
    const MemberRow* row = rowAt(item);
    // A row whose page is still on its way: show nothing until it arrives (onBlock), never the
    // member selected before.
    m_pendingItem = row ? -1 : item;
    changeSelection(item, row ? row->id : 0);
}

void MemberBrowserPanel::setItemSelected(long item, bool selected) {
    m_quietSelect = true;
    const long flags = wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED;
    m_list->SetItemState(item, selected ? flags : 0, selected ? flags : wxLIST_STATE_SELECTED);
    m_quietSelect = false;
}

void MemberBrowserPanel::changeSelection(long item, std::int64_t id) {
    if (id == m_lastPublished) {
        m_selectedItem = item;
        return;
    }
    if (m_guard && !m_guard(id)) {
        // The person kept the member on screen (unsaved edits): the list goes back to its row.
        if (item >= 0) setItemSelected(item, false);
        if (m_selectedItem >= 0 && m_selectedItem < m_list->GetItemCount()) {
            setItemSelected(m_selectedItem, true);
            m_list->EnsureVisible(m_selectedItem);
        }
        m_pendingItem = -1;
        return;
    }
    m_lastPublished = id;
    m_selectedItem = item;
    m_selection.publish(id);
}

void MemberBrowserPanel::selectItem(long item) {
    setItemSelected(item, true);
    m_list->EnsureVisible(item);
    // Programmatic selection does not raise an event on every port; publish it ourselves.
    const MemberRow* row = rowAt(item);
    m_pendingItem = row ? -1 : item;
    changeSelection(item, row ? row->id : 0);
}

void MemberBrowserPanel::deselectAll() {
    m_quietSelect = true;
    for (long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        m_list->SetItemState(item, 0, wxLIST_STATE_SELECTED);
    m_quietSelect = false;
    m_pendingItem = -1;
    const long before = m_selectedItem;
    changeSelection(-1, 0);
    // Refused (unsaved edits kept on screen): the list has no such row selected any more.
    if (m_selectedItem == before) m_selectedItem = -1;
}

void MemberBrowserPanel::refreshVisible() {
    const long count = m_list->GetItemCount();
    if (count == 0) return;
    const long top = std::max(0L, m_list->GetTopItem());
    const long last = std::min(count - 1, top + m_list->GetCountPerPage() + 1);
    m_list->RefreshItems(top, last);
}

const MemberRow* MemberBrowserPanel::rowAt(long item) {
    if (item < 0) return nullptr;
    if (m_mode == Mode::Search)
        return static_cast<std::size_t>(item) < m_results.size() ? &m_results[item] : nullptr;
    *m_lastAskedRow = item;
    if (const MemberRow* row = m_cache.find(item)) return row;
    requestBlock(m_cache.blockOf(item));
    return nullptr;
}

void MemberBrowserPanel::publishStatus() {
    BrowserStatus s;
    s.total = m_total;
    s.shown = m_list->GetItemCount();
    if (m_mode == Mode::Search) s.matches = m_matches;
    s.note = m_note;
    m_status.publish(s);
}

} // namespace md::gui
