#!/usr/bin/env bash
# Installs what the tests need, builds, starts a throwaway PostgreSQL 15 cluster, Xvfb and the email/SMS
# peers (aiosmtpd, smtp-sink, Kannel with its fake SMSC) on loopback,
# runs every test with CTest, stops the servers, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh test
scripts/build.sh

servers=$(mktemp -d /tmp/memberdesk-test.XXXXXX)
trap 'scripts/test-servers.sh stop "$servers"' EXIT
scripts/test-servers.sh start "$servers"
# shellcheck disable=SC1091
source "$servers/env"
echo "Test servers: PostgreSQL $MEMBERDESK_TEST_PG, display $DISPLAY, SMTP $MEMBERDESK_TEST_SMTP, Kannel $MEMBERDESK_TEST_KANNEL_URL"
ctest --test-dir build --output-on-failure -j 2 --timeout 900
