// memberdesk-cli config with the email and SMS keys: values are checked, passwords are never printed
// back, and the unsubscribe signing secret can be neither read nor set. On SQLite and PostgreSQL.
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>

using namespace md::test;

BOOST_AUTO_TEST_SUITE(cli_config_delivery)

BOOST_AUTO_TEST_CASE(config_never_prints_a_password_back) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"init"}).exitCode == 0);
    const auto set = runOn(db, {"config", "set", "smtp.password", "hunter2-secret"});
    BOOST_TEST(set.exitCode == 0, describe(set));
    BOOST_TEST(!contains(set.out, "hunter2"), describe(set));
    const auto get = runOn(db, {"config", "get", "smtp.password"});
    BOOST_TEST(get.out == "********\n", describe(get));
    const auto list = runOn(db, {"config", "list"});
    BOOST_TEST(!contains(list.out, "hunter2"), describe(list));
    BOOST_TEST(contains(list.out, "smtp.security"), describe(list));
    BOOST_TEST(contains(list.out, "21:00-09:00"), describe(list));
}

BOOST_AUTO_TEST_CASE(config_checks_delivery_values_and_keeps_the_signing_secret_out_of_reach) {
    InitialisedDatabase db;
    BOOST_TEST(runOn(db, {"init"}).exitCode == 0);
    const auto bad = runOn(db, {"config", "set", "smtp.security", "ssl"});
    BOOST_TEST(bad.exitCode == 2, describe(bad));
    BOOST_TEST(contains(bad.err, "expected one of: none, starttls, smtps"), describe(bad));
    const auto from = runOn(db, {"config", "set", "smtp.from", "会员中心 <news@shop.example.cn>"});
    BOOST_TEST(from.exitCode == 0, describe(from));
    BOOST_TEST(runOn(db, {"config", "get", "smtp.from"}).out == "会员中心 <news@shop.example.cn>\n");
    BOOST_TEST(runOn(db, {"config", "get", "unsubscribe.secret"}).exitCode == 2);
    BOOST_TEST(runOn(db, {"config", "set", "unsubscribe.secret", "mine"}).exitCode == 2);
}

BOOST_AUTO_TEST_SUITE_END()
