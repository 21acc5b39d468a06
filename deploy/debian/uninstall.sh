#!/usr/bin/env bash
# Removes motcua-kiosk, as root: uninstall.sh [--purge] [--root DIR]. The units, the udev rules, the touchscreen's
# PAM file and cursor, and every release go; the site config (/etc/motcua-kiosk), the data (/var/lib/motcua-kiosk)
# and the backups (/var/backups/motcua-kiosk) stay, with the motcua user that owns them, unless --purge.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$HERE/lib.sh"

PURGE=no
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=yes; shift ;;
    --root) [ $# -ge 2 ] || die "--root needs a folder" 2; ROOT=$(cd "$2" && pwd); shift 2 ;;
    *) die "usage: uninstall.sh [--purge] [--root DIR]" 2 ;;
  esac
done
set_paths
need_root

system systemctl disable --now motcua-kiosk-session.service motcua-kiosk.service motcua-kiosk-backup.timer
for unit in "${UNIT_FILES[@]}"; do rm -f "$UNITS/$unit"; done
rm -f "$RULES" "$PAM"
rm -rf "$CURSORS" "$OPT"
system systemctl daemon-reload
system udevadm control --reload-rules
if [ "$PURGE" = yes ]; then
  rm -rf "$ETC" "$DATA" "$BACKUPS" "$ROOT/var/lib/motcua-kiosk-session"
  if [ -n "$ROOT" ] || getent passwd "$SERVICE_USER" >/dev/null; then system userdel "$SERVICE_USER"; fi
  say "removed, with the config, the data and the backups"
else
  say "removed; kept $ETC, $DATA and $BACKUPS (uninstall.sh --purge removes them too)"
fi
