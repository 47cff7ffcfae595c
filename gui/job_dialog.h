#pragma once
// A modeless progress window for long database work (imports, exports). The job runs on its own
// thread with its own store (opened through the factory main() provided); progress comes back throttled
// through CallAfter; Cancel makes the job's ProgressFn return false, so the job rolls back and throws
// md::Cancelled. The outcome (or the error, headline and detail) stays in the window until it is closed.
#include "domain/progress.h"
#include "gui/db_worker.h"

#include <wx/dialog.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

class wxButton;
class wxGauge;
class wxListCtrl;
class wxStaticText;

namespace md::gui {

/// What a job did, in numbers; turned into words on the GUI thread.
struct JobResult {
    std::uint64_t done = 0;     ///< rows imported or exported
    std::uint64_t rejected = 0; ///< rows rejected
    std::string path;           ///< the rejects file or the written file
    /// The first rejected lines: line number and reason, shown in the dialog.
    std::vector<std::pair<std::string, std::string>> rejects;
    /// A folder the person may want to open afterwards (an export's); empty for none.
    std::string folder;
};

class JobDialog : public wxDialog {
public:
    using Job = std::function<JobResult(Session&, const ProgressFn&)>;
    using Describe = std::function<wxString(const JobResult&)>;

    /// Starts the job at once. onSuccess runs on the GUI thread after a successful job.
    JobDialog(wxWindow* parent, const wxString& title, StoreFactory openStore, Job job, Describe describe,
              wxString cancelledText, std::function<void()> onSuccess);
    /// Cancels a running job and waits for it to roll back.
    ~JobDialog() override;

    bool isRunning() const { return m_running; }
    /// As the Cancel button: the job stops at its next progress report.
    void cancel();

    /// For tests: a probe called on the job's thread with every progress report (unthrottled), just
    /// before the cancel flag is checked. A dialog takes the probe set when it is created; set it on
    /// the GUI thread, and an empty function removes it.
    using ProgressProbe = std::function<void(const Progress&)>;
    static void setProgressProbeForTests(ProgressProbe probe);

private:
    void showProgress(const Progress& p);
    void finish(const wxString& headline, const wxString& detail, bool succeeded,
                const JobResult* result = nullptr);

    wxStaticText* m_stage = nullptr;
    wxGauge* m_gauge = nullptr;
    wxStaticText* m_counts = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_detail = nullptr;
    wxButton* m_button = nullptr;
    wxButton* m_openFolder = nullptr;
    wxListCtrl* m_rejects = nullptr;
    std::string m_folder;

    bool m_running = true;
    bool m_closeWhenDone = false;
    std::function<void()> m_onSuccess;
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
    Lifeline m_life;
    std::jthread m_thread; // last: joined first when the dialog goes
};

} // namespace md::gui
