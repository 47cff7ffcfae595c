#pragma once
// The navigator on the left: the sections of the application that exist. Sections that are not built
// yet are not listed (a greyed entry that does nothing promises what the app cannot do).
#include "domain/observer.h"

#include <wx/panel.h>

class wxTreeCtrl;

namespace md::gui {

/// Also the page index in the main frame's book (so new sections go at the end).
enum class Section { Members, Stores, Settings, Programme };

class NavigatorPanel : public wxPanel {
public:
    explicit NavigatorPanel(wxWindow* parent);
    /// The section the person picked.
    Publisher<Section>& picked() { return m_picked; }
    /// Selects a section as if the person had picked it.
    void select(Section s);

private:
    wxTreeCtrl* m_tree = nullptr;
    Publisher<Section> m_picked;
};

/// "Members", "Stores", "Settings", "Programme".
wxString sectionTitle(Section s);

} // namespace md::gui
