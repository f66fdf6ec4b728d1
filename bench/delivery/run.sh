#!/usr/bin/env bash
# Durable-enqueue benchmark of the outbox: events/s, fsyncs per event (strace), bytes written per event.
# Usage: bench/delivery/run.sh [EVENTS] [DIR]   (DIR should be on the disk you care about; default /var/tmp)
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-2000}
dir=${2:-/var/tmp/edge-bench-delivery}
command -v strace >/dev/null || { echo "needs strace (apt-get install strace)" >&2; exit 2; }
dotnet build bench/Edge.Bench.Delivery -c Release -nologo -v quiet >/dev/null
dll=bench/Edge.Bench.Delivery/bin/Release/net10.0/Edge.Bench.Delivery.dll
echo "filesystem of $dir: $(mkdir -p "$dir" && df -T "$dir" | awk 'NR==2 {print $2, $1}')"
for mode in naive edge-1 edge-10 edge-100 edge-life wal-normal; do
  # Throughput without strace (it slows syscalls), then the same run under strace to count fsyncs.
  line=$(dotnet "$dll" "$mode" "$events" "$dir")
  syncs=$(strace -f -qq -e trace=fsync,fdatasync -o /dev/stdout dotnet "$dll" "$mode" "$events" "$dir" 2>/dev/null | grep -cE '^[0-9]+ +f(data)?sync\(' || true)
  printf '%s\tfsyncs=%s\tfsyncs_per_event=%s\n' "$line" "$syncs" "$(awk -v s="$syncs" -v e="$events" 'BEGIN { printf "%.2f", s / e }')"
done
