#!/usr/bin/env bash
# The desktop app on a big database: time from the window showing to the first member rows painted,
# and resident memory once the list has settled (targets at 1,000,000 members: <= 1 s, <= 150 MB).
# Baseline in the same run: the same figures on a 20,000-member database, so the cost of scale shows.
# usage: bench/gui_startup.sh [MEMBERS]   (creates /tmp/memberdesk-bench/gui_N.db once; needs a display
# or starts Xvfb itself)
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-1000000}
work=/tmp/memberdesk-bench
mkdir -p "$work"
cli=build/cli/memberdesk-cli
for n in 20000 "$members"; do
  [ -s "$work/gui_$n.db" ] || "$cli" --db "sqlite:$work/gui_$n.db" demo --members "$n" --seed 7 >/dev/null
done
if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
  export DISPLAY=":$(cat "$work/display")"
fi
for n in 20000 "$members"; do
  for run in 1 2 3; do
    # Each run starts from a fresh config so a remembered layout or sort order does not help.
    cfg=$(mktemp -d)
    printf '%9s members, run %d: ' "$n" "$run"
    HOME=$cfg XDG_CONFIG_HOME=$cfg MEMBERDESK_STARTUP_PROBE=exit \
      build/gui/memberdesk --db "sqlite:$work/gui_$n.db" 2>&1 | grep '^startup:' || echo "no report"
    rm -rf "$cfg"
  done
done
