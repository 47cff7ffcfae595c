#pragma once
// The desktop app's sentences for the codes of md::UserError, in one place so the Chinese catalogue
// can translate them (the CLI has its own, cli/messages.cpp, with command-line hints). Unknown codes
// fall back to the error's own English text.
#include "domain/user_error.h"

#include <wx/string.h>

namespace md::gui {

struct UserMessage {
    wxString headline; ///< what happened, a full sentence
    wxString hint;     ///< what to do about it; may be empty
};

UserMessage describeUserError(const UserError& e);

} // namespace md::gui
