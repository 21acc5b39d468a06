#!/usr/bin/env bash
# Installs a motcua-kiosk release on a Debian 12 kiosk, as root (README "Installing at a centre"):
#   install.sh [--printer|--scanner|--locker VENDOR:PRODUCT[:SERIAL]]… [--root DIR] [RELEASE.tgz]
# the system user motcua; the release in /opt/motcua-kiosk/releases/<version> with its dependencies (offline) and
# the `current` link; /etc/motcua-kiosk/site.json from the commented example (the agent refuses it until edited);
# /var/lib/motcua-kiosk and /var/backups/motcua-kiosk (motcua's, 0750); udev rules that name the printer, scanner
# and RS485 adapter /dev/motcua-{printer,scanner,locker} by their USB ids (`npm run ports` shows them; kept in
# /etc/motcua-kiosk/devices.env, so a later run without them keeps them); the systemd units. Without an archive
# it installs the release it is part of. Idempotent: run it again to change the device ids or to repair; it never
# overwrites site.json. A newer version is installed with upgrade.sh, which snapshots the data first.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$HERE/lib.sh"

usage() {
  sed -n '2,3s/^# \{0,1\}//p' "$0"
  exit "${1:-2}"
}

ARCHIVE=""
declare -A USB_IDS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || usage; mkdir -p "$2"; ROOT=$(cd "$2" && pwd); shift 2 ;;
    --printer | --scanner | --locker)
      [ $# -ge 2 ] || usage
      [[ $2 =~ ^[0-9a-fA-F]{4}:[0-9a-fA-F]{4}(:[A-Za-z0-9._-]+)?$ ]] || die "$1 $2: expected VENDOR:PRODUCT[:SERIAL] in hex, e.g. 0416:5011 (npm run ports)" 2
      USB_IDS[${1#--}]=$2
      shift 2 ;;
    -h | --help) usage 0 ;;
    -*) say "unknown option $1"; usage ;;
    *) ARCHIVE=$1; shift ;;
  esac
done
set_paths
need_root
[ -z "$ROOT" ] || : >"$ACTIONS"

# --- the release ---------------------------------------------------------------------------------------------
if [ -z "$ARCHIVE" ]; then
  # The unpacked release this script came in (package/deploy/debian/install.sh): pack it up to install it the
  # same way as an archive.
  [ -f "$HERE/../../dist/agent/main.js" ] || die "give the release archive: install.sh motcua-kiosk-<version>.tgz" 2
  ARCHIVE=$(mktemp --suffix=.tgz)
  trap 'rm -f "$ARCHIVE"' EXIT
  tar -czf "$ARCHIVE" -C "$HERE/../../.." --transform 's,^[^/]*,package,' "$(basename "$(cd "$HERE/../.." && pwd)")"
fi
installed=$(current_version)
unpack_release "$ARCHIVE"
if [ -n "$installed" ] && [ "$installed" != "$RELEASE_VERSION" ]; then
  die "$installed is installed; upgrade to $RELEASE_VERSION with upgrade.sh (it snapshots the data first)" 2
fi
point_current_to "$RELEASE_VERSION"
KIT=$RELEASE_DIR/deploy/debian

# --- the user, its folders, the config -----------------------------------------------------------------------
if [ -n "$ROOT" ] || ! getent group "$SERVICE_USER" >/dev/null; then system groupadd --system "$SERVICE_USER"; fi
if [ -n "$ROOT" ] || ! getent passwd "$SERVICE_USER" >/dev/null; then
  system useradd --system --gid "$SERVICE_USER" --home-dir /var/lib/motcua-kiosk --no-create-home \
    --shell /usr/sbin/nologin --comment "motcua-kiosk agent and touchscreen" "$SERVICE_USER"
fi
# Serial ports and USB printers by their kernel names; the touchscreen's display and input (cage, via logind).
system usermod --append --groups dialout,lp,video,input "$SERVICE_USER"

install -d -m 0750 "$DATA" "$BACKUPS"
system chown "$SERVICE_USER:$SERVICE_USER" /var/lib/motcua-kiosk /var/backups/motcua-kiosk
install -d -m 0750 "$ETC"
system chown "root:$SERVICE_USER" /etc/motcua-kiosk
install -m 0640 "$KIT/site.example.jsonc" "$ETC/site.example.jsonc"
if [ ! -e "$CONFIG" ]; then
  # The example without its comment lines is JSON, with "_example" in it: the agent refuses it until edited.
  grep -v '^[[:space:]]*//' "$KIT/site.example.jsonc" >"$CONFIG.new"
  chmod 0640 "$CONFIG.new"
  mv "$CONFIG.new" "$CONFIG"
  say "wrote $CONFIG from the example: edit it for this centre (and delete its \"_example\" line)"
fi
system chown "root:$SERVICE_USER" /etc/motcua-kiosk/site.json /etc/motcua-kiosk/site.example.jsonc

# --- device names (udev) -------------------------------------------------------------------------------------
DEVICES_ENV=$ETC/devices.env
for dev in printer scanner locker; do
  key=${dev^^}_USB
  if [ -z "${USB_IDS[$dev]:-}" ] && [ -f "$DEVICES_ENV" ]; then
    USB_IDS[$dev]=$(sed -n "s/^$key=//p" "$DEVICES_ENV" | tail -n 1)
  fi
done
{
  echo "# USB ids of the kiosk's devices (VENDOR:PRODUCT[:SERIAL]; npm run ports), written by install.sh, which"
  echo "# reads them back when run without --printer/--scanner/--locker. Empty: no udev rule for that device."
  for dev in printer scanner locker; do echo "${dev^^}_USB=${USB_IDS[$dev]:-}"; done
} >"$DEVICES_ENV"
chmod 0644 "$DEVICES_ENV"

# One rule per kernel subsystem the device may appear in: a USB printer is usbmisc (/dev/usb/lpN) or, behind a
# USB-serial chip, tty; scanners (USB-CDC) and RS485 adapters are tty. The motcua group may use the device.
udev_rule() {
  local name=$1 subsystem=$2 ids=$3 vendor product serial match
  IFS=: read -r vendor product serial <<<"$ids"
  match="SUBSYSTEM==\"$subsystem\", ATTRS{idVendor}==\"${vendor,,}\", ATTRS{idProduct}==\"${product,,}\""
  [ -z "$serial" ] || match+=", ATTRS{serial}==\"$serial\""
  echo "$match, SYMLINK+=\"motcua-$name\", GROUP=\"$SERVICE_USER\", MODE=\"0660\""
}
mkdir -p "$(dirname "$RULES")"
{
  echo "# motcua-kiosk: stable names for the kiosk's USB devices, written by install.sh from /etc/motcua-kiosk/devices.env."
  echo "# The site config names /dev/motcua-printer, /dev/motcua-scanner and /dev/motcua-locker; npm run ports lists them."
  for dev in printer scanner locker; do
    ids=${USB_IDS[$dev]:-}
    if [ -z "$ids" ]; then
      echo "# $dev: no USB id given (install.sh --$dev VENDOR:PRODUCT[:SERIAL])"
      continue
    fi
    echo "# $dev $ids"
    [ "$dev" != printer ] || udev_rule "$dev" usbmisc "$ids"
    udev_rule "$dev" tty "$ids"
  done
} >"$RULES"
chmod 0644 "$RULES"

# --- the touchscreen's PAM session and invisible cursor ------------------------------------------------------
mkdir -p "$(dirname "$PAM")"
install -m 0644 "$KIT/pam-motcua-kiosk-session" "$PAM"
# An Xcursor file of one transparent 1×1 image (magic, header, table of contents, image chunk, the pixel), under
# the names cage and chromium ask for: cage has no option to hide the pointer.
empty_cursor() {
  printf 'Xcur\x10\x00\x00\x00\x00\x00\x01\x00\x01\x00\x00\x00'
  printf '\x02\x00\xfd\xff\x01\x00\x00\x00\x1c\x00\x00\x00'
  printf '\x24\x00\x00\x00\x02\x00\xfd\xff\x01\x00\x00\x00\x01\x00\x00\x00'
  printf '\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'
  printf '\x00\x00\x00\x00'
}
theme=$CURSORS/cursors/motcua-none/cursors
install -d -m 0755 "$theme"
empty_cursor >"$theme/left_ptr"
for name in default pointer hand1 hand2 text xterm wait watch progress left_ptr_watch not-allowed crossed_circle \
  grab grabbing move fleur crosshair help question_arrow col-resize row-resize ew-resize ns-resize all-scroll \
  context-menu copy alias cell vertical-text no-drop; do
  ln -sfn left_ptr "$theme/$name"
done

# --- the touchscreen's programs ------------------------------------------------------------------------------
# Debian's packages, installed by the technician (README). Said, not refused: a kiosk may be installed before its
# screen's packages, and a trial under --root has none. Debian 12's cage will not start without Xwayland, and
# nothing pulls it in with cage.
missing=()
for program in /usr/bin/cage /usr/bin/Xwayland /usr/bin/chromium; do [ -x "$program" ] || missing+=("$program"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "the touchscreen needs ${missing[*]}: apt-get install cage xwayland chromium fonts-dejavu"
fi

# --- systemd -------------------------------------------------------------------------------------------------
mkdir -p "$UNITS"
for unit in "${UNIT_FILES[@]}"; do install -m 0644 "$KIT/systemd/$unit" "$UNITS/$unit"; done
system udevadm control --reload-rules
system udevadm trigger --subsystem-match=tty --subsystem-match=usbmisc
system systemctl daemon-reload
system systemctl enable motcua-kiosk.service motcua-kiosk-session.service motcua-kiosk-backup.timer
if grep -q '"_example"' "$CONFIG"; then
  say "installed $RELEASE_VERSION. Next: edit $CONFIG, then systemctl start motcua-kiosk motcua-kiosk-session motcua-kiosk-backup.timer"
else
  system systemctl restart motcua-kiosk.service
  system systemctl start motcua-kiosk-session.service motcua-kiosk-backup.timer
  say "installed $RELEASE_VERSION and (re)started it"
fi
