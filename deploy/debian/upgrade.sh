#!/usr/bin/env bash
# Upgrades an installed kiosk to a release archive, as root (README "Installing at a centre", "Upgrades"):
#   upgrade.sh [--root DIR] RELEASE.tgz
# Unpacks it beside the current release and installs its dependencies offline (the agent still runs meanwhile),
# stops the agent, snapshots the data with the current release's backup command, switches `current`, starts the
# new agent (which migrates the store as it starts) and waits for /api/health to report the new version. If it
# does not within MOTCUA_HEALTH_TIMEOUT seconds (default 90), it switches back, restores the snapshot with the
# previous release, starts that, and exits 1 saying so (3 if even the rollback did not come back healthy).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$HERE/lib.sh"

# The backup and restore commands (README "Backups and restore"), run with the release that wrote the data, in
# $release, so a snapshot taken before the migration is restored by code that knows its schema. The backup prints
# the backup's path as the last word of its output; restore takes that path. Evaluated where they are used.
# shellcheck disable=SC2016 # single quotes on purpose: expanded by eval, where $release and $snapshot are set
BACKUP_CMD=${MOTCUA_BACKUP_CMD:-'npm run --silent --prefix "$release" backup -- --config "$CONFIG"'}
# shellcheck disable=SC2016
RESTORE_CMD=${MOTCUA_RESTORE_CMD:-'npm run --silent --prefix "$release" restore -- --config "$CONFIG" "$snapshot"'}
# How the agent is stopped and started: systemd, or (tests, and machines without systemd) MOTCUA_AGENT_CTL, a
# program called with `stop` or `start` that returns once the agent has stopped or has been started.
AGENT_CTL=${MOTCUA_AGENT_CTL:-}
HEALTH_TIMEOUT=${MOTCUA_HEALTH_TIMEOUT:-90}

ARCHIVE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || die "--root needs a folder" 2; ROOT=$(cd "$2" && pwd); shift 2 ;;
    -h | --help) sed -n '2,3s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) die "unknown option $1" 2 ;;
    *) ARCHIVE=$1; shift ;;
  esac
done
[ -n "$ARCHIVE" ] || die "usage: upgrade.sh [--root DIR] RELEASE.tgz" 2
set_paths
need_root
[ -z "$ROOT" ] || [ -n "$AGENT_CTL" ] || die "--root needs MOTCUA_AGENT_CTL (how to stop and start the agent there)" 2

agent() {
  if [ -n "$AGENT_CTL" ]; then "$AGENT_CTL" "$1"; else systemctl "$1" motcua-kiosk.service; fi
}
healthy() { # VERSION: the agent of the site config answers and reports it
  node "$CURRENT/deploy/debian/wait-for-health.mjs" --config "$CONFIG" --timeout "$HEALTH_TIMEOUT" --version "$1"
}

previous=$(current_version)
if [ -z "$previous" ] || [ ! -d "$RELEASES/$previous" ]; then
  die "no installed release in $OPT: install with install.sh first" 2
fi
unpack_release "$ARCHIVE"
next=$RELEASE_VERSION
if [ "$next" = "$previous" ]; then
  say "$next is already the current release; nothing to do"
  exit 0
fi

say "stopping the agent ($previous)"
agent stop
# shellcheck disable=SC2034 # read by the commands eval runs
release=$RELEASES/$previous
say "snapshot of the data before $next migrates it"
if ! backup_output=$(eval "$BACKUP_CMD"); then
  agent start || true
  die "the snapshot failed: nothing changed, $previous is started again"
fi
# The backup CLI says "backup made and verified: <path> (…)"; a replacement command may print the path as its last word.
snapshot=$(sed -n 's/.*backup made and verified: \([^ ]*\) (.*/\1/p' <<<"$backup_output" | tail -n 1)
[ -n "$snapshot" ] || snapshot=$(awk 'NF { last = $NF } END { print last }' <<<"$backup_output")
[ -e "$snapshot" ] || { agent start || true; die "the backup command named no snapshot that exists ('$snapshot'): nothing changed, $previous is started again"; }
say "snapshot: $snapshot"

point_current_to "$next"
say "starting $next (it migrates the store as it starts)"
if agent start && healthy "$next"; then
  # Keep the two newest earlier releases to go back to by hand; older ones only take space.
  find "$RELEASES" -mindepth 1 -maxdepth 1 -type d ! -name "$next" ! -name '.incoming.*' -printf '%T@ %p\n' \
    | sort -rn | tail -n +3 | cut -d' ' -f2- | while read -r old; do rm -rf "$old"; done
  say "upgraded $previous → $next"
  exit 0
fi

say "$next did not become healthy within $HEALTH_TIMEOUT s: rolling back to $previous"
agent stop || true
point_current_to "$previous"
if ! eval "$RESTORE_CMD"; then
  die "ROLLBACK INCOMPLETE: $previous is current again but restoring $snapshot failed; restore it by hand (README \"Backups and restore\")" 3
fi
if agent start && healthy "$previous"; then
  rm -rf "${RELEASES:?}/$next"
  die "upgrade to $next FAILED and was rolled back: $previous runs again with the data of $snapshot (journalctl -u motcua-kiosk says why $next did not start)" 1
fi
die "ROLLBACK INCOMPLETE: $previous is current again and its data restored from $snapshot, but it does not answer either (journalctl -u motcua-kiosk)" 3
