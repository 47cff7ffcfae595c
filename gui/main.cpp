// The memberdesk executable. Everything else lives in the memberdesk_gui library, so GUI tests can
// create the same windows in-process with their own wxApp.
#include "gui/app.h"

wxIMPLEMENT_APP(md::gui::App);
