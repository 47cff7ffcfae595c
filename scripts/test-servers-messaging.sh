#!/usr/bin/env bash
# The email and SMS peers for the tests (called by test-servers.sh start DIR; prints the env lines):
# aiosmtpd storing each message in DIR/mail (plain, STARTTLS and SMTPS ports, AUTH user tester),
# postfix's smtp-sink for volume (the postfix service itself is never started), and Kannel: bearerbox,
# smsbox and a fakesmsc that logs every message it receives to DIR/fakesmsc.log.
set -euo pipefail
dir=$1
src=$(cd "$(dirname "$0")/.." && pwd)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { # port, what, log: up to 10 s
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not start:" >&2; cat "$3" >&2; exit 1
}

# A throwaway certificate for localhost / 127.0.0.1, its own CA (the tests trust it only when told to).
mkdir -p "$dir/tls" "$dir/mail" "$dir/kannel"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" >"$dir/tls/openssl.log" 2>&1

plain=$(free_port) starttls=$(free_port) smtps=$(free_port)
/usr/bin/python3 "$src/tests/support/smtp_store.py" "$dir/mail" "$plain" "$starttls" "$smtps" \
  "$dir/tls/cert.pem" "$dir/tls/key.pem" tester s3cret >"$dir/smtp-store.log" 2>&1 &
echo $! >"$dir/smtp-store.pid"

sink=$(free_port)
sink_user=()
[ "$(id -u)" -eq 0 ] && sink_user=(-u postfix) # smtp-sink refuses to run as root
/usr/sbin/smtp-sink "${sink_user[@]}" "127.0.0.1:$sink" 1024 >"$dir/smtp-sink.log" 2>&1 &
echo $! >"$dir/smtp-sink.pid"

admin=$(free_port) boxport=$(free_port) smsc=$(free_port) sendsms=$(free_port)
cat >"$dir/kannel/kannel.conf" <<CONF
group = core
admin-port = $admin
admin-interface = 127.0.0.1
admin-password = admin-secret
smsbox-port = $boxport
smsbox-interface = 127.0.0.1
box-allow-ip = 127.0.0.1
log-file = "$dir/kannel/bearerbox.log"
log-level = 1
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = $smsc
connect-allow-ip = 127.0.0.1

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $boxport
sendsms-port = $sendsms
sendsms-interface = 127.0.0.1
log-file = "$dir/kannel/smsbox.log"
log-level = 1
http-request-retry = 3
global-sender = 10086

group = sendsms-user
username = tester
password = s3cret
max-messages = 10
concatenation = true

group = sms-service
keyword = default
text = ""
max-messages = 0
CONF
/usr/sbin/bearerbox "$dir/kannel/kannel.conf" >"$dir/kannel/bearerbox.out" 2>&1 &
echo $! >"$dir/bearerbox.pid"
wait_port "$boxport" bearerbox "$dir/kannel/bearerbox.log"
wait_port "$smsc" "bearerbox (fake SMSC port)" "$dir/kannel/bearerbox.log"
/usr/sbin/smsbox "$dir/kannel/kannel.conf" >"$dir/kannel/smsbox.out" 2>&1 &
echo $! >"$dir/smsbox.pid"
# fakesmsc wants one message to send; -m 0 sends none of them.
/usr/lib/kannel/test/fakesmsc -H 127.0.0.1 -r "$smsc" -m 0 "100 200 text x" >"$dir/fakesmsc.log" 2>&1 &
echo $! >"$dir/fakesmsc.pid"

wait_port "$plain" aiosmtpd "$dir/smtp-store.log"
wait_port "$smtps" "aiosmtpd (smtps)" "$dir/smtp-store.log"
wait_port "$sink" smtp-sink "$dir/smtp-sink.log"
wait_port "$sendsms" smsbox "$dir/kannel/smsbox.out"

cat <<ENV
export MEMBERDESK_TEST_SMTP="127.0.0.1:$plain"
export MEMBERDESK_TEST_SMTP_STARTTLS="127.0.0.1:$starttls"
export MEMBERDESK_TEST_SMTPS="127.0.0.1:$smtps"
export MEMBERDESK_TEST_SMTP_USER=tester
export MEMBERDESK_TEST_SMTP_PASSWORD=s3cret
export MEMBERDESK_TEST_SMTP_CA="$dir/tls/cert.pem"
export MEMBERDESK_TEST_SMTP_DIR="$dir/mail"
export MEMBERDESK_TEST_SMTP_SINK="127.0.0.1:$sink"
export MEMBERDESK_TEST_KANNEL_URL="http://127.0.0.1:$sendsms/cgi-bin/sendsms"
export MEMBERDESK_TEST_KANNEL_USER=tester
export MEMBERDESK_TEST_KANNEL_PASSWORD=s3cret
export MEMBERDESK_TEST_KANNEL_LOG="$dir/fakesmsc.log"
export MEMBERDESK_TEST_KANNEL_STATUS="http://127.0.0.1:$admin/status.txt?password=admin-secret"
ENV
