#pragma once
// The main window: navigator (left), the section's page (centre: members, stores, settings) and the
// member detail (right) as AUI panes, whose layout is remembered between runs. Owns the database
// workers its panels use; opens (and, when allowed, upgrades) the database on a worker as soon as it
// is created.
#include "domain/data_transfer.h"
#include "domain/observer.h"
#include "gui/database_access.h"
#include "gui/db_worker.h"
#include "gui/navigator_panel.h"
#include "gui/ui_helpers.h"

#include <wx/aui/framemanager.h>
#include <wx/frame.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class wxSimplebook;

namespace md::gui {

class JobDialog;
class MemberBrowserPanel;
class MemberDetailPanel;
class ProgrammePanel;
class SettingsPanel;
class StoresPanel;
struct BrowserStatus;

class MainFrame : public wxFrame {
public:
    /// Called once the database is open (true) or could not be opened (false, with the reason).
    using OpenedFn = std::function<void(bool ok, const ErrorText& error)>;

    /// Opens `address` at once. Without onOpened a failure is shown to the person; with it the frame
    /// stays quiet and reports to onOpened (a trial open, see switchTo).
    MainFrame(DatabaseAccess access, std::string address, OpenedFn onOpened = {});
    ~MainFrame() override;

    /// True once the database is open and prepared and the panels have started.
    bool isReady() const { return m_ready; }
    const std::string& address() const { return m_address; }
    MemberBrowserPanel& browser() { return *m_browser; }
    MemberDetailPanel& detail() { return *m_detail; }
    SettingsPanel& settings() { return *m_settings; }
    StoresPanel& stores() { return *m_stores; }
    ProgrammePanel& programme() { return *m_programme; }
    NavigatorPanel& navigator() { return *m_navigator; }
    Section section() const { return m_section; }
    /// Shows a section's page in the centre (the member detail only with Members).
    void showSection(Section s);
    /// Ctrl+F / Esc: the member search box, its text selected.
    void focusSearch();

    // File menu actions after their file dialogs (tests call them directly).
    JobDialog* importMembersFrom(const wxString& file, ImportMode mode = ImportMode::Insert);
    JobDialog* importTransactionsFrom(const wxString& file, ImportMode mode = ImportMode::Insert);
    JobDialog* exportMembersTo(const wxString& file, bool excelBom = false);
    /// Opens another database in a new window, which replaces this one only once it is open; when it
    /// cannot be opened this window stays as it was and says why.
    void switchTo(const std::string& address);

    static constexpr const char* kPerspectiveKey = "/Layout/Perspective";

private:
    void buildMenus();
    /// A CSV file from a file dialog; empty when cancelled.
    wxString pickCsv(const wxString& title, long style);
    /// Insert or update existing records; nullopt when the person cancelled.
    std::optional<ImportMode> askImportMode(const wxString& what);
    void onOpenDatabase(wxCommandEvent&);
    void onImportMembers(wxCommandEvent&);
    void onImportTransactions(wxCommandEvent&);
    void onExportMembers(wxCommandEvent&);
    void onQuit(wxCommandEvent&);
    void onResetLayout(wxCommandEvent&);
    void onAbout(wxCommandEvent&);
    void buildPanes();
    void openDatabase();
    void prepare(bool upgradeConfirmed);
    void onOpened();
    void onOpenFailed(const ErrorText& error);
    void onClose(wxCloseEvent& e);
    void onStatus(const BrowserStatus& s);
    /// Asked before the detail pane leaves a member with unsaved edits: save, discard or stay.
    bool confirmLeavingMember(std::int64_t next);
    StoreFactory storeFactory() const;

    DatabaseAccess m_access;
    std::string m_address;
    std::string m_display;
    OpenedFn m_onOpened;
    // Interactive work (open, search, load and save a member, settings, stores) apart from list
    // paging, so a long anchor pass over a million rows never delays what an agent types.
    std::unique_ptr<DbWorker> m_worker;
    std::unique_ptr<DbWorker> m_pagesWorker;
    Lifeline m_life;
    bool m_ready = false;

    wxAuiManager m_aui;
    wxString m_defaultPerspective;
    NavigatorPanel* m_navigator = nullptr;
    wxSimplebook* m_pages = nullptr;
    MemberBrowserPanel* m_browser = nullptr;
    MemberDetailPanel* m_detail = nullptr;
    StoresPanel* m_stores = nullptr;
    SettingsPanel* m_settings = nullptr;
    ProgrammePanel* m_programme = nullptr;
    Section m_section = Section::Members;

    Publisher<std::int64_t>::Subscription m_selectionSub, m_changedSub, m_programmeSub;
    Publisher<BrowserStatus>::Subscription m_statusSub;
    Publisher<Section>::Subscription m_sectionSub;
};

} // namespace md::gui
