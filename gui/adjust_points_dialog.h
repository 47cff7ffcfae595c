#pragma once
// "Adjust points…": a manual credit (+) or debit (-) with a reason code and a note, posted with
// app::adjustPoints on the worker. The outcome stays in the dialog: posted, waiting for a second
// person's approval (over the programme's limit), or why not (too few points, no reason ...).
// Modeless, so the agent can still read the member behind it; one request id per attempt makes a
// repeated click safe (the second posting of the same id writes nothing).
#include "gui/db_worker.h"

#include <wx/dialog.h>

#include <cstdint>
#include <functional>
#include <string>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace md::gui {

class AdjustPointsDialog : public wxDialog {
public:
    /// onPosted runs on the GUI thread after a posting changed the member's points.
    AdjustPointsDialog(wxWindow* parent, DbWorker& worker, std::string card, std::int64_t spendable,
                       std::int64_t approvalThreshold, std::function<void()> onPosted);

    /// As the Post button. False when nothing was sent (invalid points, or a posting is running).
    bool post();
    bool isPosting() const { return m_posting; }

private:
    void setResult(const wxString& text, bool error);
    void newRequest();

    DbWorker& m_worker;
    Lifeline m_life;
    std::string m_card;
    std::string m_requestId;
    std::function<void()> m_onPosted;
    bool m_posting = false;

    wxTextCtrl *m_points = nullptr, *m_note = nullptr;
    wxChoice* m_reason = nullptr;
    wxStaticText* m_result = nullptr;
    wxButton* m_post = nullptr;
};

} // namespace md::gui
