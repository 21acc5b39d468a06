#!/usr/bin/env bash
# Removes motcua-kiosk, as root (README "Installing at a centre"): uninstall.sh [--purge] [--root DIR]
# The services are stopped and disabled; the units, the udev rules, the touchscreen's PAM file and cursor, every
# release and the kit's copy of the example config go. What the centre wrote stays: the site config and device ids
# (/etc/motcua-kiosk/site.json, devices.env: the technician's work, needed to install again as it was), the data
# (/var/lib/motcua-kiosk: the record of who received which result) and the backups (/var/backups/motcua-kiosk),
# with the motcua user that owns them. --purge removes those too, and the user and its group. Never touched: a
# backup folder configured elsewhere (backup.dir: a USB disk, a share) and a centre's PostgreSQL database, which
# other kiosks share. Idempotent: a second run finds nothing to stop and removes nothing more.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$HERE/lib.sh"

PURGE=no
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=yes; shift ;;
    --root)
      [ $# -ge 2 ] || die "--root needs a folder" 2
      [ -d "$2" ] || die "--root $2: no such folder" 2
      ROOT=$(cd "$2" && pwd); shift 2 ;;
    -h | --help) sed -n '2s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) die "usage: uninstall.sh [--purge] [--root DIR]" 2 ;;
  esac
done
set_paths
need_root
# Under --root the log holds this run's system changes only, as install.sh's does.
[ -z "$ROOT" ] || : >"$ACTIONS"

# Only units that are installed: systemctl refuses to disable a unit it does not know, and a second run must pass.
# The backup service has no [Install] section (the timer starts it): it is stopped, in case a backup runs now.
enabled=()
for unit in motcua-kiosk-session.service motcua-kiosk.service motcua-kiosk-backup.timer; do
  [ ! -e "$UNITS/$unit" ] || enabled+=("$unit")
done
if [ "${#enabled[@]}" -gt 0 ]; then
  system systemctl disable --now "${enabled[@]}"
  [ ! -e "$UNITS/motcua-kiosk-backup.service" ] || system systemctl stop motcua-kiosk-backup.service
fi
removed_units=no
for unit in "${UNIT_FILES[@]}"; do
  if [ -e "$UNITS/$unit" ]; then rm -f "$UNITS/$unit"; removed_units=yes; fi
done
[ "$removed_units" = no ] || system systemctl daemon-reload
if [ -e "$RULES" ]; then
  rm -f "$RULES"
  system udevadm control --reload-rules
fi
rm -f "$PAM" "$ETC/site.example.jsonc"
rm -rf "$CURSORS" "$OPT"

if [ "$PURGE" = yes ]; then
  rm -rf "$ETC" "$DATA" "$BACKUPS" "$ROOT/var/lib/motcua-kiosk-session"
  # Under --root recorded as it would run, as install.sh records useradd; on the system only what exists (userdel
  # may have taken the group with the user already).
  if [ -n "$ROOT" ] || getent passwd "$SERVICE_USER" >/dev/null; then system userdel "$SERVICE_USER"; fi
  if [ -n "$ROOT" ] || getent group "$SERVICE_USER" >/dev/null; then system groupdel "$SERVICE_USER"; fi
  say "removed, with the config, the data, the backups and the user $SERVICE_USER (not a backup.dir elsewhere, nor a PostgreSQL database)"
else
  say "removed; kept the config ($ETC), the data ($DATA), the backups ($BACKUPS) and the user $SERVICE_USER: uninstall.sh --purge removes them too"
fi
