#!/usr/bin/env bash
# Installs (or upgrades) Edge on a Raspberry Pi from the .deb that deploy/pi/build.sh made. Safe to run again.
#
#   sudo ./install.sh edge_0.1.0+git42.abcdef12_arm64.deb
#   sudo ./install.sh edge_...deb --routing-key-file key.txt   # the PagerDuty Events API v2 integration key
#   sudo ./install.sh edge_...deb --enable-i2c                 # turn the I2C bus on (raspi-config), if it is off
#   sudo ./install.sh edge_...deb --hardware-watchdog          # arm the Pi's hardware watchdog (RuntimeWatchdogSec=14s)
#
# What it does: checks the package's architecture against this machine's, installs it with apt (which pulls in its
# dependencies), installs the routing key as /etc/edge/routing.key (root:edge 0640) when given, validates
# /etc/edge/edge.json and (re)starts the edge service, then says what to do next.
set -euo pipefail

usage() { sed -n '2,12p' "$0"; }
deb=""
key_file=""
enable_i2c=false
hardware_watchdog=false
while (($#)); do
  case "$1" in
    --routing-key-file) key_file=${2:?--routing-key-file needs a file}; shift 2 ;;
    --enable-i2c) enable_i2c=true; shift ;;
    --hardware-watchdog) hardware_watchdog=true; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) [[ -z $deb ]] || { echo "install.sh: one .deb only" >&2; exit 2; }; deb=$1; shift ;;
  esac
done
[[ -n $deb ]] || { usage >&2; exit 2; }
[[ -f $deb ]] || { echo "install.sh: no such file: $deb" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
deb=$(realpath "$deb")

package_arch=$(dpkg-deb -f "$deb" Architecture)
machine_arch=$(dpkg --print-architecture)
if [[ $package_arch != "$machine_arch" ]]; then
  echo "install.sh: $deb is for $package_arch, this machine is $machine_arch" >&2
  echo "            (64-bit Raspberry Pi OS is arm64; check with: dpkg --print-architecture)" >&2
  exit 1
fi

if $enable_i2c; then
  if [[ -e /dev/i2c-1 ]]; then
    echo "install.sh: I2C is already on (/dev/i2c-1)"
  elif command -v raspi-config >/dev/null; then
    raspi-config nonint do_i2c 0
    echo "install.sh: I2C turned on (raspi-config); /dev/i2c-1 appears now or after a reboot"
  else
    echo "install.sh: no raspi-config here: add dtparam=i2c_arm=on to /boot/firmware/config.txt and reboot" >&2
  fi
fi

echo "install.sh: installing $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
export DEBIAN_FRONTEND=noninteractive
# Keep the operator's /etc/edge/edge.json on upgrade without asking (it is a conffile); the new default is left
# beside it as edge.json.dpkg-dist when the packaged one changed.
apt-get install -y -q -o Dpkg::Options::=--force-confold "$deb"

if [[ -n $key_file ]]; then
  key=$(tr -d '[:space:]' <"$key_file")
  if [[ ! $key =~ ^[A-Za-z0-9]{32}$ ]]; then
    echo "install.sh: $key_file does not hold a 32-character Events API v2 integration key; not installed" >&2
    exit 1
  fi
  umask 077
  printf '%s\n' "$key" >/etc/edge/routing.key.new
  chown root:edge /etc/edge/routing.key.new
  chmod 0640 /etc/edge/routing.key.new
  mv -f /etc/edge/routing.key.new /etc/edge/routing.key
  echo "install.sh: routing key installed as /etc/edge/routing.key (root:edge, 0640)"
fi

if $hardware_watchdog; then
  # The Pi's watchdog (bcm2835-wdt) cannot count past about 15 s; systemd silently runs without one if asked for
  # more, so 14 s. systemd then reboots the Pi if systemd itself hangs.
  install -d -m 0755 /etc/systemd/system.conf.d
  printf '[Manager]\nRuntimeWatchdogSec=14s\n' >/etc/systemd/system.conf.d/edge-watchdog.conf
  systemctl daemon-reexec
  echo "install.sh: hardware watchdog armed (/etc/systemd/system.conf.d/edge-watchdog.conf)"
fi

systemctl enable edge.service >/dev/null 2>&1
if [[ ! -s /etc/edge/routing.key ]]; then
  # systemd hands the key to the daemon as the credential routing-key; an empty one is not a key.
  echo "install.sh: installed, not started: no routing key yet. Put the PagerDuty Events API v2 integration key in"
  echo "            /etc/edge/routing.key (or run again with --routing-key-file), then: systemctl restart edge"
  exit 0
fi
# Check the configuration as the daemon will see it: with the key as the systemd credential.
credentials=$(mktemp -d)
cp /etc/edge/routing.key "$credentials/routing-key"
if ! CREDENTIALS_DIRECTORY="$credentials" edge config check --config /etc/edge/edge.json; then
  rm -rf "$credentials"
  echo "install.sh: installed, but /etc/edge/edge.json or the routing key is not valid (above). Fix it, then: systemctl restart edge" >&2
  exit 1
fi
rm -rf "$credentials"
systemctl restart edge.service
# Type=notify: restart returns once the daemon said READY=1, or failed.
if systemctl is-active --quiet edge.service; then
  echo "install.sh: edge is running: journalctl -u edge -f   shows its log"
else
  systemctl --no-pager --lines=20 status edge.service >&2 || true
  echo "install.sh: edge did not start (above)" >&2
  exit 1
fi
echo "install.sh: next: edge test-alert   (a test page through PagerDuty)"
