#!/usr/bin/env bash
# Starts or stops the throwaway servers the tests use, all on loopback, on ports chosen at run time:
#   start DIR  -> a PostgreSQL 15 cluster, an Xvfb display, SMTP peers (aiosmtpd storing messages, with a
#                 throwaway certificate for STARTTLS/SMTPS; postfix's smtp-sink for volume) and Kannel
#                 (bearerbox, smsbox, fakesmsc); writes DIR/env with the variables to export
#   stop DIR   -> stops them and removes DIR
set -euo pipefail
action=$1
dir=$2
pgbin=/usr/lib/postgresql/15/bin

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

case "$action" in
start)
  mkdir -p "$dir"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port=$(free_port)
  as_pg "$pgbin/initdb" -D "$dir/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_pg "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$dir/pg.log" >&2; exit 1; }
  # Xvfb picks a free display itself and tells us which on fd 3.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
  echo $! >"$dir/xvfb.pid"
  for _ in $(seq 50); do [ -s "$dir/display" ] && break; sleep 0.1; done
  [ -s "$dir/display" ] || { echo "Xvfb did not start:" >&2; cat "$dir/xvfb.log" >&2; exit 1; }
  cat >"$dir/env" <<ENV
export MEMBERDESK_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
export DISPLAY=":$(cat "$dir/display")"
ENV
  "$(dirname "$0")/test-servers-messaging.sh" "$dir" >>"$dir/env"
  ;;
stop)
  # Kannel's boxes first (smsbox and fakesmsc end when bearerbox goes, but not the other way round).
  for f in "$dir"/smsbox.pid "$dir"/fakesmsc.pid "$dir"/bearerbox.pid "$dir"/smtp-store.pid "$dir"/smtp-sink.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  [ -f "$dir/xvfb.pid" ] && kill "$(cat "$dir/xvfb.pid")" 2>/dev/null || true
  [ -d "$dir/pg" ] && as_pg "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
