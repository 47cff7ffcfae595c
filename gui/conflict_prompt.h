#pragma once
// The question asked when a save loses an optimistic-lock race: someone else saved the member
// since it was loaded. Both versions are named so the agent can decide what to keep.
#include "domain/member.h"

#include <wx/string.h>

#include <optional>

class wxWindow;

namespace md::gui {

/// Headline and both versions as text (the extended message of the dialog).
wxString conflictHeadline(const Member& yours, const std::optional<Member>& theirs);
wxString conflictDetail(const Member& yours, const std::optional<Member>& theirs);

/// Shows the conflict dialog; true when the agent chose Reload (discard the edits, load the saved
/// version), false for "Keep editing" (the edits stay; the next save replaces their version).
bool askReloadAfterConflict(wxWindow* parent, const Member& yours, const std::optional<Member>& theirs);

/// The conflict detail when the agent has already moved on to another member: both versions, and how
/// to redo the edits (there is no form left to keep them in).
wxString conflictDetailAfterLeaving(const Member& yours, const std::optional<Member>& theirs);

/// Tells of a conflict whose save result arrived after the agent selected another member: the edits
/// of member `yours.card` were not saved. Only an OK button; the current form is left alone.
void tellConflictAfterLeaving(wxWindow* parent, const Member& yours, const std::optional<Member>& theirs);

} // namespace md::gui
