#!/usr/bin/env bash
# The system packages Dialable's tests and `npm start` use, from Debian's apt (nothing else is downloaded).
# Run once on a new machine: `sudo bash scripts/setup-system.sh`. .ci/run calls it too. Safe to run again.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
APT=($SUDO apt-get -o DPkg::Lock::Timeout=300)

# Browsers, the SIP server (WebSocket and TLS), certutil for the test CA, sqlite3 for Firefox's permission store.
required=(chromium firefox-esr kamailio kamailio-websocket-modules kamailio-tls-modules libnss3-tools sqlite3)
# The plain-RTP interop test (rtpengine + baresip); when these cannot be installed that one test says why and skips.
optional=(rtpengine-daemon baresip-core)

missing() { for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done; }

need=($(missing "${required[@]}"))
want=($(missing "${optional[@]}"))
if [ "${#need[@]}" -gt 0 ] || [ "${#want[@]}" -gt 0 ]; then
  "${APT[@]}" update -qq
fi
if [ "${#need[@]}" -gt 0 ]; then
  echo "Installing: ${need[*]}"
  "${APT[@]}" install -y -qq "${need[@]}"
fi
if [ "${#want[@]}" -gt 0 ]; then
  echo "Installing (optional): ${want[*]}"
  "${APT[@]}" install -y -qq --no-install-recommends "${want[@]}" ||
    echo "Could not install ${want[*]}: the interop test will be skipped."
fi

# managed.e2e.test.ts writes a real Chromium policy file (and removes it); the folder must be writable by the tester.
owner=${SUDO_USER:-$(id -un)}
$SUDO mkdir -p /etc/chromium/policies/managed
$SUDO chown "$owner" /etc/chromium/policies/managed
echo "System packages for Dialable are in place."
