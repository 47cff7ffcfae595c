// The rules behind the detail pane's Save: what the form accepts and what it records.
#include "gui/member_edit.h"

#include <boost/test/unit_test.hpp>

using namespace md;
using namespace md::gui;

namespace {
Member sample() {
    Member m;
    m.id = 7;
    m.card = CardNumber::parse("MD0007").value();
    m.name = "张伟";
    m.phone = PhoneNumber::parse("13800138000").value();
    m.email = EmailAddress::parse("zhang@example.cn").value();
    m.smsConsent = Consent{true, "store", parseTimestamp("2024-01-02T03:04:05Z").value()};
    m.version = 3;
    return m;
}
const Timestamp kNow = parseTimestamp("2025-06-01T08:00:00Z").value();
} // namespace

BOOST_AUTO_TEST_SUITE(member_edit)

BOOST_AUTO_TEST_CASE(the_form_shows_the_phone_in_national_display_form) {
    BOOST_TEST(editsOf(sample()).phone == "138 0013 8000");
}

BOOST_AUTO_TEST_CASE(an_untouched_form_is_valid_and_unchanged) {
    const Member m = sample();
    const EditResult r = applyEdits(m, editsOf(m), kNow);
    BOOST_TEST(r.ok());
    BOOST_TEST(!r.changed);
}

BOOST_AUTO_TEST_CASE(a_junk_phone_is_rejected_with_the_parsers_reason_and_other_fields_stay_valid) {
    MemberEdits e = editsOf(sample());
    e.phone = "138-abc-0000";
    const EditResult r = applyEdits(sample(), e, kNow);
    BOOST_TEST(!r.ok());
    BOOST_TEST(!r.phoneError.empty());
    BOOST_TEST(r.nameError.empty());
    BOOST_TEST(r.emailError.empty());
}

BOOST_AUTO_TEST_CASE(a_bad_email_and_an_empty_name_are_each_reported_on_their_field) {
    MemberEdits e = editsOf(sample());
    e.email = "zhang@";
    e.name = "   ";
    const EditResult r = applyEdits(sample(), e, kNow);
    BOOST_TEST(!r.emailError.empty());
    BOOST_TEST(!r.nameError.empty());
}

BOOST_AUTO_TEST_CASE(a_phone_typed_in_another_format_is_stored_in_e164) {
    MemberEdits e = editsOf(sample());
    e.phone = "+86 139-0013-9000";
    const EditResult r = applyEdits(sample(), e, kNow);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.changed);
    BOOST_TEST(r.member.phone->e164() == "+8613900139000");
}

BOOST_AUTO_TEST_CASE(removing_both_phone_and_email_breaks_the_member_rule) {
    MemberEdits e = editsOf(sample());
    e.phone.clear();
    e.email.clear();
    const EditResult r = applyEdits(sample(), e, kNow);
    BOOST_TEST(!r.formError.empty());
}

BOOST_AUTO_TEST_CASE(
    a_changed_consent_is_recorded_as_given_by_an_agent_now_and_an_unchanged_one_keeps_its_origin) {
    MemberEdits e = editsOf(sample());
    e.emailConsent = true;
    const EditResult r = applyEdits(sample(), e, kNow);
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(r.member.emailConsent.granted);
    BOOST_TEST(r.member.emailConsent.source == "agent");
    BOOST_TEST((r.member.emailConsent.at == kNow));
    BOOST_TEST(r.member.smsConsent.source == "store");
}

BOOST_AUTO_TEST_SUITE_END()
