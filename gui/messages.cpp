#include "gui/messages.h"

#include "gui/ui_helpers.h"

#include <wx/intl.h>

namespace md::gui {

namespace {
wxString p(const UserError& e, const char* name) {
    return fromUtf8(e.param(name));
}
} // namespace

UserMessage describeUserError(const UserError& e) {
    const std::string& c = e.code();
    if (c == "setting.unknown_key") {
        const wxString s = p(e, "suggestion");
        return {wxString::Format(_("There is no setting called “%s”."), p(e, "key")),
                s.empty() ? wxString() : wxString::Format(_("Did you mean “%s”?"), s)};
    }
    if (c == "setting.invalid")
        return {wxString::Format(_("“%s” is not a valid value for %s: %s."), p(e, "value"), p(e, "key"),
                                 p(e, "reason")),
                _("Nothing was changed.")};
    if (c == "template.invalid")
        return {wxString::Format(_("The message cannot be used: %s, line %s, column %s: “%s”."), p(e, "part"),
                                 p(e, "line"), p(e, "column"), p(e, "subject")),
                _("Check the merge field's spelling and that every {{#if}} is closed with {{/if}}.")};
    if (c == "store.invalid")
        return {wxString::Format(_("The store “%s” cannot be saved: %s."), p(e, "code"), p(e, "reason")), {}};
    if (c == "store.exists")
        return {wxString::Format(_("There is already a store with the code %s."), p(e, "code")),
                _("Choose it in the list to change its name or city.")};
    if (c == "store.not_found")
        return {wxString::Format(_("There is no store with the code %s."), p(e, "code")),
                _("Add it as a new store.")};
    if (c == "member.invalid")
        return {wxString::Format(_("Member %s cannot be saved: %s."), p(e, "card"), p(e, "reason")), {}};
    if (c == "query.too_short")
        return {wxString::Format(_("“%s” is too short to search."), p(e, "text")),
                _("Type at least 4 digits, a name, a card number or an email address.")};
    if (c == "database.not_initialised")
        return {wxString::Format(_("The database %s has not been set up for MemberDesk."), p(e, "database")),
                _("Ask your administrator to set it up, or open another database.")};
    if (c == "database.needs_upgrade")
        return {wxString::Format(_("The database %s needs an upgrade (schema %s to %s) before this version "
                                   "of MemberDesk can use it."),
                                 p(e, "database"), p(e, "current"), p(e, "supported")),
                _("Open it again and agree to the upgrade, or ask your administrator to upgrade it.")};
    if (c == "points.short")
        return {wxString::Format(_("Only %s points are spendable; %s were asked for."), p(e, "spendable"),
                                 p(e, "requested")),
                _("Nothing was posted.")};
    if (c == "points.zero") return {_("An adjustment of 0 points changes nothing."), {}};
    if (c == "points.not_positive") return {_("Enter a number of points above 0."), {}};
    if (c == "points.reason_required") return {_("An adjustment needs a reason."), {}};
    if (c == "programme.none")
        return {_("No loyalty programme is set up yet."), _("Store a programme first (Programme pane).")};
    if (c == "member.unknown_card")
        return {wxString::Format(_("There is no member with the card %s."), p(e, "card")), {}};
    if (c == "whatif.period")
        return {wxString::Format(_("The period from %s to %s is empty: the start is after the end."),
                                 p(e, "from"), p(e, "to")),
                {}};
    if (c == "programme.invalid")
        return {_("The programme has problems; nothing was stored."), p(e, "problems")};
    if (c == "demo.not_empty") return {_("The demo data can only be loaded into an empty database."), {}};
    return {fromUtf8(e.what()), {}};
}

} // namespace md::gui
