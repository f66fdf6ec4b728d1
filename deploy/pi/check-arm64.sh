#!/usr/bin/env bash
# Runs the arm64 package's binary on this x86_64 machine under qemu-aarch64 (Debian's qemu-user, with the arm64
# C library from libc6-arm64-cross): `edge --version`, `edge config check` on the packaged default configuration
# and on a broken one, and `edge run` long enough to read a sensor and fire a rule. The same checks run in CI as
# tests/Edge.Tests/Appliance/PiPackageTests.cs; this script is for a person, and its output is in docs/install.md.
#
#   deploy/pi/check-arm64.sh                     # builds the .deb first (deploy/pi/build.sh)
#   deploy/pi/check-arm64.sh out/pi/edge_..._arm64.deb
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
deb=${1:-}
if [[ -z $deb ]]; then
  deb=$("$repo/deploy/pi/build.sh" | tail -1)
fi
[[ $(dpkg-deb -f "$deb" Architecture) == arm64 ]] || { echo "check-arm64: $deb is not an arm64 package" >&2; exit 2; }
if ! command -v qemu-aarch64 >/dev/null; then
  echo "check-arm64: installing qemu-user" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qemu-user >/dev/null
fi
[[ -d /usr/aarch64-linux-gnu/lib ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libc6-arm64-cross >/dev/null

work=$(mktemp -d /tmp/edge-check-arm64.XXXXXX)
edge_pid=""
cleanup() { [[ -z $edge_pid ]] || kill "$edge_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
dpkg-deb -x "$deb" "$work/root"
edge() { qemu-aarch64 -L /usr/aarch64-linux-gnu "$work/root/usr/bin/edge" "$@"; }
passed=0
ok() { passed=$((passed + 1)); echo "check-arm64: ok: $*"; }
fail() { echo "check-arm64: FAILED: $*" >&2; exit 1; }

echo "check-arm64: $(basename "$deb"), $(qemu-aarch64 --version | head -1)"
version=$(edge --version) || fail "edge --version exited $?"
ok "edge --version -> $version"

check=$(edge config check --config "$work/root/etc/edge/edge.json") || fail "edge config check on the packaged edge.json: $check"
ok "edge config check /etc/edge/edge.json (packaged default) -> $check"

printf '{ "sensors": [ { "id": "x", "driver": "hwmon" } ], "rules": [ { "id": "r", "type": "sensor", "metric": "temperature_c", "above": "hot" } ] }\n' >"$work/broken.json"
set +e
broken=$(edge config check --config "$work/broken.json" 2>&1)
status=$?
set -e
[[ $status -eq 2 ]] || fail "edge config check on a broken file exited $status, not 2: $broken"
ok "edge config check on a broken file -> exit 2, $(echo "$broken" | wc -l) lines, last: $(echo "$broken" | tail -1)"

mkdir -p "$work/hwmon0" "$work/state"
echo 31250 >"$work/hwmon0/temp1_input"
cat >"$work/run.json" <<JSON
{ "appliance": { "id": "qemu" }, "stateDir": "$work/state",
  "sensors": [ { "id": "rack", "driver": "hwmon", "path": "$work/hwmon0", "interval": "500ms" } ],
  "rules": [ { "id": "hot", "type": "sensor", "metric": "temperature_c", "above": 30 } ] }
JSON
# qemu itself in the background (not through the edge function), so that $! is the process to stop.
qemu-aarch64 -L /usr/aarch64-linux-gnu "$work/root/usr/bin/edge" run --config "$work/run.json" >"$work/run.log" 2>&1 &
edge_pid=$!
for _ in $(seq 1 60); do
  grep -q "Alert Trigger qemu/hot/rack" "$work/run.log" && break
  sleep 0.5
done
grep -q "Alert Trigger qemu/hot/rack" "$work/run.log" || fail "edge run did not fire within 30 s; log: $(cat "$work/run.log")"
kill "$edge_pid"
wait "$edge_pid" 2>/dev/null || true
edge_pid=""
ok "edge run read the sensor (31.25 °C) and fired: $(grep -m1 "Alert Trigger" "$work/run.log" | sed 's/^<[0-9]>//')"

echo "check-arm64: $passed checks passed"
