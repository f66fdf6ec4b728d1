#!/usr/bin/env bash
# Builds Edge for the Raspberry Pi on this (x86_64 Debian) machine and packs it as a .deb:
#   NativeAOT publish of src/Edge for linux-arm64 (cross-compiled with clang and Debian's arm64 cross libc),
#   then a .deb holding /usr/bin/edge, its private native libraries in /usr/lib/edge, the systemd unit,
#   the default /etc/edge/edge.json (a conffile) and the maintainer scripts.
# Installs the build tools it needs (apt) when they are missing. Prints the .deb's path as its LAST line.
#
#   deploy/pi/build.sh                       # linux-arm64 -> out/pi/edge_<version>_arm64.deb
#   deploy/pi/build.sh --rid linux-x64       # the same package for amd64 (tests, measurements)
#   deploy/pi/build.sh --rid linux-arm       # 32-bit Pi OS: see docs/install.md (the registry lacks its packs)
#   deploy/pi/build.sh --out DIR
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
rid=linux-arm64
out="$repo/out/pi"
while (($#)); do
  case "$1" in
    --rid) rid=${2:?--rid needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

case "$rid" in
  linux-arm64) arch=arm64; triple=aarch64-linux-gnu; cross=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross) ;;
  linux-arm)   arch=armhf; triple=arm-linux-gnueabihf; cross=(gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf libc6-dev-armhf-cross) ;;
  linux-x64)   arch=amd64; triple=x86_64-linux-gnu; cross=() ;;
  *) echo "build.sh: --rid must be linux-arm64, linux-arm or linux-x64, not '$rid'" >&2; exit 2 ;;
esac

# --- build tools --------------------------------------------------------------------------------------------
missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }
need_cmd clang clang
need_cmd llvm-objcopy llvm
need_cmd dpkg-deb dpkg
need_cmd dpkg-architecture dpkg-dev
need_cmd readelf binutils
for pkg in "${cross[@]}"; do need_pkg "$pkg"; done
if ((${#missing[@]})); then
  echo "build.sh: installing ${missing[*]}" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "build.sh: run as root, or install them first: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "build.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

# --- version: the project's Version plus the commit, so every build of the fleet upgrades the previous one ------
base_version=$(dotnet msbuild "$repo/src/Edge/Edge.csproj" -nologo -getProperty:Version)
if git -C "$repo" rev-parse --git-dir >/dev/null 2>&1; then
  version="${base_version}+git$(git -C "$repo" rev-list --count HEAD).$(git -C "$repo" rev-parse --short=8 HEAD)"
  [[ -z $(git -C "$repo" status --porcelain --untracked-files=no) ]] || version="${version}.dirty"
else
  version=$base_version
fi

# --- NativeAOT publish ----------------------------------------------------------------------------------------
work="$out/$rid"
publish="$work/publish"
rm -rf "$work"
mkdir -p "$publish"
echo "build.sh: publishing edge $version for $rid with NativeAOT (a few minutes)" >&2
if ! dotnet publish "$repo/src/Edge/Edge.csproj" -c Release -r "$rid" -p:PublishAot=true -nologo \
      -o "$publish" >"$work/publish.log" 2>&1; then
  grep -E "error|warning" "$work/publish.log" | sort -u >&2 || tail -20 "$work/publish.log" >&2
  echo "build.sh: dotnet publish for $rid failed; the whole log is $work/publish.log" >&2
  exit 1
fi
# Trim/AOT warnings fail the publish (TreatWarningsAsErrors; docs/install.md); none is expected.
warnings=$(grep -oE "warning IL[0-9]+: [^[]*" "$work/publish.log" | sort -u || true)
if [[ -n $warnings ]]; then
  echo "build.sh: trim/AOT warnings (documented in docs/install.md):" >&2
  echo "$warnings" | sed 's/^/  /' >&2
fi

binary="$publish/edge"
machine=$(readelf -h "$binary" | sed -n 's/^ *Machine: *//p')
runpath=$(readelf -d "$binary" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p')
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
glibc=$(readelf -V --wide "$binary" | grep -oE "GLIBC_[0-9]+(\.[0-9]+)+" | sed 's/GLIBC_//' | sort -uV | tail -1)
echo "build.sh: $binary: $machine, $(stat -c %s "$binary") bytes, needs ${needed}glibc >= $glibc, RUNPATH $runpath" >&2
[[ $runpath == '$ORIGIN/../lib/edge' ]] || { echo "build.sh: the binary's RUNPATH is '$runpath', not \$ORIGIN/../lib/edge (src/Edge/Edge.csproj)" >&2; exit 1; }

# --- the package tree -----------------------------------------------------------------------------------------
root="$work/deb/edge_${version}_${arch}"
mkdir -p "$root/DEBIAN"
install -D -m 0755 "$binary" "$root/usr/bin/edge"
shopt -s nullglob
for lib in "$publish"/*.so; do
  install -D -m 0644 "$lib" "$root/usr/lib/edge/$(basename "$lib")"
done
shopt -u nullglob
install -D -m 0644 "$repo/systemd/edge.service" "$root/lib/systemd/system/edge.service"
install -D -m 0644 "$repo/deploy/pi/edge.json" "$root/etc/edge/edge.json"
install -D -m 0644 "$repo/docs/install.md" "$root/usr/share/doc/edge/install.md"
install -D -m 0644 "$repo/deploy/pi/debian/copyright" "$root/usr/share/doc/edge/copyright"
for script in postinst prerm postrm; do
  install -m 0755 "$repo/deploy/pi/debian/$script" "$root/DEBIAN/$script"
done
# dpkg keeps the operator's edits to conffiles on upgrade and removes them only on purge.
printf '/etc/edge/edge.json\n' >"$root/DEBIAN/conffiles"
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<CONTROL
Package: edge
Version: $version
Architecture: $arch
Maintainer: Edge maintainers <edge@localhost>
Section: admin
Priority: optional
Installed-Size: $installed_kb
Depends: libc6 (>= $glibc), adduser, init-system-helpers (>= 1.54), procps, systemd
Recommends: libssl3 | libssl1.1, libgpiod2 | libgpiod3
Description: rack monitor for a Raspberry Pi: sensors, PDUs and UPSes to PagerDuty
 Edge reads the rack's temperature and humidity sensors over I2C, polls its PDUs
 and UPSes over SNMP, evaluates alert rules and pages through PagerDuty's Events
 API v2, writing every event to disk first. One NativeAOT binary, /usr/bin/edge,
 run by systemd as the unprivileged user edge. Configuration: /etc/edge/edge.json.
CONTROL

deb="$out/edge_${version}_${arch}.deb"
rm -f "$deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "build.sh: built $(stat -c %s "$deb") bytes for $arch; install on the Pi with deploy/pi/install.sh $(basename "$deb")" >&2
echo "$deb"
