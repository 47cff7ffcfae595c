#!/usr/bin/env bash
# Installs what is missing, builds, and opens MemberDesk on the embedded database. On first start the
# database is created and seeded with a demo programme of about 20,000 members.
#   ./run.sh                      the embedded database (~/.local/share/memberdesk/memberdesk.db)
#   ./run.sh --db URL             another database (sqlite:PATH or postgresql://...); never seeded
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh run
scripts/build.sh

cli=build/cli/memberdesk-cli
if [ -z "${MEMBERDESK_DB:-}" ] && [[ " $* " != *" --db"* ]]; then
  # The CLI resolves the same default location as the app. --if-empty makes this a no-op once the
  # database has members, and a first start that was interrupted simply seeds again.
  "$cli" demo --members 20000 --seed 42 --if-empty
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<MSG
MemberDesk is built and its database is ready, but there is no display to open the window on.
  - On a desktop session, run ./run.sh from a terminal inside it.
  - Over SSH, connect with 'ssh -X' (X forwarding), or start a virtual display:
        Xvfb :1 -screen 0 1280x800x24 & DISPLAY=:1 ./run.sh
  - The command-line tool works without a display: $cli --help
MSG
  exit 1
fi
exec build/gui/memberdesk "$@"
