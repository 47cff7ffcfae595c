// Enum codes used in files and the database, validateMember, and the headlines of typed errors.
#include "domain/errors.h"
#include "domain/member.h"
#include "domain/transaction.h"

#include <boost/test/unit_test.hpp>

using namespace md;

BOOST_AUTO_TEST_SUITE(codes)

BOOST_AUTO_TEST_CASE(gender_codes_round_trip) {
    for (Gender g : {Gender::Unknown, Gender::Female, Gender::Male, Gender::Other})
        BOOST_TEST((parseGender(toCode(g)).value() == g));
    BOOST_TEST(toCode(Gender::Female) == "F");
    BOOST_TEST(toCode(Gender::Unknown) == "");
}

BOOST_AUTO_TEST_CASE(gender_accepts_english_words_and_chinese) {
    BOOST_TEST((parseGender("female").value() == Gender::Female));
    BOOST_TEST((parseGender("Male").value() == Gender::Male));
    BOOST_TEST((parseGender("女").value() == Gender::Female));
    BOOST_TEST((parseGender("男").value() == Gender::Male));
    BOOST_TEST(!parseGender("x").ok());
}

BOOST_AUTO_TEST_CASE(member_status_codes_round_trip_and_reject_unknown) {
    for (MemberStatus s : {MemberStatus::Active, MemberStatus::Suspended, MemberStatus::Closed})
        BOOST_TEST((parseMemberStatus(toCode(s)).value() == s));
    BOOST_TEST(toCode(MemberStatus::Suspended) == "suspended");
    BOOST_TEST((parseMemberStatus(" ACTIVE ").value() == MemberStatus::Active));
    BOOST_TEST(!parseMemberStatus("gone").ok());
}

BOOST_AUTO_TEST_CASE(sales_channel_and_kind_codes_round_trip) {
    for (SalesChannel c : {SalesChannel::Store, SalesChannel::Online, SalesChannel::App, SalesChannel::Phone})
        BOOST_TEST((parseSalesChannel(toCode(c)).value() == c));
    for (TransactionKind k : {TransactionKind::Purchase, TransactionKind::Refund})
        BOOST_TEST((parseTransactionKind(toCode(k)).value() == k));
    BOOST_TEST(toCode(SalesChannel::Online) == "online");
    BOOST_TEST(toCode(TransactionKind::Refund) == "refund");
    BOOST_TEST(!parseSalesChannel("fax").ok());
    BOOST_TEST(!parseTransactionKind("gift").ok());
}

namespace {
Member validMember() {
    Member m;
    m.card = CardNumber::parse("MD00000001").value();
    m.name = "王小明";
    m.phone = PhoneNumber::parse("13800138000").value();
    return m;
}
} // namespace

BOOST_AUTO_TEST_CASE(member_with_name_and_phone_is_valid) {
    BOOST_TEST(validateMember(validMember()) == "");
}

BOOST_AUTO_TEST_CASE(member_with_only_email_is_valid) {
    Member m = validMember();
    m.phone.reset();
    m.email = EmailAddress::parse("wang@example.com").value();
    BOOST_TEST(validateMember(m) == "");
}

BOOST_AUTO_TEST_CASE(member_needs_a_name) {
    Member m = validMember();
    m.name = "   ";
    BOOST_TEST(validateMember(m) == "a name is required");
}

BOOST_AUTO_TEST_CASE(member_needs_phone_or_email) {
    Member m = validMember();
    m.phone.reset();
    BOOST_TEST(validateMember(m) == "a phone number or an email address is required");
}

BOOST_AUTO_TEST_CASE(member_name_must_be_utf8) {
    Member m = validMember();
    m.name = "Wang\xFF";
    BOOST_TEST(validateMember(m).find("UTF-8") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(conflict_headline_names_member_and_both_versions) {
    ConflictError e("MD001", 3, 4);
    BOOST_TEST(
        std::string(e.what()) ==
        "Member MD001 was changed by someone else (you edited version 3, the database now has version 4). "
        "Reload and apply your change again.");
    BOOST_TEST(e.cardNo() == "MD001");
    BOOST_TEST(e.yourVersion() == 3);
    BOOST_TEST(e.currentVersion() == 4);
    BOOST_TEST(!e.detail().empty());
}

BOOST_AUTO_TEST_CASE(schema_too_new_headline_says_to_install_the_newer_version) {
    SchemaTooNew e(7, 5);
    std::string what = e.what();
    BOOST_TEST(what.find("newer version") != std::string::npos);
    BOOST_TEST(what.find("7") != std::string::npos);
    BOOST_TEST(what.find("5") != std::string::npos);
    BOOST_TEST(e.found() == 7);
    BOOST_TEST(e.supported() == 5);
}

BOOST_AUTO_TEST_SUITE_END()
