#pragma once
// The navigator on the left: the sections of the application. Only Members exists so far; the others
// are listed so the layout (and people's expectations) are stable as they arrive.
#include "domain/observer.h"

#include <wx/panel.h>

class wxTreeCtrl;

namespace md::gui {

enum class Section { Members, Campaigns, Segments, Dashboard };

class NavigatorPanel : public wxPanel {
public:
    explicit NavigatorPanel(wxWindow* parent);
    /// The section the person picked.
    Publisher<Section>& picked() { return m_picked; }

private:
    wxTreeCtrl* m_tree = nullptr;
    Publisher<Section> m_picked;
};

/// "Campaigns", ... for messages about sections.
wxString sectionTitle(Section s);

} // namespace md::gui
