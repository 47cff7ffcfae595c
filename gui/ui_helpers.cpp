#include "gui/ui_helpers.h"

#include "domain/errors.h"
#include "domain/money.h"
#include "domain/user_error.h"
#include "gui/messages.h"

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include <clocale>
#include <cstring>
#include <langinfo.h>

namespace md::gui {

void ensureUtf8Ctype() {
    const char* codeset = nl_langinfo(CODESET);
    if (codeset && std::strcmp(codeset, "UTF-8") == 0) return;
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "en_US.UTF-8");
}

wxString formatCount(std::int64_t n) {
    std::string digits =
        std::to_string(n < 0 ? -static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return fromUtf8((n < 0 ? "-" : "") + out);
}

wxString formatDateText(Date d) {
    return d == Date{} ? wxString() : fromUtf8(formatDate(d));
}

wxString formatLocalTime(const std::optional<Timestamp>& t, bool dateOnly) {
    if (!t) return {};
    // Stored instants are UTC; people read them in the time zone of the PC they sit at.
    wxDateTime local(static_cast<time_t>(t->time_since_epoch().count()));
    return local.Format(dateOnly ? wxS("%Y-%m-%d") : wxS("%Y-%m-%d %H:%M"));
}

wxString formatRevenue(std::int64_t minor) {
    return fromUtf8(Money(minor).format());
}

ErrorText describeError(std::exception_ptr e, const wxString& context) {
    try {
        std::rethrow_exception(e);
    } catch (const UserError& ex) {
        // Expected outcomes carry a code: the sentence comes from the app's own catalogue.
        const UserMessage m = describeUserError(ex);
        return {m.headline, m.hint};
    } catch (const SchemaTooNew& ex) {
        return {wxString::Format(_("This database was written by a newer version of MemberDesk (schema %d; "
                                   "this version understands up to %d). Please update MemberDesk."),
                                 ex.found(), ex.supported()),
                fromUtf8(ex.detail().empty() ? ex.what() : ex.detail())};
    } catch (const DatabaseUnavailable& ex) {
        return {_("The database could not be reached. Check the file path or the server address, and that "
                  "the server is running."),
                fromUtf8(ex.detail().empty() ? ex.what() : ex.detail())};
    } catch (const MemberDeskError& ex) {
        wxString detail = fromUtf8(ex.what());
        if (!ex.detail().empty()) detail += wxS("\n") + fromUtf8(ex.detail());
        return {context, detail};
    } catch (const std::exception& ex) {
        return {context, fromUtf8(ex.what())};
    } catch (...) {
        return {context, _("Unknown error.")};
    }
}

void showError(wxWindow* parent, const ErrorText& error, const wxString& title) {
    wxMessageDialog dlg(parent, error.headline, title.empty() ? wxString(_("MemberDesk")) : title,
                        wxOK | wxICON_ERROR);
    if (!error.detail.empty()) dlg.SetExtendedMessage(error.detail);
    dlg.ShowModal();
}

} // namespace md::gui
