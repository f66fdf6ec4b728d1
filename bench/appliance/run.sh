#!/usr/bin/env bash
# The appliance soak (issue 6): edge NativeAOT and JIT next to NUT's snmp-ups and prometheus-snmp-exporter, all
# against snmpsimd on 127.0.0.1, in one run. Writes the table to out/bench/appliance-<time>.md and prints it.
#
#   bench/appliance/run.sh                  # 10-minute soak, 5 start-up runs each
#   bench/appliance/run.sh --minutes 1      # a quick look
#   bench/appliance/run.sh --minutes 0 --startup-runs 20   # start-up only
#   EDGE_AOT=/path/edge bench/appliance/run.sh   # use an existing NativeAOT build instead of publishing one
#   EDGE_BASELINE=/path/edge bench/appliance/run.sh   # also another NativeAOT build (e.g. main's), side by side
#   EDGE_FIXTURES=/work/shared/fixtures bench/appliance/run.sh   # from a worktree that has no ../shared beside it
#
# Installs snmpsim, nut-snmp and prometheus-snmp-exporter (apt) when missing. All traffic stays on 127.0.0.1.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
minutes=10
runs=5
while (($#)); do
  case "$1" in
    --minutes) minutes=${2:?}; shift 2 ;;
    --startup-runs) runs=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

missing=()
command -v snmpsimd >/dev/null || missing+=(snmpsim)
[[ -x /lib/nut/snmp-ups ]] || missing+=(nut-snmp)
command -v prometheus-snmp-exporter >/dev/null || missing+=(prometheus-snmp-exporter)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  echo "run.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian packages start their own services; the bench runs its own copies on other ports.

echo "run.sh: building edge (JIT)" >&2
dotnet build "$repo/src/Edge/Edge.csproj" -c Release -nologo -v quiet >/dev/null
jit="$repo/src/Edge/bin/Release/net10.0/edge"
aot=${EDGE_AOT:-}
if [[ -z $aot ]]; then
  echo "run.sh: publishing edge (NativeAOT, linux-x64; a few minutes)" >&2
  dotnet publish "$repo/src/Edge/Edge.csproj" -c Release -r linux-x64 -p:PublishAot=true -nologo -v quiet \
    -o "$repo/out/bench/aot" >/dev/null
  aot="$repo/out/bench/aot/edge"
fi

free_udp_port() { local p=$1; while ss -Huln "sport = :$p" | grep -q .; do p=$((p + 1)); done; echo "$p"; }
free_tcp_port() { local p=$1; while ss -Htln "sport = :$p" | grep -q .; do p=$((p + 1)); done; echo "$p"; }
snmp_port=$(free_udp_port 31161)
exporter_port=$(free_tcp_port 39116)

work=$(mktemp -d /tmp/edge-bench.XXXXXX)
sim_pid=""
cleanup() { [[ -z $sim_pid ]] || kill "$sim_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/sim/data" "$work/sim/cache"
cp "${EDGE_FIXTURES:-$repo/../shared/fixtures}"/snmprec/*.snmprec "$work/sim/data/"
chmod -R a+rX "$work"
chown -R nobody:nogroup "$work/sim/cache"
user_opts=()
[[ $(id -u) -ne 0 ]] || user_opts=(--process-user=nobody --process-group=nogroup)
snmpsimd --data-dir="$work/sim/data" --cache-dir="$work/sim/cache" --agent-udpv4-endpoint="127.0.0.1:$snmp_port" \
  "${user_opts[@]}" --logging-method=file:"$work/sim/snmpsimd.log" &
sim_pid=$!
for _ in $(seq 1 100); do
  ss -Huln "sport = :$snmp_port" | grep -q . && break
  sleep 0.1
done
ss -Huln "sport = :$snmp_port" | grep -q . || { echo "run.sh: snmpsimd did not open 127.0.0.1:$snmp_port" >&2; exit 1; }

mkdir -p "$repo/out/bench"
result="$repo/out/bench/appliance-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "Machine: $(nproc) cores, $(uname -r), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "edge $("$aot" --version); $(/lib/nut/snmp-ups -V 2>&1 | head -1); $(prometheus-snmp-exporter --version 2>&1 | head -1)"
  echo "NativeAOT binary: $(stat -c %s "$aot") bytes"
  [[ -z ${EDGE_BASELINE:-} ]] || echo "baseline NativeAOT binary: $(stat -c %s "$EDGE_BASELINE") bytes"
  echo
} >"$result.head"
python3 "$repo/bench/appliance/soak.py" --work "$work/soak" --edge-aot "$aot" --edge-jit "$jit" \
  --snmp-port "$snmp_port" --exporter-port "$exporter_port" --exporter-config "$repo/bench/appliance/snmp_exporter.yml" \
  --minutes "$minutes" --startup-runs "$runs" --out "$result.table" ${EDGE_BASELINE:+--edge-baseline "$EDGE_BASELINE"}
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >"$result.tail"
cat "$result.head" "$result.table" "$result.tail" >"$result"
rm -f "$result.head" "$result.table" "$result.tail"
echo "run.sh: results in $result" >&2
cat "$result"
