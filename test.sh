#!/usr/bin/env bash
# Installs what the tests need when it is missing (apt packages: net-snmp's agent and tools, snmpsim, sqlite3, systemd, ansible-core, qemu-user),
# then builds everything and runs every test. Prints "N passed, N failed, N skipped" last.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need snmpd snmpd
need snmpbulkwalk snmp
need snmpsimd snmpsim
need sqlite3 sqlite3
need systemd-analyze systemd
need ansible-playbook ansible-core
need qemu-aarch64 qemu-user
if ((${#missing[@]})); then
  # apt needs root: as another user, sudo asks (once) before anything is installed.
  sudo=(); ((EUID == 0)) || sudo=(sudo)
  echo "test.sh: about to install with ${sudo[*]:+sudo }apt-get: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet build Edge.sln -c Release -nologo -v quiet
rm -rf TestResults
status=0
dotnet test Edge.sln -c Release --no-build -nologo --results-directory TestResults --logger "trx" --logger "console;verbosity=minimal" || status=$?

# One closing line for whoever reads this run: totals over every test project.
awk 'match($0, /<Counters [^>]*>/) {
       c = substr($0, RSTART, RLENGTH)
       n = split(c, kv, /[ "=]+/)
       for (i = 1; i < n; i++) { if (kv[i] == "passed") p += kv[i+1]; if (kv[i] == "failed") f += kv[i+1]; if (kv[i] == "notExecuted") s += kv[i+1] }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' TestResults/*.trx
exit "$status"
