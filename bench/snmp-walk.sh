#!/usr/bin/env bash
# SNMP benchmarks, side by side against one net-snmp snmpd on 127.0.0.1 (started and stopped here):
#  1. a whole-agent walk (thousands of varbinds) as whole processes: `edge snmp walk` vs `snmpbulkwalk -On`, with hyperfine;
#  2. one poll round of 100 devices (100 communities of the same snmpd) in-process: wall and CPU time per round.
# Needs: snmpd, snmpbulkwalk, hyperfine (apt), a Release build (`dotnet build Edge.sln -c Release`).
set -euo pipefail
cd "$(dirname "$0")/.."
edge=src/Edge/bin/Release/net10.0/edge
[[ -x $edge ]] || { echo "build first: dotnet build Edge.sln -c Release" >&2; exit 2; }

dir=$(mktemp -d /tmp/edge-bench-snmp.XXXXXX)
port=${PORT:-17161}
mkdir -p "$dir/conf"; echo "mibs :" > "$dir/conf/snmp.conf"
{
  for i in $(seq -f "%03g" 1 100); do echo "rocommunity dev$i 127.0.0.1"; done
  echo "rocommunity public 127.0.0.1"
  echo 'createUser bench SHA-256 "authpass123" AES "privpass123"'
  echo "rouser -s usm bench priv"
} > "$dir/snmpd.conf"
export SNMPCONFPATH="$dir/conf" SNMP_PERSISTENT_DIR="$dir/persist" MIBS=""
snmpd -f -Lo -C -c "$dir/snmpd.conf" "udp:127.0.0.1:$port" > "$dir/snmpd.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 50); do snmpget -v2c -c public -t 0.2 -r 0 "127.0.0.1:$port" .1.3.6.1.2.1.1.3.0 >/dev/null 2>&1 && break; done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
count=$(snmpbulkwalk -v2c -c public -On "127.0.0.1:$port" .1 | grep -c ' = ')
echo "whole-agent walk: $count varbinds"
v3="-v3 -u bench -l authPriv -a SHA-256 -A authpass123 -x AES -X privpass123"
e3="--version 3 --user bench --level authPriv --auth-protocol sha256 --auth-key authpass123 --priv-protocol aes128 --priv-key privpass123"
# EDGE_AOT: optionally a NativeAOT build of edge too (dotnet publish src/Edge -c Release -r linux-x64 -p:PublishAot=true -o DIR).
cmds=(
  -n "snmpbulkwalk v2c (default -Cr10)" "snmpbulkwalk -v2c -c public -On 127.0.0.1:$port .1"
  -n "edge v2c (--max-repetitions 10)" "$edge snmp walk 127.0.0.1:$port --max-repetitions 10 .1"
  -n "snmpbulkwalk v2c -Cr25" "snmpbulkwalk -v2c -c public -Cr25 -On 127.0.0.1:$port .1"
  -n "edge v2c (default 25)" "$edge snmp walk 127.0.0.1:$port .1"
  -n "snmpbulkwalk v3 authPriv SHA-256/AES" "snmpbulkwalk $v3 -On 127.0.0.1:$port .1"
  -n "edge v3 authPriv SHA-256/AES" "$edge snmp walk 127.0.0.1:$port $e3 --max-repetitions 10 .1"
)
if [[ -n ${EDGE_AOT:-} ]]; then
  cmds+=(
    -n "edge AOT v2c (--max-repetitions 10)" "$EDGE_AOT snmp walk 127.0.0.1:$port --max-repetitions 10 .1"
    -n "edge AOT v2c (default 25)" "$EDGE_AOT snmp walk 127.0.0.1:$port .1"
    -n "edge AOT v3 authPriv SHA-256/AES" "$EDGE_AOT snmp walk 127.0.0.1:$port $e3 --max-repetitions 10 .1"
  )
fi
hyperfine -N --warmup 3 --runs ${RUNS:-20} --export-json "$dir/walk.json" "${cmds[@]}" >/dev/null
# Wall time is noisy on a shared machine; user+system CPU time is what each process itself costs.
python3 - "$dir/walk.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
print("| command | wall median [ms] | wall mean ± sd [ms] | CPU user+sys mean [ms] |")
print("|:---|---:|---:|---:|")
for r in rs:
    print(f"| {r['command']} | {r['median']*1000:.0f} | {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} | {(r['user']+r['system'])*1000:.0f} |")
PY

dotnet build bench/SnmpPoll -c Release -nologo -v q >/dev/null
dotnet bench/SnmpPoll/bin/Release/net10.0/SnmpPoll.dll "$port" 100 ${ROUNDS:-30} v2c
dotnet bench/SnmpPoll/bin/Release/net10.0/SnmpPoll.dll "$port" 100 ${ROUNDS:-30} v3
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
