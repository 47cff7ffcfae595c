#include "gui/navigator_panel.h"

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/treectrl.h>

namespace md::gui {

namespace {
class SectionData : public wxTreeItemData {
public:
    explicit SectionData(Section s) : section(s) {}
    Section section;
};
} // namespace

wxString sectionTitle(Section s) {
    switch (s) {
    case Section::Members:
        return _("Members");
    case Section::Campaigns:
        return _("Campaigns");
    case Section::Segments:
        return _("Segments");
    case Section::Dashboard:
        return _("Dashboard");
    }
    return {};
}

NavigatorPanel::NavigatorPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("navigator")) {
    m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxTR_HIDE_ROOT | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE |
                                wxBORDER_NONE);
    const wxTreeItemId root = m_tree->AddRoot(wxS("MemberDesk"));
    wxTreeItemId members;
    for (Section s : {Section::Members, Section::Segments, Section::Campaigns, Section::Dashboard}) {
        const wxTreeItemId item = m_tree->AppendItem(root, sectionTitle(s), -1, -1, new SectionData(s));
        if (s == Section::Members)
            members = item;
        else
            m_tree->SetItemTextColour(item, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    }
    m_tree->SelectItem(members);
    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (auto* data = dynamic_cast<SectionData*>(m_tree->GetItemData(e.GetItem())))
            m_picked.publish(data->section);
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_tree, 1, wxEXPAND);
    SetSizer(sizer);
}

} // namespace md::gui
