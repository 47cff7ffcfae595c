#pragma once
// File → Import / Export: each runs in a JobDialog on its own thread and store, never on the
// GUI thread. The file was chosen by the caller (a wxFileDialog, or a test).
#include "gui/db_worker.h"

#include <wx/string.h>

#include <functional>

class wxWindow;

namespace md::gui {

class JobDialog;

/// Imports members from a CSV file; onImported runs (GUI thread) after a successful import.
JobDialog* startMemberImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                             std::function<void()> onImported);
/// Imports transactions (and updates member totals) from a CSV file.
JobDialog* startTransactionImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                                  std::function<void()> onImported);
/// Exports all members to a CSV file in the import format. Writes FILE.part and renames it at the
/// end, so a cancelled or failed export never leaves half a file under the chosen name.
JobDialog* startMemberExport(wxWindow* parent, StoreFactory openStore, const wxString& file);

} // namespace md::gui
