#!/usr/bin/env bash
# Requests and bytes per inventory poll, before and after a change, side by side: builds bench/InventoryPoll (this
# branch's copy) against the source tree of each git ref given and runs it there.
#   usage: bench/inventory-poll.sh [POLLS] [REF ...]     (default: 3 polls; refs 7ba5aea, the main before issue 13, and HEAD)
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
polls=${1:-3}
shift || true
refs=("${@:-7ba5aea HEAD}")
# shellcheck disable=SC2206
refs=(${refs[*]})
work=$(mktemp -d /tmp/edge-inventory-bench.XXXXXX)
trap 'for r in "$work"/*/; do git -C "$repo" worktree remove --force "$r" >/dev/null 2>&1 || true; done; rm -rf "$work"' EXIT
for ref in "${refs[@]}"; do
  tree="$work/$(git -C "$repo" rev-parse --short "$ref")"
  git -C "$repo" worktree add --detach "$tree" "$ref" >/dev/null 2>&1
  rm -rf "$tree/bench/InventoryPoll"
  cp -r "$repo/bench/InventoryPoll" "$tree/bench/InventoryPoll"
  rm -rf "$tree/bench/InventoryPoll/bin" "$tree/bench/InventoryPoll/obj"
  echo "== $ref ($(git -C "$repo" log -1 --format='%h %s' "$ref" | cut -c1-90))"
  dotnet run --project "$tree/bench/InventoryPoll" -c Release -- "$polls" 2>&1 | grep -v -e '^\s*$' -e 'warning NU1603'
done
