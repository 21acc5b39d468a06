#!/usr/bin/env bash
# Installs what the test suite needs from Debian packages: Chromium for real-browser tests, socat for virtual
# serial ports, espeak-ng for the lobby display's Vietnamese voice clips (built by build:ui), iproute2 for the
# second network host (network namespaces), openssl for the HTTPS test's certificate, e2fsprogs for the disk that
# turns read-only, and PostgreSQL for the store's PostgreSQL tests (each test worker starts a throwaway cluster of its
# own with scripts/throwaway-postgres.ts; Debian keeps initdb off PATH, in /usr/lib/postgresql/<major>/bin, so that
# is where it is looked for). Installing Debian's postgresql package also creates a `main` cluster on port 5432 and
# may start it; the tests do not use it. For the install kit (deploy/debian/, tests/integration/deploy-*.test.ts):
# the linter for shell scripts (package shellcheck), systemd-analyze (package systemd) to verify the units, and
# cage, the touchscreen's compositor, because verify checks that a unit's programs exist (chromium and node are
# there already), with xwayland, without which cage will not start (tests/e2e/kiosk-session-cage.test.ts runs the
# session unit's command under a headless compositor). Idempotent: does nothing when they are already there.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v socat >/dev/null 2>&1 || need+=(socat)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
command -v mkfs.ext4 >/dev/null 2>&1 || need+=(e2fsprogs)
command -v shellcheck >/dev/null 2>&1 || need+=(shellcheck)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
[ -x /usr/bin/cage ] || need+=(cage)
[ -x /usr/bin/Xwayland ] || need+=(xwayland)
have_initdb=no
for initdb in /usr/lib/postgresql/*/bin/initdb; do
  if [ -x "$initdb" ]; then have_initdb=yes; fi
done
[ "$have_initdb" = yes ] || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies present: chromium, socat, espeak-ng, iproute2, openssl, e2fsprogs, postgresql, shellcheck, systemd, cage, xwayland"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing from Debian packages: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
