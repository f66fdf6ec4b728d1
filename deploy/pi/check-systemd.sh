#!/usr/bin/env bash
# Boots a Debian 12 root with the Edge package installed under systemd-nspawn (a real systemd as PID 1) and checks
# the unit the way a Pi would run it: Type=notify reaches "active", the watchdog is fed while the pipeline runs and
# restarts a frozen daemon, the process runs as edge with no capabilities, no new privileges and a seccomp filter
# (MemoryDenyWriteExecute included: the NativeAOT build generates no code), reload and stop behave.
# Uses the amd64 package so it runs natively; the unit and the code are the same as on the Pi.
#
#   deploy/pi/check-systemd.sh out/pi/edge_..._amd64.deb [ROOTFS]
# ROOTFS: a debootstrap made by check-install.sh (default out/check-install/rootfs; made when missing).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "check-systemd: needs root (systemd-nspawn)" >&2; exit 1; }
deb=${1:?usage: check-systemd.sh EDGE.deb [ROOTFS]}
rootfs=${2:-$repo/out/check-install/rootfs}
if [[ ! -x $rootfs/usr/bin/dpkg ]]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  debootstrap --variant=minbase --include=adduser,init-system-helpers,procps,systemd bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
fi
command -v systemd-nspawn >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq systemd-container >/dev/null

chroot "$rootfs" dpkg -P edge >/dev/null 2>&1 || true
rm -rf "$rootfs/etc/edge" "$rootfs/var/lib/edge"
cp "$deb" "$rootfs/tmp/edge.deb"
chroot "$rootfs" dpkg -i /tmp/edge.deb >/dev/null
# A routing key (the unit hands it over as a credential) and, so that nothing here can reach PagerDuty, a relay
# URL on the loopback discard port instead of the us endpoint: the operator's edit of the conffile.
printf '%s\n' 0123456789abcdef0123456789abcdef >"$rootfs/etc/edge/routing.key"
sed -i 's|^  // "pagerduty": .*|  "pagerduty": { "connector": "http://127.0.0.1:9" },|' "$rootfs/etc/edge/edge.json"
grep -q '"connector": "http://127.0.0.1:9"' "$rootfs/etc/edge/edge.json" || { echo "check-systemd: could not point pagerduty at loopback" >&2; exit 1; }

log=$(mktemp /tmp/edge-check-systemd.XXXXXX.log)
systemd-nspawn -D "$rootfs" --register=no --keep-unit -q -b >"$log" 2>&1 &
nspawn=$!
container=""
cleanup() {
  [[ -z $container ]] || nsenter -t "$container" -a systemctl poweroff >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do kill -0 "$nspawn" 2>/dev/null || break; sleep 0.2; done
  kill "$nspawn" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 50); do
  container=$(pgrep -P "$nspawn" -x systemd | head -1 || true)
  [[ -n $container ]] && break
  sleep 0.2
done
[[ -n $container ]] || { cat "$log" >&2; echo "check-systemd: the container did not boot" >&2; exit 1; }
inside() { nsenter -t "$container" -a "$@"; }
prop() { inside systemctl show edge.service -p "$1" --value; }
passed=0
ok() { passed=$((passed + 1)); echo "check-systemd: ok: $*"; }
fail() { echo "check-systemd: FAILED: $*" >&2; inside journalctl -u edge --no-pager -n 30 >&2 || true; exit 1; }
wait_for() {  # wait_for SECONDS COMMAND...: true once the command succeeds
  local limit=$1; shift
  for _ in $(seq 1 $((limit * 5))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}

wait_for 60 inside systemctl is-active edge.service || fail "edge.service is '$(prop ActiveState)/$(prop SubState)' 60 s after boot"
ok "Type=notify: edge.service active (running) after boot, $(prop ExecMainStartTimestamp | cut -d' ' -f2-3)"

pid=$(prop MainPID)
status=$(inside cat "/proc/$pid/status")
field() { echo "$status" | sed -n "s/^$1:[[:space:]]*//p"; }
[[ $(inside stat -c %U "/proc/$pid") == edge ]] || fail "the daemon runs as $(inside stat -c %U "/proc/$pid")"
[[ $(field CapEff) == 0000000000000000 && $(field CapBnd) == 0000000000000000 ]] || fail "capabilities: $(field CapEff)/$(field CapBnd)"
[[ $(field NoNewPrivs) == 1 && $(field Seccomp) == 2 ]] || fail "NoNewPrivs $(field NoNewPrivs), Seccomp $(field Seccomp)"
ok "runs as edge (groups $(inside id -nG edge)), CapEff=CapBnd=0, NoNewPrivs=1, Seccomp=2 (filter)"

sleep 35
[[ $(prop ActiveState) == active && $(prop NRestarts) == 0 && $(prop MainPID) == "$pid" ]] \
  || fail "after 35 s: $(prop ActiveState), NRestarts $(prop NRestarts), MainPID $(prop MainPID) (was $pid)"
ok "35 s later still the same process, no restart: WATCHDOG=1 arrives within WatchdogSec=$(prop WatchdogUSec)"
journal=$(inside journalctl -u edge --no-pager -o cat)
grep -q "systemd watchdog armed: timeout 14 s" <<<"$journal" || fail "no 'watchdog armed' line in the journal"
ok "journal: $(grep -m1 'started:' <<<"$journal" | sed 's/^Edge\[1000\] //')"

inside systemctl reload edge.service || fail "systemctl reload"
sleep 3
if [[ $(prop ActiveState) == active && $(prop MainPID) == "$pid" ]]; then
  ok "systemctl reload (SIGHUP): same process still running"
else
  echo "check-systemd: NOTE: after systemctl reload the service is $(prop ActiveState)/$(prop SubState), MainPID $(prop MainPID) (was $pid): SIGHUP handling is the lead's config reload work"
  inside systemctl reset-failed edge.service >/dev/null 2>&1 || true
  inside systemctl start edge.service
  wait_for 30 inside systemctl is-active edge.service || fail "edge did not start again"
  pid=$(prop MainPID)
fi

# A frozen daemon: no pings, so systemd aborts it after WatchdogSec and Restart=on-failure brings it back.
restarts=$(prop NRestarts)
inside kill -STOP "$pid"
wait_for 90 bash -c "[[ \$(nsenter -t $container -a systemctl show edge.service -p NRestarts --value) -gt $restarts ]]" \
  || fail "a frozen daemon was not restarted within 90 s"
wait_for 30 inside systemctl is-active edge.service || fail "edge did not come back after the watchdog restart"
grep -q "Watchdog timeout" <<<"$(inside journalctl -u edge --no-pager -o cat)" || fail "no 'Watchdog timeout' in the journal"
ok "frozen daemon (SIGSTOP): systemd logged 'Watchdog timeout', restarted it (NRestarts $(prop NRestarts)), active again"

inside systemctl stop edge.service
[[ $(prop ActiveState) == inactive && $(prop Result) == success ]] || fail "after stop: $(prop ActiveState), result $(prop Result)"
ok "systemctl stop: inactive, result success"

score=$(inside systemd-analyze security edge.service --no-pager 2>/dev/null | sed -n 's/.*Overall exposure level for edge.service: //p')
ok "systemd-analyze security (online, in the container): $score"
echo "check-systemd: $passed checks passed"
