#include "gui/main_frame.h"

#include "app/database.h"
#include "gui/data_transfer.h"
#include "gui/member_browser_panel.h"
#include "gui/member_detail_panel.h"
#include "gui/open_database_dialog.h"
#include "gui/programme_panel.h"
#include "gui/settings_panel.h"
#include "gui/stores_panel.h"

#include "resources/icons/memberdesk.xpm"

#include <wx/aboutdlg.h>
#include <wx/accel.h>
#include <wx/config.h>
#include <wx/display.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/simplebook.h>
#include <wx/statusbr.h>

#include <algorithm>

namespace md::gui {

namespace {
enum MenuId { ImportMembers = wxID_HIGHEST + 1, ImportTransactions, ExportMembers, ResetLayout, FindMember };
const wxString kCsvFiles = wxS("CSV (*.csv)|*.csv|All files|*");

std::string displayOf(const DatabaseAccess& access, const std::string& address) {
    try {
        return access.display(address);
    } catch (const std::exception&) {
        return address; // the open itself reports why the address is not valid
    }
}
} // namespace

MainFrame::MainFrame(DatabaseAccess access, std::string address, OpenedFn onOpened)
    : wxFrame(nullptr, wxID_ANY, wxS("MemberDesk — ") + fromUtf8(displayOf(access, address)),
              wxDefaultPosition, wxSize(1200, 760), wxDEFAULT_FRAME_STYLE, wxS("mainFrame")),
      m_access(std::move(access)), m_address(std::move(address)), m_display(displayOf(m_access, m_address)),
      m_onOpened(std::move(onOpened)), m_worker(std::make_unique<DbWorker>(storeFactory())),
      m_pagesWorker(std::make_unique<DbWorker>(storeFactory())) {
    SetIcon(wxIcon(memberdesk_xpm));
    // Fit the screen: never larger than it (1024×768 laptops), and use a large one.
    const wxRect area = wxDisplay(wxDisplay::GetFromWindow(this) == wxNOT_FOUND
                                      ? 0u
                                      : static_cast<unsigned>(wxDisplay::GetFromWindow(this)))
                            .GetClientArea();
    SetSize(std::min(area.GetWidth(), std::max(1200, area.GetWidth() * 85 / 100)),
            std::min(area.GetHeight(), std::max(760, area.GetHeight() * 85 / 100)));
    if (area.GetWidth() <= 1280) Maximize();
    CreateStatusBar(2);
    const int widths[] = {-3, -2};
    SetStatusWidths(2, widths);
    buildMenus();
    buildPanes();
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);
    openDatabase();
}

MainFrame::~MainFrame() {
    m_aui.UnInit();
    // Stop the workers before the panels (children) go; queued results then find their panels'
    // lifelines expired and are dropped.
    m_worker.reset();
    m_pagesWorker.reset();
}

StoreFactory MainFrame::storeFactory() const {
    return [open = m_access.open, address = m_address] { return open(address); };
}

void MainFrame::buildMenus() {
    auto* file = new wxMenu;
    file->Append(wxID_OPEN, _("&Open database…\tCtrl+O"));
    file->AppendSeparator();
    file->Append(ImportMembers, _("Import &members…"));
    file->Append(ImportTransactions, _("Import &transactions…"));
    file->Append(ExportMembers, _("&Export members…"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));
    auto* view = new wxMenu;
    view->Append(ResetLayout, _("&Reset layout"));
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About MemberDesk"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(view, _("&View"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, &MainFrame::onOpenDatabase, this, wxID_OPEN);
    Bind(wxEVT_MENU, &MainFrame::onImportMembers, this, ImportMembers);
    Bind(wxEVT_MENU, &MainFrame::onImportTransactions, this, ImportTransactions);
    Bind(wxEVT_MENU, &MainFrame::onExportMembers, this, ExportMembers);
    Bind(wxEVT_MENU, &MainFrame::onQuit, this, wxID_EXIT);
    Bind(wxEVT_MENU, &MainFrame::onResetLayout, this, ResetLayout);
    Bind(wxEVT_MENU, &MainFrame::onAbout, this, wxID_ABOUT);
    // Ctrl+F and Esc take the agent back to the search box from anywhere, ready to type over.
    Bind(
        wxEVT_MENU, [this](wxCommandEvent&) { focusSearch(); }, FindMember);
    wxAcceleratorEntry keys[] = {{wxACCEL_CTRL, 'F', FindMember}, {wxACCEL_NORMAL, WXK_ESCAPE, FindMember}};
    SetAcceleratorTable(wxAcceleratorTable(2, keys));
    for (int id : {int(ImportMembers), int(ImportTransactions), int(ExportMembers)})
        GetMenuBar()->Enable(id, false);
}

wxString MainFrame::pickCsv(const wxString& title, long style) {
    wxFileDialog dlg(this, title, {}, {}, kCsvFiles, style);
    return dlg.ShowModal() == wxID_OK ? dlg.GetPath() : wxString();
}

void MainFrame::onOpenDatabase(wxCommandEvent&) {
    OpenDatabaseDialog dlg(this, m_address);
    if (dlg.ShowModal() == wxID_OK) switchTo(dlg.address());
}

std::optional<ImportMode> MainFrame::askImportMode(const wxString& what) {
    wxMessageDialog ask(
        this, wxString::Format(_("Should %s already in the database be updated from the file?"), what),
        _("Import"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetExtendedMessage(_("Add new only: lines for records that already exist are rejected and listed.\n"
                             "Add and update: existing records take the values in the file; empty cells "
                             "leave the stored value as it is."));
    ask.SetYesNoCancelLabels(_("Add &new only"), _("Add and &update"), _("&Cancel"));
    switch (ask.ShowModal()) {
    case wxID_YES:
        return ImportMode::Insert;
    case wxID_NO:
        return ImportMode::Upsert;
    default:
        return std::nullopt;
    }
}

void MainFrame::onImportMembers(wxCommandEvent&) {
    const wxString f = pickCsv(_("Import members"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (f.empty()) return;
    if (const auto mode = askImportMode(_("members"))) importMembersFrom(f, *mode);
}

void MainFrame::onImportTransactions(wxCommandEvent&) {
    const wxString f = pickCsv(_("Import transactions"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (f.empty()) return;
    if (const auto mode = askImportMode(_("orders"))) importTransactionsFrom(f, *mode);
}

void MainFrame::onExportMembers(wxCommandEvent&) {
    const wxString f = pickCsv(_("Export members"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (f.empty()) return;
    wxMessageDialog ask(this, _("Will the file be opened in Microsoft Excel?"), _("Export members"),
                        wxYES_NO | wxICON_QUESTION);
    ask.SetExtendedMessage(_("Excel shows Chinese text correctly only when the file starts with a UTF-8 "
                             "marker (BOM). MemberDesk reads files with or without it."));
    ask.SetYesNoLabels(_("&Yes, add the marker"), _("&No"));
    exportMembersTo(f, ask.ShowModal() == wxID_YES);
}

void MainFrame::onQuit(wxCommandEvent&) {
    Close();
}

void MainFrame::onResetLayout(wxCommandEvent&) {
    m_aui.LoadPerspective(m_defaultPerspective);
    showSection(m_section);
}

void MainFrame::onAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(wxS("MemberDesk"));
    info.SetVersion(wxS("0.1.0"));
    info.SetIcon(wxIcon(memberdesk_xpm));
    info.SetDescription(_("Membership desk for retail programmes: find members, keep their contact details "
                          "and consent up to date, import and export members and purchases, manage "
                          "stores."));
    wxAboutBox(info, this);
}

void MainFrame::buildPanes() {
    m_aui.SetManagedWindow(this);
    m_navigator = new NavigatorPanel(this);
    m_pages = new wxSimplebook(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, wxS("pages"));
    m_browser = new MemberBrowserPanel(m_pages, *m_pagesWorker, *m_worker);
    m_stores = new StoresPanel(m_pages, *m_worker);
    m_settings = new SettingsPanel(m_pages, *m_worker);
    m_pages->AddPage(m_browser, sectionTitle(Section::Members));
    m_pages->AddPage(m_stores, sectionTitle(Section::Stores));
    m_pages->AddPage(m_settings, sectionTitle(Section::Settings));
    m_programme = new ProgrammePanel(m_pages, *m_worker, storeFactory());
    m_pages->AddPage(m_programme, sectionTitle(Section::Programme));
    m_detail = new MemberDetailPanel(this, *m_worker);
    m_aui.AddPane(m_navigator, wxAuiPaneInfo()
                                   .Name(wxS("navigator"))
                                   .Caption(_("Navigator"))
                                   .Left()
                                   .BestSize(120, -1)
                                   .MinSize(100, -1)
                                   .CloseButton(false));
    m_aui.AddPane(m_pages, wxAuiPaneInfo().Name(wxS("browser")).CenterPane());
    m_aui.AddPane(m_detail, wxAuiPaneInfo()
                                .Name(wxS("detail"))
                                .Caption(_("Member"))
                                .Right()
                                .BestSize(330, -1)
                                .MinSize(280, -1)
                                .CloseButton(false));
    m_defaultPerspective = m_aui.SavePerspective();
    wxString saved;
    if (wxConfigBase* config = wxConfigBase::Get(); config && config->Read(kPerspectiveKey, &saved))
        m_aui.LoadPerspective(saved, false);
    m_aui.Update();

    m_browser->setSelectionGuard([this](std::int64_t id) { return confirmLeavingMember(id); });
    m_selectionSub = m_browser->selection().subscribe([this](const std::int64_t& id) {
        if (id == 0)
            m_detail->clear();
        else
            m_detail->showMember(id);
    });
    m_changedSub = m_detail->changed().subscribe([this](const std::int64_t&) { m_browser->refreshRows(); });
    m_statusSub = m_browser->status().subscribe([this](const BrowserStatus& s) { onStatus(s); });
    m_sectionSub = m_navigator->picked().subscribe([this](const Section& s) { showSection(s); });
    // A new programme version may rename tiers: the list's Tier column asks again.
    m_programmeSub = m_programme->saved().subscribe([this](const std::int64_t&) { m_browser->reload(); });
}

void MainFrame::focusSearch() {
    if (m_section != Section::Members) m_navigator->select(Section::Members);
    m_browser->focusSearch();
}

bool MainFrame::confirmLeavingMember(std::int64_t next) {
    if (!m_detail->hasUnsavedEdits() || m_detail->memberId() == next) return true;
    const wxString card = m_detail->member() ? fromUtf8(m_detail->member()->card.str()) : wxString();
    wxMessageDialog ask(this,
                        wxString::Format(_("Member %s has changes that are not saved. Save them?"), card),
                        _("Unsaved changes"), wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("&Save"), _("&Discard"), _("&Cancel"));
    switch (ask.ShowModal()) {
    case wxID_YES:
        return m_detail->saveEdits(); // invalid fields: stay, their reasons are shown
    case wxID_NO:
        return true;
    default:
        return false;
    }
}

void MainFrame::showSection(Section s) {
    m_section = s;
    m_pages->ChangeSelection(static_cast<std::size_t>(s));
    // The member pane belongs to the member list; other pages get the whole width.
    m_aui.GetPane(m_detail).Show(s == Section::Members);
    m_aui.Update();
    if (!m_ready) return;
    switch (s) {
    case Section::Members:
        m_browser->focusSearch();
        break;
    case Section::Stores:
        m_stores->load();
        break;
    case Section::Settings:
        m_settings->load();
        break;
    case Section::Programme:
        m_programme->load();
        break;
    }
}

void MainFrame::openDatabase() {
    SetStatusText(wxString::Format(_("Opening %s…"), fromUtf8(m_display)), 0);
    // First look: a shared database that needs an upgrade is upgraded only after a person agrees.
    m_worker->run(
        m_life.guard(), [](Session& s) { return s.store.schemaStatus(); },
        [this](SchemaStatus st) {
            if (!st.shared || !st.needsUpgrade() || st.tooNew()) {
                prepare(false);
                return;
            }
            const wxString question =
                st.current == 0
                    ? wxString::Format(_("The database %s is empty. Set it up for MemberDesk now?"),
                                       fromUtf8(m_display))
                    : wxString::Format(_("The shared database %s must be upgraded (schema %d to %d) before "
                                         "this version of MemberDesk can use it. Upgrade it now?"),
                                       fromUtf8(m_display), st.current, st.supported);
            wxMessageDialog ask(this, question, _("Upgrade the database?"), wxYES_NO | wxICON_QUESTION);
            ask.SetExtendedMessage(_("Everyone who uses this database needs this version of MemberDesk "
                                     "after the upgrade. Older versions can no longer open it."));
            ask.SetYesNoLabels(st.current == 0 ? _("&Set up") : _("&Upgrade"), _("&Not now"));
            prepare(ask.ShowModal() == wxID_YES);
        },
        [this](std::exception_ptr e) {
            onOpenFailed(describeError(e, _("The database could not be opened.")));
        });
}

void MainFrame::prepare(bool upgradeConfirmed) {
    const auto policy = upgradeConfirmed ? app::UpgradePolicy::Confirmed : app::UpgradePolicy::IfPrivate;
    m_worker->run(
        m_life.guard(),
        [policy](Session& s) {
            const int version = app::prepareDatabase(s.context, s.store, policy);
            // The settings (time zone) are readable now: the context of this database is complete.
            s.context = openingContext(s.store);
            return version;
        },
        [this](int) { onOpened(); },
        [this](std::exception_ptr e) {
            onOpenFailed(describeError(e, _("The database could not be opened.")));
        });
}

void MainFrame::onOpened() {
    m_ready = true;
    SetStatusText(fromUtf8(m_display), 0);
    for (int id : {int(ImportMembers), int(ImportTransactions), int(ExportMembers)})
        GetMenuBar()->Enable(id, true);
    m_browser->start();
    showSection(m_section);
    if (m_onOpened) std::exchange(m_onOpened, {})(true, {});
}

void MainFrame::onOpenFailed(const ErrorText& error) {
    SetStatusText(_("No database open — use File → Open database…"), 0);
    if (m_onOpened)
        std::exchange(m_onOpened, {})(false, error);
    else
        showError(this, error);
}

JobDialog* MainFrame::importMembersFrom(const wxString& file, ImportMode mode) {
    return startMemberImport(this, storeFactory(), file, mode, [this] { m_browser->reload(); });
}

JobDialog* MainFrame::importTransactionsFrom(const wxString& file, ImportMode mode) {
    return startTransactionImport(this, storeFactory(), file, mode, [this] { m_browser->reload(); });
}

JobDialog* MainFrame::exportMembersTo(const wxString& file, bool excelBom) {
    return startMemberExport(this, storeFactory(), file, excelBom);
}

void MainFrame::switchTo(const std::string& address) {
    SetStatusText(wxString::Format(_("Opening %s…"), fromUtf8(displayOf(m_access, address))), 0);
    // The new window opens hidden; this one closes only once it works.
    auto* next = new MainFrame(m_access, address, [](bool, const ErrorText&) {});
    next->SetSize(GetSize());
    next->m_onOpened = [this, next, address, guard = m_life.guard()](bool ok, const ErrorText& error) {
        if (ok) {
            next->Show();
            if (!guard.expired()) Close();
            return;
        }
        next->Destroy();
        if (guard.expired()) return;
        SetStatusText(fromUtf8(m_display), 0);
        ErrorText shown = error;
        shown.headline = wxString::Format(_("%s could not be opened; %s is still open."),
                                          fromUtf8(displayOf(m_access, address)), fromUtf8(m_display)) +
                         wxS("\n") + error.headline;
        showError(this, shown);
    };
}

void MainFrame::onStatus(const BrowserStatus& s) {
    SetStatusText(describe(s), 1);
}

void MainFrame::onClose(wxCloseEvent& e) {
    if (wxConfigBase* config = wxConfigBase::Get(); config && IsShown()) {
        config->Write(kPerspectiveKey, m_aui.SavePerspective());
        config->Flush();
    }
    e.Skip(); // default handling destroys the frame
}

} // namespace md::gui
