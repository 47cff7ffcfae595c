#include "gui/navigator_panel.h"

#include <wx/intl.h>
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
    case Section::Stores:
        return _("Stores");
    case Section::Settings:
        return _("Settings");
    case Section::Programme:
        return _("Programme");
    }
    return {};
}

NavigatorPanel::NavigatorPanel(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("navigator")) {
    m_tree =
        new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxTR_HIDE_ROOT | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE | wxBORDER_NONE,
                       wxDefaultValidator, wxS("navigator.tree"));
    const wxTreeItemId root = m_tree->AddRoot(wxS("MemberDesk"));
    for (Section s : {Section::Members, Section::Programme, Section::Stores, Section::Settings})
        m_tree->AppendItem(root, sectionTitle(s), -1, -1, new SectionData(s));
    wxTreeItemIdValue cookie;
    m_tree->SelectItem(m_tree->GetFirstChild(root, cookie));
    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (auto* data = dynamic_cast<SectionData*>(m_tree->GetItemData(e.GetItem())))
            m_picked.publish(data->section);
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_tree, 1, wxEXPAND);
    SetSizer(sizer);
}

void NavigatorPanel::select(Section s) {
    wxTreeItemIdValue cookie;
    for (wxTreeItemId item = m_tree->GetFirstChild(m_tree->GetRootItem(), cookie); item.IsOk();
         item = m_tree->GetNextChild(m_tree->GetRootItem(), cookie)) {
        auto* data = dynamic_cast<SectionData*>(m_tree->GetItemData(item));
        if (!data || data->section != s) continue;
        if (m_tree->GetSelection() == item)
            m_picked.publish(s); // no change event for the selected item: publish it ourselves
        else
            m_tree->SelectItem(item);
        return;
    }
}

} // namespace md::gui
