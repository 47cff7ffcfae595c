#pragma once
// The real peers the campaign transport tests talk to (scripts/test-servers.sh starts them and exports
// their addresses): aiosmtpd storing messages, Kannel with its fake SMSC, and helpers to read what they
// received.
#include "campaigns/smtp_sender.h"
#include "domain/json.h"

#include <filesystem>
#include <string>

namespace md::test {

/// The environment variable's value; fails the test (with how to start the peers) when it is unset.
std::string peerEnv(const char* name);

/// An SmtpConfig for "host:port" from the variable, no TLS, no AUTH, one connection.
campaigns::SmtpConfig smtpPeer(const char* variable);

/// A port on loopback where nothing listens.
int deadPort();

/// The message file aiosmtpd stored that contains `needle` (a Message-ID), waiting up to 10 s.
std::filesystem::path storedMessage(const std::string& needle);

/// The stored message as Python's email package reads it (tests/support/parse_mail.py).
json::Value parseMail(const std::filesystem::path& file);

/// The line fakesmsc logged for the message to `number` (a whole field), waiting up to 10 s.
std::string fakesmscLineWith(const std::string& needle);

/// fakesmsc's log text of a UCS-2 message (URL-encoded big-endian UTF-16) as UTF-8.
std::string decodeUcs2Log(const std::string& encoded);

/// A string unique within this test run, for numbers and subjects the tests look for.
std::string uniqueTag();

} // namespace md::test
