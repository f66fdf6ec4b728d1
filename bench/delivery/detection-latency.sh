#!/usr/bin/env bash
# Detection latency of the real daemon, default clock settings: UPS on battery (snmpset on a writable
# upsOutputSource served by snmpsimd from a real recording) → trap to edge → 202 at the PagerDuty emulator.
# Usage: bench/delivery/detection-latency.sh [RUNS] [EDGE_BINARY]
#   EDGE_BINARY defaults to this tree's build; give another build (e.g. of main) to compare.
# Prints each run and p50/p99 (nearest rank) for the trap mode and the poll mode (5 s interval, no trap).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
edge=${2:-src/Edge/bin/Release/net10.0/edge}
python3 -c 'import ctypes; b = ctypes.create_string_buffer(512); s = ctypes.CDLL("libc.so.6").adjtimex(b); print("adjtimex(2) state %d (%s)" % (s, "TIME_ERROR: clock unsynchronized" if s == 5 else "ok"))'
[ "${2:-}" ] || dotnet build src/Edge -c Release -nologo -v quiet >/dev/null
dotnet build bench/Edge.Bench.Latency -c Release -nologo -v quiet >/dev/null
dll=bench/Edge.Bench.Latency/bin/Release/net10.0/Edge.Bench.Latency.dll
dotnet "$dll" "$edge" trap "$runs"
dotnet "$dll" "$edge" poll "$runs" 5s
