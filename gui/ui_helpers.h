#pragma once
// Small conversions shared by the panels: UTF-8 <-> wxString, numbers and times for display, and the
// one way errors are shown (a translated headline, the technical detail in the extended message).
#include "domain/time.h"

#include <wx/string.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

class wxWindow;

namespace md::gui {

/// Data is UTF-8 everywhere; wxString(const char*) would use the current locale's charset.
inline wxString fromUtf8(std::string_view s) {
    return wxString::FromUTF8(s.data(), s.size());
}
inline std::string toUtf8(const wxString& s) {
    return std::string(s.utf8_str());
}

/// UI text literals are UTF-8 ("…", "—", Chinese) and reach wxString through the C library's multibyte
/// conversion, which decodes UTF-8 only under a UTF-8 LC_CTYPE. Switches LC_CTYPE to C.UTF-8 when the
/// environment's locale (e.g. plain "C") is not UTF-8. Call once after the locale is set.
void ensureUtf8Ctype();

/// "1,000,000": both supported locales (zh_CN, en_US) group by thousands with ','.
wxString formatCount(std::int64_t n);
/// "2024-03-01"
wxString formatDateText(Date d);
/// An instant in the local time zone: "2024-03-01 18:15" (dateOnly: "2024-03-01"); "" when absent.
wxString formatLocalTime(const std::optional<Timestamp>& t, bool dateOnly = false);
/// Revenue in CNY minor units for display: "¥1,234.50".
wxString formatRevenue(std::int64_t minor);

/// What a person is told about a failure: a headline they can act on and the technical cause.
struct ErrorText {
    wxString headline;
    wxString detail;
};

/// Translates our typed errors (DatabaseUnavailable, SchemaTooNew, ...) into an ErrorText;
/// `context` is the headline used for errors that carry none of their own ("The member could not be saved.").
ErrorText describeError(std::exception_ptr e, const wxString& context);

/// A modal message box with the headline as message and the detail as extended message.
void showError(wxWindow* parent, const ErrorText& error, const wxString& title = wxString());

} // namespace md::gui
