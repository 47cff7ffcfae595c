#pragma once
// The Stores page: every store (code, name, city) and a form to add one or change the name and city
// of the one selected. A fresh database needs a store before it can take a transaction.
#include "domain/store.h"
#include "gui/db_worker.h"

#include <wx/panel.h>

#include <vector>

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace md::gui {

class StoresPanel : public wxPanel {
public:
    StoresPanel(wxWindow* parent, DbWorker& worker);
    /// Reads the stores (on the worker) into the list.
    void load();
    /// As the "New store" button: an empty form for a new code.
    void startNew();
    /// As the Save button: adds the store in the form, or saves the selected one's name and city.
    void save();

    bool isBusy() const { return m_busy; }
    const std::vector<Store>& stores() const { return m_stores; }

private:
    void show(std::vector<Store> stores, const std::string& select);
    void onSelected(wxListEvent& e);

    DbWorker& m_worker;
    Lifeline m_life;
    std::vector<Store> m_stores;
    bool m_editing = false; ///< the form holds an existing store (its code cannot change)
    bool m_busy = false;

    wxListCtrl* m_list = nullptr;
    wxTextCtrl *m_code = nullptr, *m_name = nullptr, *m_city = nullptr;
    wxButton *m_new = nullptr, *m_save = nullptr;
    wxStaticText* m_message = nullptr;
};

} // namespace md::gui
