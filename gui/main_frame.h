#pragma once
// The main window: navigator (left), member browser (centre) and member detail (right) as AUI panes,
// whose layout is remembered between runs. Owns the database workers its panels use; opens and
// migrates the database on a worker as soon as it is created.
#include "domain/observer.h"
#include "gui/db_worker.h"
#include "gui/navigator_panel.h"
#include "persistence/database.h"

#include <wx/aui/framemanager.h>
#include <wx/frame.h>

#include <cstdint>
#include <memory>

namespace md::gui {

class JobDialog;
class MemberBrowserPanel;
class MemberDetailPanel;
struct BrowserStatus;

class MainFrame : public wxFrame {
public:
    explicit MainFrame(db::DatabaseUrl url);
    ~MainFrame() override;

    /// True once the database is open and migrated and the panels have started.
    bool isReady() const { return m_ready; }
    const db::DatabaseUrl& url() const { return m_url; }
    MemberBrowserPanel& browser() { return *m_browser; }
    MemberDetailPanel& detail() { return *m_detail; }

    // File menu actions after their file dialogs (tests call them directly).
    JobDialog* importMembersFrom(const wxString& file);
    JobDialog* importTransactionsFrom(const wxString& file);
    JobDialog* exportMembersTo(const wxString& file);
    /// Opens another database in a new window and closes this one.
    void switchTo(const db::DatabaseUrl& url);

    static constexpr const char* kPerspectiveKey = "/Layout/Perspective";

private:
    void buildMenus();
    /// A CSV file from a file dialog; empty when cancelled.
    wxString pickCsv(const wxString& title, long style);
    void onOpenDatabase(wxCommandEvent&);
    void onImportMembers(wxCommandEvent&);
    void onImportTransactions(wxCommandEvent&);
    void onExportMembers(wxCommandEvent&);
    void onQuit(wxCommandEvent&);
    void onResetLayout(wxCommandEvent&);
    void onAbout(wxCommandEvent&);
    void buildPanes();
    void openDatabase();
    void onClose(wxCloseEvent& e);
    void onStatus(const BrowserStatus& s);

    db::DatabaseUrl m_url;
    // Interactive work (migrate, search, load and save a member) apart from list paging, so a long
    // anchor pass over a million rows never delays what an agent types.
    std::unique_ptr<DbWorker> m_worker;
    std::unique_ptr<DbWorker> m_pagesWorker;
    Lifeline m_life;
    bool m_ready = false;

    wxAuiManager m_aui;
    wxString m_defaultPerspective;
    NavigatorPanel* m_navigator = nullptr;
    MemberBrowserPanel* m_browser = nullptr;
    MemberDetailPanel* m_detail = nullptr;

    Publisher<std::int64_t>::Subscription m_selectionSub, m_changedSub;
    Publisher<BrowserStatus>::Subscription m_statusSub;
    Publisher<Section>::Subscription m_sectionSub;
};

} // namespace md::gui
