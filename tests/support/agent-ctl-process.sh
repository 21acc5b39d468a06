#!/usr/bin/env bash
# MOTCUA_AGENT_CTL for deploy/debian/upgrade.sh in tests: the installed agent as a plain background process, where
# a kiosk has systemd (no systemd runs in the test container). `start` runs the `current` release with the site
# config of the --root folder MOTCUA_TEST_ROOT, as motcua-kiosk.service does; `stop` sends SIGTERM and waits.
set -euo pipefail
root=${MOTCUA_TEST_ROOT:?MOTCUA_TEST_ROOT: the --root folder}
pidfile=$root/agent.pid
case "${1:-}" in
  start)
    cd "$root/opt/motcua-kiosk/current"
    node dist/agent/main.js --config "$root/etc/motcua-kiosk/site.json" >>"$root/agent.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    ;;
  stop)
    [ -f "$pidfile" ] || exit 0
    pid=$(cat "$pidfile")
    rm -f "$pidfile"
    kill -TERM "$pid" 2>/dev/null || exit 0
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || exit 0
      sleep 0.1
    done
    echo "agent $pid did not stop within 10 s" >&2
    exit 1
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
