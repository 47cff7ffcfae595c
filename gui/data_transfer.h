#pragma once
// File → Import / Export: each runs in a JobDialog on its own thread and store, never on the
// GUI thread. The file was chosen by the caller (a wxFileDialog, or a test).
#include "domain/data_transfer.h"
#include "gui/db_worker.h"

#include <wx/string.h>

#include <functional>

class wxWindow;

namespace md::gui {

class JobDialog;

/// Imports members from a CSV file (Insert: existing cards are rejected; Upsert: they are updated);
/// onImported runs (GUI thread) after a successful import. The dialog lists the rejected lines.
JobDialog* startMemberImport(wxWindow* parent, StoreFactory openStore, const wxString& file, ImportMode mode,
                             std::function<void()> onImported);
/// Imports transactions (and updates member totals) from a CSV file.
JobDialog* startTransactionImport(wxWindow* parent, StoreFactory openStore, const wxString& file,
                                  ImportMode mode, std::function<void()> onImported);
/// "members" -> "members.csv"; a name already ending in .csv is kept.
wxString withCsvExtension(const wxString& file);
/// Exports all members to a CSV file in the import format (".csv" added when missing; a UTF-8 BOM
/// first for Excel when asked). Writes FILE.part and renames it at the end, so a cancelled or failed
/// export never leaves half a file under the chosen name. The finished dialog offers the folder.
JobDialog* startMemberExport(wxWindow* parent, StoreFactory openStore, const wxString& file, bool excelBom);

} // namespace md::gui
