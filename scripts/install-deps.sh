#!/usr/bin/env bash
# Installs the Debian 12 packages MemberDesk needs, only those missing. Usage: install-deps.sh run|test
set -euo pipefail
purpose=${1:-run}

build_pkgs=(cmake ninja-build ccache g++ libwxgtk3.2-dev libsoci-dev libsqlite3-dev libpq-dev
            libboost-test-dev libicu-dev libpoco-dev fonts-wqy-microhei tzdata)
# postfix only for /usr/sbin/smtp-sink and smtp-source: its service is never started.
test_pkgs=(postgresql-15 xvfb xauth sqlite3 postgresql-client-15 python3 clang-format openssl
           postfix python3-aiosmtpd kannel kannel-extras)
pkgs=("${build_pkgs[@]}")
[ "$purpose" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
# Recommended packages come along on purpose: the GUI tests were verified with them (GTK theme, icons).
# The PostgreSQL package would create and start a system cluster; tests use their own throwaway one.
if [ "$purpose" = test ] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
  $SUDO mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.d/memberdesk.conf >/dev/null
fi
# postfix asks how to configure the mail system: "No configuration" leaves it unconfigured and stopped.
if [ "$purpose" = test ]; then
  printf '%s\n' "postfix postfix/main_mailer_type select No configuration" \
    "postfix postfix/mailname string localhost" | $SUDO debconf-set-selections
fi
$SUDO apt-get update -qq
# sudo resets the environment: hand the frontend setting through it explicitly.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
