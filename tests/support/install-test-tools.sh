#!/usr/bin/env bash
# `npm test`'s pretest step: the suites drive Debian's headless Chromium (playwright-core brings no browser) and start
# private brokers from Debian's nats-server; install whichever is missing, with apt-get, as the machines run as root.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
nats="${NATS_SERVER_BIN:-/usr/sbin/nats-server}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$nats" ] || missing+=(nats-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "pretest: missing ${missing[*]} ($chromium, $nats): install the Debian packages (apt-get install ${missing[*]}) or set CHROMIUM_PATH / NATS_SERVER_BIN" >&2
  exit 1
fi
echo "pretest: installing ${missing[*]} with apt-get (not found at $chromium, $nats)"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
for tool in "$chromium" "$nats"; do
  [ -x "$tool" ] || { echo "pretest: $tool is still missing after the install (CHROMIUM_PATH / NATS_SERVER_BIN point elsewhere?)" >&2; exit 1; }
done
