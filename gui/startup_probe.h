#pragma once
// Measures what a person waits for: the time from the main window showing to the first member rows
// painted, and the resident memory once the list has settled. Active only when the environment
// variable MEMBERDESK_STARTUP_PROBE is set (bench/gui_startup.sh sets it); prints one line to stderr
// and, with MEMBERDESK_STARTUP_PROBE=exit, closes the app afterwards.
namespace md::gui::startup_probe {

void windowShown();     ///< call right after the main frame's Show()
void firstRowPainted(); ///< call whenever a real row is handed to the list (cheap after the first)

} // namespace md::gui::startup_probe
