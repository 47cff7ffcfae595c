#pragma once
// The Programme pane's single values: name, effective date, ladder window and downgrade policy, point
// value, order limits, approval threshold and expiry policy. Each control is keyed by its path in the
// programme file ("expiry.days"), so a validation problem finds its field; problems are shown in red
// under the box and the field is marked.
#include "domain/loyalty/programme.h"

#include <wx/panel.h>

#include <map>
#include <string>
#include <vector>

class wxStaticText;

namespace md::gui {

class ProgrammeScalars : public wxPanel {
public:
    explicit ProgrammeScalars(wxWindow* parent);
    void show(const loyalty::Programme& p);
    void setEffectiveFrom(Date d);
    /// Writes the controls into p; unreadable numbers add problems.
    void read(loyalty::Programme& p, std::vector<loyalty::ProgrammeProblem>& problems) const;
    /// Shows the problems whose field is one of these controls (the others are ignored).
    void showProblems(const std::vector<loyalty::ProgrammeProblem>& problems);

private:
    wxWindow* add(const std::string& key, const wxString& label, wxWindow* control);
    std::map<std::string, wxWindow*> m_fields;
    std::map<std::string, wxString> m_labels;
    wxStaticText* m_problems = nullptr;
};

} // namespace md::gui
