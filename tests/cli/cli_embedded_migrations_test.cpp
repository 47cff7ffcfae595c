// An installed memberdesk-cli needs no source tree: the migrations are compiled in. The binary is copied
// to a folder of its own and run from there, with the old migrations-folder variable pointing nowhere.
#include "tests/cli/cli_helpers.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>

using namespace md::test;
using md::db::Database;

BOOST_AUTO_TEST_SUITE(cli_embedded_migrations)

BOOST_AUTO_TEST_CASE(a_copied_binary_initialises_a_database_without_the_source_tree) {
    TestDatabase db;
    const auto home = db.dir() / "installed";
    std::filesystem::create_directories(home);
    const auto binary = home / "memberdesk-cli";
    std::filesystem::copy_file(MEMBERDESK_CLI_PATH, binary);
    const auto out = home / "out.txt";
    const std::string command = "cd '" + home.string() +
                                "' && MEMBERDESK_MIGRATIONS_DIR=/nonexistent ./memberdesk-cli --db '" +
                                db.urlText() + "' init > '" + out.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    const std::string output = readFile(out.string());
    BOOST_TEST(status == 0, output);
    BOOST_TEST(contains(output, "Schema version " + std::to_string(Database::supportedSchemaVersion())),
               output);
    BOOST_TEST(db.open(false)->schemaVersion() == Database::supportedSchemaVersion());
}

BOOST_AUTO_TEST_CASE(the_binary_names_no_migrations_folder_to_read) {
    const std::string binary = readFile(MEMBERDESK_CLI_PATH);
    BOOST_TEST(!binary.empty());
    BOOST_TEST(!contains(binary, MEMBERDESK_SOURCE_DIR "/resources/migrations"));
    BOOST_TEST(!contains(binary, "MEMBERDESK_MIGRATIONS_DIR"));
    BOOST_TEST(contains(binary, "CREATE TABLE members")); // the scripts themselves are in it
}

BOOST_AUTO_TEST_SUITE_END()
