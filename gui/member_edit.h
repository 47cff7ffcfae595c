#pragma once
// The editable part of a member as the detail pane's form holds it, and the rules for turning the
// form back into a Member. No wx: the view shows the reasons next to the fields.
#include "domain/member.h"

#include <string>

namespace md::gui {

/// What the form fields contain (UTF-8).
struct MemberEdits {
    std::string name;
    std::string phone; ///< as typed: "138 0013 8000", "+86 13800138000", empty for none
    std::string email; ///< empty for none
    bool emailConsent = false;
    bool smsConsent = false;
    bool operator==(const MemberEdits&) const = default;
};

struct EditResult {
    Member member;                                 ///< the original with the valid edits applied
    std::string nameError, phoneError, emailError; ///< reasons shown next to the fields
    std::string formError; ///< a rule across fields ("a phone or an email is required")
    bool changed = false;
    bool ok() const {
        return nameError.empty() && phoneError.empty() && emailError.empty() && formError.empty();
    }
};

/// The form as it shows m: the phone in national display form.
MemberEdits editsOf(const Member& m);

/// Validates the edits with PhoneNumber::parse / EmailAddress::parse / validateMember. A consent
/// checkbox that changed is recorded as given or withdrawn by an agent at `now`.
EditResult applyEdits(const Member& original, const MemberEdits& edits, Timestamp now);

} // namespace md::gui
