#include "gui/stores_panel.h"

#include "app/stores.h"
#include "gui/ui_helpers.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace md::gui {

namespace {
const wxColour kErrorColour(0xC0, 0x1C, 0x28);

struct Saved {
    std::vector<Store> stores;
    std::string code;
};
} // namespace

StoresPanel::StoresPanel(wxWindow* parent, DbWorker& worker)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, wxS("stores")),
      m_worker(worker) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL,
                            wxDefaultValidator, wxS("stores.list"));
    m_list->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, 120);
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 320);
    m_list->AppendColumn(_("City"), wxLIST_FORMAT_LEFT, 160);
    sizer->Add(m_list, 1, wxEXPAND | wxALL, 4);

    auto* grid = new wxFlexGridSizer(2, wxSize(8, 4));
    grid->AddGrowableCol(1, 1);
    auto field = [&](const wxString& label, const char* name) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* t = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(300, -1), 0,
                                 wxDefaultValidator, name);
        grid->Add(t, 1, wxEXPAND);
        return t;
    };
    m_code = field(_("Code"), "stores.code");
    m_code->SetHint(wxS("SH001"));
    m_name = field(_("Name"), "stores.name");
    m_city = field(_("City"), "stores.city");
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_new = new wxButton(this, wxID_NEW, _("&New store"), wxDefaultPosition, wxDefaultSize, 0,
                         wxDefaultValidator, wxS("stores.new"));
    m_save = new wxButton(this, wxID_SAVE, _("&Add store"), wxDefaultPosition, wxDefaultSize, 0,
                          wxDefaultValidator, wxS("stores.save"));
    buttons->Add(m_new, 0, wxRIGHT, 6);
    buttons->Add(m_save, 0);
    sizer->Add(buttons, 0, wxALL, 8);
    m_message =
        new wxStaticText(this, wxID_ANY, {}, wxDefaultPosition, wxDefaultSize, 0, wxS("stores.message"));
    sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);

    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &StoresPanel::onSelected, this);
    m_list->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        // The columns share the list's width: the name gets the most, nothing is cut off or half empty.
        const int w = e.GetSize().GetWidth() - 24;
        if (w > 200) {
            m_list->SetColumnWidth(0, w * 2 / 10);
            m_list->SetColumnWidth(1, w * 5 / 10);
            m_list->SetColumnWidth(2, w * 3 / 10);
        }
        e.Skip();
    });
    m_new->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startNew(); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
}

void StoresPanel::load() {
    m_worker.run(
        m_life.guard(), [](Session& s) { return app::listStores(s.context, s.store); },
        [this](std::vector<Store> stores) {
            show(std::move(stores), m_editing ? toUtf8(m_code->GetValue()) : "");
        },
        [this](std::exception_ptr e) {
            m_message->SetForegroundColour(kErrorColour);
            m_message->SetLabel(describeError(e, _("The stores could not be read.")).headline);
        });
}

void StoresPanel::show(std::vector<Store> stores, const std::string& select) {
    m_stores = std::move(stores);
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < m_stores.size(); ++i) {
        const long item = m_list->InsertItem(static_cast<long>(i), fromUtf8(m_stores[i].code));
        m_list->SetItem(item, 1, fromUtf8(m_stores[i].name));
        m_list->SetItem(item, 2, fromUtf8(m_stores[i].city));
        if (!select.empty() && m_stores[i].code == select) {
            m_list->SetItemState(item, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            m_list->EnsureVisible(item);
        }
    }
}

void StoresPanel::onSelected(wxListEvent& e) {
    const long item = e.GetIndex();
    if (item < 0 || static_cast<std::size_t>(item) >= m_stores.size()) return;
    const Store& s = m_stores[item];
    m_editing = true;
    m_code->ChangeValue(fromUtf8(s.code));
    m_code->SetEditable(false);
    m_name->ChangeValue(fromUtf8(s.name));
    m_city->ChangeValue(fromUtf8(s.city));
    m_save->SetLabel(_("&Save changes"));
    m_message->SetLabel({});
}

void StoresPanel::startNew() {
    m_editing = false;
    for (long item = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); item >= 0;
         item = m_list->GetNextItem(item, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED))
        m_list->SetItemState(item, 0, wxLIST_STATE_SELECTED);
    m_code->SetEditable(true);
    for (wxTextCtrl* t : {m_code, m_name, m_city})
        t->ChangeValue({});
    m_save->SetLabel(_("&Add store"));
    m_message->SetLabel({});
    m_code->SetFocus();
}

void StoresPanel::save() {
    if (m_busy) return;
    Store s;
    s.code = toUtf8(m_code->GetValue());
    s.name = toUtf8(m_name->GetValue().Strip(wxString::both));
    s.city = toUtf8(m_city->GetValue().Strip(wxString::both));
    m_busy = true;
    m_save->Disable();
    m_message->SetForegroundColour(GetForegroundColour());
    m_message->SetLabel(_("Saving…"));
    m_worker.run(
        m_life.guard(),
        [s, update = m_editing](Session& session) {
            const Store saved = app::saveStore(session.context, session.store, s, update);
            return Saved{app::listStores(session.context, session.store), saved.code};
        },
        [this](Saved r) {
            m_busy = false;
            m_save->Enable();
            show(std::move(r.stores), r.code);
            m_editing = true;
            m_code->ChangeValue(fromUtf8(r.code));
            m_code->SetEditable(false);
            m_save->SetLabel(_("&Save changes"));
            m_message->SetLabel(wxString::Format(_("Store %s saved."), fromUtf8(r.code)));
        },
        [this](std::exception_ptr e) {
            // The form keeps what was typed, so the person can correct it.
            m_busy = false;
            m_save->Enable();
            const ErrorText text = describeError(e, _("The store could not be saved."));
            m_message->SetForegroundColour(kErrorColour);
            m_message->SetLabel(text.headline + (text.detail.empty() ? wxString() : wxS(" ") + text.detail));
            m_message->Wrap(std::max(300, GetClientSize().GetWidth() - 20));
            Layout();
        });
}

} // namespace md::gui
