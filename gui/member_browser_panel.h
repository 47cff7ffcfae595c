#pragma once
// The member list: a search box that filters as you type, over a virtual wxListCtrl that shows every
// member through keyset pages when the box is empty. Rows are fetched on a DbWorker, never here.
#include "domain/member.h"
#include "domain/member_browsing.h"
#include "domain/member_query.h"
#include "domain/observer.h"
#include "gui/db_worker.h"
#include "gui/member_page_cache.h"

#include <wx/panel.h>
#include <wx/timer.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class wxSearchCtrl;
class wxListEvent;

namespace md::gui {

class MemberListCtrl;

/// What the status bar says about the list.
struct BrowserStatus {
    std::int64_t total = -1;   ///< all members, -1 while unknown
    std::int64_t matches = -1; ///< members matching the search, -1 when browsing all
    std::int64_t shown = 0;    ///< rows in the list
    wxString note;             ///< a hint or an error headline, may be empty
};
/// "1,000,000 members" / "37 of 1,000,000 members match".
wxString describe(const BrowserStatus& s);

class MemberBrowserPanel : public wxPanel {
public:
    /// pages serves the list's keyset pages and counts; search serves the search box. Two workers, so
    /// a long anchor pass never delays what an agent is typing.
    MemberBrowserPanel(wxWindow* parent, DbWorker& pages, DbWorker& search);
    ~MemberBrowserPanel() override;

    /// The database is ready: count the members and show the first rows.
    void start();
    /// Many rows changed (an import): count again and forget every cached row and anchor.
    void reload();
    /// One member changed: fetch the rows on screen again (the search too, when one is shown).
    void refreshRows();
    void focusSearch();

    /// The id of the member selected in the list; 0 when no member is selected (or the selected row is
    /// still being fetched: its id follows once it arrives). The detail pane follows this.
    Publisher<std::int64_t>& selection() { return m_selection; }
    /// Asked before the selection moves to another member (id, or 0 for none); false keeps the
    /// current member (the list goes back to its row where it can).
    void setSelectionGuard(std::function<bool(std::int64_t)> guard) { m_guard = std::move(guard); }
    /// The list index of the selected row, -1 for none.
    long selectedItem() const { return m_selectedItem; }
    Publisher<BrowserStatus>& status() { return m_status; }

    static constexpr int kSearchLimit = 1000;

private:
    /// The programme's tier names for the Tier column (on the search worker).
    void loadTierNames();
    enum class Mode { Browse, Search };

    struct BlockResult {
        int generation = 0;
        int block = 0;
        bool skipped = false;
        std::vector<MemberRow> rows;
        std::optional<RowKey> lastKey;
    };
    struct SearchResult {
        int generation = 0;
        bool stale = false;
        std::vector<MemberRow> rows;
        std::int64_t matches = 0;
    };

    /// The row at a list index; in browse mode a miss requests its page.
    const MemberRow* rowAt(long item);

    // browsing all members
    void newBrowseGeneration();
    void requestCount();
    void requestBlock(int block);
    void requestAnchors();
    void onBlock(BlockResult r);
    void enterBrowse();

    // searching
    void onSearchTextChanged();
    void runSearch();
    void onSearchResult(SearchResult r);
    void sortResults();

    void onColumnClick(wxListEvent& e);
    void onItemSelected(wxListEvent& e);
    void selectItem(long item);
    /// Clears the list's selection; the detail is told (0) unless the guard keeps the member.
    void deselectAll();
    /// Publishes the member of a newly selected row (0: none) after asking the guard; reverts the
    /// list to the previous row when the guard says no.
    void changeSelection(long item, std::int64_t id);
    void setItemSelected(long item, bool selected);
    void refreshVisible();
    void publishStatus();

    DbWorker& m_pagesWorker;
    DbWorker& m_searchWorker;
    Lifeline m_life;

    wxSearchCtrl* m_searchBox = nullptr;
    MemberListCtrl* m_list = nullptr;
    wxTimer m_debounce;

    Mode m_mode = Mode::Browse;
    bool m_started = false;
    std::int64_t m_total = -1;
    wxString m_note;

    // Browse mode: generation bumps on sort change/reload so late pages of the old order are dropped;
    // shared with the worker so it can skip them before querying.
    MemberPageCache m_cache;
    std::set<int> m_pending;
    std::shared_ptr<std::atomic<int>> m_browseGen = std::make_shared<std::atomic<int>>(0);
    std::shared_ptr<std::atomic<std::int64_t>> m_lastAskedRow =
        std::make_shared<std::atomic<std::int64_t>>(0);
    bool m_browseFailed = false;
    SortColumn m_sortColumn = SortColumn::Card;
    bool m_ascending = true;

    // Search mode: superseded searches are dropped by generation, on the worker and on arrival.
    std::shared_ptr<std::atomic<int>> m_searchGen = std::make_shared<std::atomic<int>>(0);
    std::vector<MemberRow> m_results;
    std::int64_t m_matches = 0;
    int m_resultSortColumn = -1; ///< -1: best matches first, as the repository returned them
    bool m_resultAscending = true;

    std::int64_t m_lastPublished = 0;
    long m_selectedItem = -1;   ///< the row whose member was last published
    long m_pendingItem = -1;    ///< selected while its page was being fetched
    bool m_quietSelect = false; ///< selection changes made here, not by the person
    std::function<bool(std::int64_t)> m_guard;
    Publisher<std::int64_t> m_selection;
    Publisher<BrowserStatus> m_status;
};

} // namespace md::gui
