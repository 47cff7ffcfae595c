#include "gui/main_frame.h"

#include "gui/data_transfer.h"
#include "gui/member_browser_panel.h"
#include "gui/member_detail_panel.h"
#include "gui/open_database_dialog.h"
#include "gui/ui_helpers.h"

#include <wx/aboutdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/statusbr.h>

namespace md::gui {

namespace {
enum MenuId { ImportMembers = wxID_HIGHEST + 1, ImportTransactions, ExportMembers, ResetLayout };
const wxString kCsvFiles = wxS("CSV (*.csv)|*.csv|All files|*");
} // namespace

MainFrame::MainFrame(db::DatabaseUrl url)
    : wxFrame(nullptr, wxID_ANY, wxS("MemberDesk — ") + fromUtf8(url.display()), wxDefaultPosition,
              wxSize(1200, 760), wxDEFAULT_FRAME_STYLE, wxS("mainFrame")),
      m_url(std::move(url)), m_worker(std::make_unique<DbWorker>(m_url)),
      m_pagesWorker(std::make_unique<DbWorker>(m_url)) {
    CreateStatusBar(2);
    const int widths[] = {-1, 340};
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
    for (int id : {int(ImportMembers), int(ImportTransactions), int(ExportMembers)})
        GetMenuBar()->Enable(id, false);
}

wxString MainFrame::pickCsv(const wxString& title, long style) {
    wxFileDialog dlg(this, title, {}, {}, kCsvFiles, style);
    return dlg.ShowModal() == wxID_OK ? dlg.GetPath() : wxString();
}

void MainFrame::onOpenDatabase(wxCommandEvent&) {
    OpenDatabaseDialog dlg(this, m_url);
    if (dlg.ShowModal() == wxID_OK) switchTo(dlg.url());
}

void MainFrame::onImportMembers(wxCommandEvent&) {
    if (const wxString f = pickCsv(_("Import members"), wxFD_OPEN | wxFD_FILE_MUST_EXIST); !f.empty())
        importMembersFrom(f);
}

void MainFrame::onImportTransactions(wxCommandEvent&) {
    if (const wxString f = pickCsv(_("Import transactions"), wxFD_OPEN | wxFD_FILE_MUST_EXIST); !f.empty())
        importTransactionsFrom(f);
}

void MainFrame::onExportMembers(wxCommandEvent&) {
    if (const wxString f = pickCsv(_("Export members"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT); !f.empty())
        exportMembersTo(f);
}

void MainFrame::onQuit(wxCommandEvent&) {
    Close();
}

void MainFrame::onResetLayout(wxCommandEvent&) {
    m_aui.LoadPerspective(m_defaultPerspective);
    m_aui.Update();
}

void MainFrame::onAbout(wxCommandEvent&) {
    wxAboutDialogInfo info;
    info.SetName(wxS("MemberDesk"));
    info.SetVersion(wxS("0.1.0"));
    info.SetDescription(_("Membership CRM for retail programmes: members, tiers, points and campaigns."));
    wxAboutBox(info, this);
}

void MainFrame::buildPanes() {
    m_aui.SetManagedWindow(this);
    m_navigator = new NavigatorPanel(this);
    m_browser = new MemberBrowserPanel(this, *m_pagesWorker, *m_worker);
    m_detail = new MemberDetailPanel(this, *m_worker);
    m_aui.AddPane(m_navigator, wxAuiPaneInfo()
                                   .Name(wxS("navigator"))
                                   .Caption(_("Navigator"))
                                   .Left()
                                   .BestSize(140, -1)
                                   .MinSize(110, -1)
                                   .CloseButton(false));
    m_aui.AddPane(m_browser, wxAuiPaneInfo().Name(wxS("browser")).CenterPane());
    m_aui.AddPane(m_detail, wxAuiPaneInfo()
                                .Name(wxS("detail"))
                                .Caption(_("Member"))
                                .Right()
                                .BestSize(350, -1)
                                .MinSize(300, -1)
                                .CloseButton(false));
    m_defaultPerspective = m_aui.SavePerspective();
    wxString saved;
    if (wxConfigBase* config = wxConfigBase::Get(); config && config->Read(kPerspectiveKey, &saved))
        m_aui.LoadPerspective(saved, false);
    m_aui.Update();

    m_selectionSub =
        m_browser->selection().subscribe([this](const std::int64_t& id) { m_detail->showMember(id); });
    m_changedSub = m_detail->changed().subscribe([this](const std::int64_t&) { m_browser->refreshRows(); });
    m_statusSub = m_browser->status().subscribe([this](const BrowserStatus& s) { onStatus(s); });
    m_sectionSub = m_navigator->picked().subscribe([this](const Section& s) {
        if (s == Section::Members)
            m_browser->focusSearch();
        else
            SetStatusText(wxString::Format(_("%s will arrive in a later version."), sectionTitle(s)), 0);
    });
}

void MainFrame::openDatabase() {
    SetStatusText(wxString::Format(_("Opening %s…"), fromUtf8(m_url.display())), 0);
    m_worker->run(
        m_life.guard(), [](db::Database& db) { return db.migrate(); },
        [this](int) {
            m_ready = true;
            SetStatusText(fromUtf8(m_url.display()), 0);
            for (int id : {int(ImportMembers), int(ImportTransactions), int(ExportMembers)})
                GetMenuBar()->Enable(id, true);
            m_browser->start();
            m_browser->focusSearch();
        },
        [this](std::exception_ptr e) {
            SetStatusText(_("No database open — use File → Open database…"), 0);
            showError(this, describeError(e, _("The database could not be opened.")));
        });
}

JobDialog* MainFrame::importMembersFrom(const wxString& file) {
    return startMemberImport(this, m_url, file, [this] { m_browser->reload(); });
}

JobDialog* MainFrame::importTransactionsFrom(const wxString& file) {
    return startTransactionImport(this, m_url, file, [this] { m_browser->reload(); });
}

JobDialog* MainFrame::exportMembersTo(const wxString& file) {
    return startMemberExport(this, m_url, file);
}

void MainFrame::switchTo(const db::DatabaseUrl& url) {
    auto* next = new MainFrame(url);
    next->SetSize(GetSize());
    next->Show();
    Close();
}

void MainFrame::onStatus(const BrowserStatus& s) {
    SetStatusText(describe(s), 1);
}

void MainFrame::onClose(wxCloseEvent& e) {
    if (wxConfigBase* config = wxConfigBase::Get()) {
        config->Write(kPerspectiveKey, m_aui.SavePerspective());
        config->Flush();
    }
    e.Skip(); // default handling destroys the frame
}

} // namespace md::gui
