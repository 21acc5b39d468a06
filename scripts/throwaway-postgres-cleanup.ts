/**
 * No postmaster outlives the process that started it (scripts/throwaway-postgres.ts). pg_ctl starts the server in
 * a session of its own, so neither Ctrl-C nor the death of a test worker reaches it: left alone it would keep its
 * port, its shared memory and its temporary folder until the machine reboots. Two guards:
 *
 * - exit, SIGINT and SIGTERM handlers (Vitest stops a worker with SIGTERM) stop every live cluster synchronously
 *   (`pg_ctl stop -m immediate`, nothing asynchronous runs in an exit handler) and remove its folder;
 * - a watchdog shell per cluster, in a process group of its own, polls our pid once a second and does the same
 *   when we are gone without running any handler (SIGKILL, a crash of Node itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** What it takes to stop a cluster without asking anything of it. */
export interface LiveCluster {
  /** The blocking immediate stop; its errors are ignored (the server may already be down). */
  stopNow(): void;
  /** The cluster's temporary folder, removed after the stop. */
  dir: string;
  /**
   * Called last, once the server is stopped and the folder gone: ends the watchdog. Not before: Vitest follows its
   * SIGTERM with a SIGKILL 500 ms later, and a stop cut short there is the watchdog's to finish.
   */
  done(): void;
}

const live = new Set<LiveCluster>();
let handlersInstalled = false;

/** Stops the server, removes the folder, ends the watchdog: the order a cluster is always put away in. */
export function putAway(cluster: LiveCluster): void {
  try {
    cluster.stopNow();
  } finally {
    rmSync(cluster.dir, { recursive: true, force: true });
    live.delete(cluster);
    cluster.done();
  }
}

function stopAll(): void {
  for (const cluster of live) putAway(cluster);
}

/**
 * Alone on the signal, we stop the clusters and let it do what it would have done: end the process. When the
 * program handles the signal too (a demo that closes its agent first, then stops PostgreSQL), it ends the process
 * in its own time, and the exit handler stops what is left then.
 */
function onSignal(signal: NodeJS.Signals): void {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (process.listenerCount(signal) > 0) return;
  stopAll();
  process.kill(process.pid, signal);
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** From now until `forget`, the cluster is stopped and its folder removed if this process ends first. */
export function stopOnExit(cluster: LiveCluster): void {
  installHandlers();
  live.add(cluster);
}

// $1 our pid, $2 the folder, then the stop command. `kill -0` only asks whether the pid is alive. A pid reused
// by another process after ours ended would keep the watchdog waiting, never stop the wrong server.
const WATCHDOG = 'p=$1; d=$2; shift 2; while kill -0 "$p" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$d"';

/**
 * Starts the watchdog for one cluster; `stopCommand` is the immediate stop (program first). Kill the returned
 * process when the cluster is stopped the ordinary way. It is detached and unreferenced: it never holds us up.
 */
export function startWatchdog(dir: string, stopCommand: readonly string[]): ChildProcess {
  const child = spawn('sh', ['-c', WATCHDOG, 'throwaway-postgres-watchdog', String(process.pid), dir, ...stopCommand], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}
