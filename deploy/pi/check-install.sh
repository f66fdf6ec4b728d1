#!/usr/bin/env bash
# Installs, upgrades, removes and purges an Edge .deb inside a throw-away Debian 12 root (debootstrap + chroot; no
# systemd runs there, so the maintainer scripts take their "no systemd running" paths) and checks what the
# operator is promised: the edge user in i2c and gpio, the directories and the routing key file with their owners,
# the unit enabled at boot, an upgrade that keeps an edited /etc/edge/edge.json, `apt remove` keeping configuration
# and state, `apt purge` deleting them. Uses the amd64 package, so the binary runs in the chroot natively.
#
#   deploy/pi/check-install.sh                        # builds the amd64 .deb (deploy/pi/build.sh --rid linux-x64)
#   deploy/pi/check-install.sh out/pi/edge_..._amd64.deb [ROOTFS]   # ROOTFS: an existing debootstrap to reuse
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
[[ $(id -u) -eq 0 ]] || { echo "check-install: needs root (debootstrap, chroot)" >&2; exit 1; }
deb=${1:-}
[[ -n $deb ]] || deb=$("$repo/deploy/pi/build.sh" --rid linux-x64 | tail -1)
[[ $(dpkg-deb -f "$deb" Architecture) == "$(dpkg --print-architecture)" ]] || { echo "check-install: $deb is not for this machine's architecture" >&2; exit 2; }
rootfs=${2:-$repo/out/check-install/rootfs}
if [[ ! -x $rootfs/usr/bin/dpkg ]]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  echo "check-install: debootstrap bookworm into $rootfs (a few minutes, once)"
  debootstrap --variant=minbase --include=adduser,init-system-helpers,procps,systemd bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
fi

in_root() { chroot "$rootfs" "$@"; }
passed=0
ok() { passed=$((passed + 1)); echo "check-install: ok: $*"; }
fail() { echo "check-install: FAILED: $*" >&2; exit 1; }
owner() { in_root stat -c '%U:%G %a' "$1"; }

# Start clean (an earlier run may have left the package behind).
in_root dpkg -P edge >/dev/null 2>&1 || true
in_root rm -rf /etc/edge /var/lib/edge
cp "$deb" "$rootfs/tmp/edge.deb"

in_root dpkg -i /tmp/edge.deb >"$rootfs/tmp/install.log" 2>&1 || fail "dpkg -i: $(cat "$rootfs/tmp/install.log")"
ok "dpkg -i $(basename "$deb")"
groups=$(in_root id -nG edge)
[[ " $groups " == *" i2c "* && " $groups " == *" gpio "* ]] || fail "user edge is in '$groups', not i2c and gpio"
[[ $(in_root getent passwd edge | cut -d: -f7) == /usr/sbin/nologin ]] || fail "edge has a login shell"
ok "system user edge (groups: $groups), no login shell"
[[ $(owner /var/lib/edge) == "edge:edge 750" ]] || fail "/var/lib/edge is $(owner /var/lib/edge)"
[[ $(owner /etc/edge/routing.key) == "root:edge 640" ]] || fail "/etc/edge/routing.key is $(owner /etc/edge/routing.key)"
[[ $(owner /etc/edge/edge.json) == "root:root 644" ]] || fail "/etc/edge/edge.json is $(owner /etc/edge/edge.json)"
ok "/var/lib/edge edge:edge 0750, /etc/edge/routing.key root:edge 0640 (empty), /etc/edge/edge.json root:root 0644"
[[ -L $rootfs/etc/systemd/system/multi-user.target.wants/edge.service ]] || fail "edge.service is not enabled"
ok "edge.service enabled (multi-user.target.wants)"
version=$(in_root /usr/bin/edge --version) || fail "edge --version in the chroot"
in_root /usr/bin/edge config check >/dev/null || fail "edge config check on the installed default"
ok "/usr/bin/edge --version -> $version; edge config check on the installed /etc/edge/edge.json passes"

# An upgrade whose packaged default changed, over an operator's edit: dpkg keeps the edit, leaves the new default.
sed -i 's/"rack": "R12"/"rack": "R99"/' "$rootfs/etc/edge/edge.json"
echo "the outbox" >"$rootfs/var/lib/edge/outbox.db"
next="$rootfs/tmp/next"
rm -rf "$next"
dpkg-deb -R "$deb" "$next"
sed -i "s/^Version: .*/&.1/" "$next/DEBIAN/control"
sed -i 's/"site": "DC1"/"site": "DC2"/' "$next/etc/edge/edge.json"
dpkg-deb --root-owner-group -b "$next" "$rootfs/tmp/edge-next.deb" >/dev/null
in_root dpkg -i --force-confold /tmp/edge-next.deb >"$rootfs/tmp/upgrade.log" 2>&1 || fail "upgrade: $(cat "$rootfs/tmp/upgrade.log")"
grep -q '"rack": "R99"' "$rootfs/etc/edge/edge.json" || fail "the upgrade replaced the operator's edge.json"
grep -q '"site": "DC2"' "$rootfs/etc/edge/edge.json.dpkg-dist" || fail "no edge.json.dpkg-dist with the new default"
ok "upgrade to $(dpkg-deb -f "$rootfs/tmp/edge-next.deb" Version) kept the edited edge.json, new default in edge.json.dpkg-dist"

in_root dpkg -r edge >/dev/null 2>&1 || fail "dpkg -r"
[[ ! -e $rootfs/usr/bin/edge ]] || fail "/usr/bin/edge is still there after remove"
[[ -f $rootfs/etc/edge/edge.json && -f $rootfs/etc/edge/routing.key && -f $rootfs/var/lib/edge/outbox.db ]] \
  || fail "remove deleted configuration or state"
ok "remove: binary gone; /etc/edge/edge.json, routing.key and /var/lib/edge kept"

in_root dpkg -P edge >/dev/null 2>&1 || fail "dpkg -P"
[[ ! -e $rootfs/etc/edge && ! -e $rootfs/var/lib/edge ]] || fail "purge left /etc/edge or /var/lib/edge"
ok "purge: /etc/edge and /var/lib/edge deleted (the edge user stays, as Debian leaves system users)"

echo "check-install: $passed checks passed"
