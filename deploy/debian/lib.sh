# shellcheck shell=bash
# What install.sh, upgrade.sh and uninstall.sh share: the paths, --root, and running (or, under --root, only
# recording) the commands that change the real system. Sourced, never run.
# shellcheck disable=SC2034 # the variables are the sourcing scripts'

# --root DIR: every path below is inside DIR, and useradd, chown, systemctl and udevadm are written to
# $ROOT/system-actions.log instead of run, so a test can install into a temporary folder (tests/integration/).
ROOT=${ROOT:-}
set_paths() {
  OPT=$ROOT/opt/motcua-kiosk
  RELEASES=$OPT/releases
  CURRENT=$OPT/current
  ETC=$ROOT/etc/motcua-kiosk
  CONFIG=$ETC/site.json
  DATA=$ROOT/var/lib/motcua-kiosk
  BACKUPS=$ROOT/var/backups/motcua-kiosk
  UNITS=$ROOT/etc/systemd/system
  RULES=$ROOT/etc/udev/rules.d/70-motcua-kiosk.rules
  PAM=$ROOT/etc/pam.d/motcua-kiosk-session
  CURSORS=$ROOT/usr/share/motcua-kiosk
  ACTIONS=$ROOT/system-actions.log
}
UNIT_FILES=(motcua-kiosk.service motcua-kiosk-session.service motcua-kiosk-backup.service motcua-kiosk-backup.timer)
SERVICE_USER=motcua

say() { printf 'motcua-kiosk: %s\n' "$*"; }
die() { printf 'motcua-kiosk: %s\n' "$*" >&2; exit "${2:-1}"; }

# A command on the real system: run, or under --root recorded (one line each, as it would run).
system() {
  if [ -n "$ROOT" ]; then
    local quoted
    printf -v quoted '%q ' "$@"
    printf '%s\n' "${quoted% }" >>"$ACTIONS"
  else
    "$@"
  fi
}

need_root() {
  [ -n "$ROOT" ] || [ "$(id -u)" -eq 0 ] || die "run as root (sudo $0 …), or with --root DIR for a trial install" 2
}

# A relative link, so that `current` is also right inside a --root folder; replaced in one rename.
point_current_to() {
  ln -sfn "releases/$1" "$OPT/.current.new"
  mv -T "$OPT/.current.new" "$CURRENT"
}

current_version() {
  if [ -L "$CURRENT" ]; then basename "$(readlink "$CURRENT")"; fi
}

# Unpacks an archive of `npm run release` into releases/<version> (unless that version is there, complete) and
# installs its dependencies from the npm cache it carries, offline. Sets RELEASE_VERSION and RELEASE_DIR.
unpack_release() {
  local archive=$1 staging version
  [ -f "$archive" ] || die "$archive: no such release archive" 2
  mkdir -p "$RELEASES"
  staging=$(mktemp -d "$RELEASES/.incoming.XXXXXX")
  if ! tar -xzf "$archive" -C "$staging" --strip-components=1 --no-same-owner; then
    rm -rf "$staging"
    die "$archive: cannot unpack (not a release archive?)"
  fi
  version=$(node -p 'require(process.argv[1]).version' "$staging/package.json" 2>/dev/null || true)
  if ! [[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]] || [ ! -f "$staging/dist/agent/main.js" ]; then
    rm -rf "$staging"
    die "$archive: not a motcua-kiosk release (no version or no dist/agent/main.js)" 2
  fi
  RELEASE_VERSION=$version
  RELEASE_DIR=$RELEASES/$version
  # npm ci leaves node_modules/.package-lock.json last: a folder without it is an install that did not finish.
  if [ -f "$RELEASE_DIR/node_modules/.package-lock.json" ]; then
    rm -rf "$staging"
    return 0
  fi
  rm -rf "$RELEASE_DIR"
  mv "$staging" "$RELEASE_DIR"
  chmod 0755 "$RELEASE_DIR"
  say "installing $version's dependencies offline from its own npm cache"
  if ! (cd "$RELEASE_DIR" && npm_config_update_notifier=false npm ci --omit=dev --offline --no-audit --no-fund \
    --loglevel=error --cache "$RELEASE_DIR/npm-cache" >/dev/null); then
    rm -rf "$RELEASE_DIR"
    die "npm ci --omit=dev --offline failed for $version: the archive's npm cache does not match this machine (Node major, CPU)?"
  fi
}
