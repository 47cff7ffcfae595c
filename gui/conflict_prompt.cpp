#include "gui/conflict_prompt.h"

#include "gui/ui_helpers.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

namespace md::gui {

namespace {
wxString consentText(const Consent& c) {
    return c.granted ? _("yes") : _("no");
}

wxString versionText(const Member& m) {
    return wxString::Format(_("  Name: %s\n  Phone: %s\n  Email: %s\n  Email consent: %s\n  SMS consent: %s"),
                            fromUtf8(m.name), m.phone ? fromUtf8(m.phone->display()) : wxString(wxS("—")),
                            m.email ? fromUtf8(m.email->str()) : wxString(wxS("—")),
                            consentText(m.emailConsent), consentText(m.smsConsent));
}
} // namespace

wxString conflictHeadline(const Member& yours, const std::optional<Member>& theirs) {
    // Name the member as stored, not as edited: that is the name the agent will find again.
    return wxString::Format(_("Someone else changed member %s (%s) while you were editing it. "
                              "Your changes were not saved."),
                            fromUtf8(yours.card.str()), fromUtf8(theirs ? theirs->name : yours.name));
}

namespace {
wxString bothVersions(const Member& yours, const std::optional<Member>& theirs) {
    wxString text = wxString::Format(_("Your version (edited from version %lld):\n%s"),
                                     static_cast<long long>(yours.version), versionText(yours));
    if (theirs)
        text += wxString::Format(_("\n\nSaved version %lld, now in the database:\n%s"),
                                 static_cast<long long>(theirs->version), versionText(*theirs));
    else
        text += wxS("\n\n") + _("The member no longer exists in the database.");
    return text;
}
} // namespace

wxString conflictDetail(const Member& yours, const std::optional<Member>& theirs) {
    wxString text = bothVersions(yours, theirs);
    text +=
        wxS("\n\n") + _("Reload shows the saved version and discards your edits. Keep editing leaves your "
                        "edits in the form; saving them then replaces the saved version.");
    return text;
}

bool askReloadAfterConflict(wxWindow* parent, const Member& yours, const std::optional<Member>& theirs) {
    wxMessageDialog dlg(parent, conflictHeadline(yours, theirs), _("Member changed by someone else"),
                        wxOK | wxCANCEL | wxICON_WARNING);
    dlg.SetExtendedMessage(conflictDetail(yours, theirs));
    dlg.SetOKCancelLabels(_("&Reload"), _("&Keep editing"));
    return dlg.ShowModal() == wxID_OK;
}

wxString conflictDetailAfterLeaving(const Member& yours, const std::optional<Member>& theirs) {
    wxString text = bothVersions(yours, theirs);
    text += wxS("\n\n") + wxString::Format(_("To redo your edits, select member %s again and save them."),
                                           fromUtf8(yours.card.str()));
    return text;
}

void tellConflictAfterLeaving(wxWindow* parent, const Member& yours, const std::optional<Member>& theirs) {
    wxMessageDialog dlg(parent, conflictHeadline(yours, theirs), _("Member changed by someone else"),
                        wxOK | wxICON_WARNING);
    dlg.SetExtendedMessage(conflictDetailAfterLeaving(yours, theirs));
    dlg.ShowModal();
}

} // namespace md::gui
