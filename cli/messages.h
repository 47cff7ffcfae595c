#pragma once
// The CLI's sentences for the codes of md::UserError (English; the desktop app has its own catalogue,
// which the Chinese interface translates). Unknown codes fall back to the error's own text.
#include "domain/user_error.h"

#include <string>

namespace md::cli {

struct Message {
    std::string headline;
    std::string hint;
};

Message describe(const UserError& e);

} // namespace md::cli
