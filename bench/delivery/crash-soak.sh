#!/usr/bin/env bash
# The SIGKILL crash test at a larger size than CI runs: the real edge process against the PagerDuty emulator,
# killed KILLS times at random moments while alerts trigger and resolve (tests/Edge.Tests/Delivery/CrashTests.cs).
# Usage: bench/delivery/crash-soak.sh [KILLS] [SEED]   (default 200 kills, a random seed; the seed is printed)
set -euo pipefail
cd "$(dirname "$0")/../.."
export EDGE_CRASH_KILLS=${1:-200}
[[ -n "${2:-}" ]] && export EDGE_CRASH_SEED=$2
dotnet build tests/Edge.Tests -c Release -nologo -v quiet >/dev/null
dotnet test tests/Edge.Tests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~CrashTests" --logger "console;verbosity=detailed" | grep -E "kills|transitions|sent again|Passed|Failed|Error"
