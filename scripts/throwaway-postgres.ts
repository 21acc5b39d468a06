/**
 * A throwaway PostgreSQL cluster: a temporary folder, initdb, a server on a free port of 127.0.0.1 with trust
 * authentication, and everything removed when it stops. For the tests (tests/support/postgres-cluster.ts) and for a
 * demo that runs the agent on PostgreSQL; it imports nothing from Vitest.
 *
 *   const pg = await startThrowawayPostgres();          // ≈1 s to ready after initdb
 *   const url = await pg.createDatabase();              // postgresql://kiosk@127.0.0.1:<port>/db_…
 *   await pg.stop();                                    // server stopped, folder removed
 *
 * The cluster is made with the C locale and UTF-8: text then sorts and compares byte by byte, as SQLite's default
 * BINARY collation does, so `ORDER BY service_id` answers the same in both stores.
 *
 * If this process ends without stop(), the server is stopped anyway (scripts/throwaway-postgres-cleanup.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresRunner, type PostgresRunner } from './postgres-binaries';
import { putAway, startWatchdog, stopOnExit, type LiveCluster } from './throwaway-postgres-cleanup';

export { PostgresNotInstalledError } from './postgres-binaries';

export interface ThrowawayPostgresOptions {
  /** The cluster's superuser (initdb -U), who connects without a password. Default 'kiosk'. */
  user?: string;
  /**
   * Whether the server fsyncs its writes. On by default: a demo behaves like a real server. Tests pass false, which
   * makes initdb and CREATE DATABASE several times faster; a killed server (kill()) still loses no committed row,
   * since its writes are in the operating system's page cache, only a crash of the whole machine would.
   */
  fsync?: boolean;
}

export interface ThrowawayPostgres {
  readonly host: string;
  readonly port: number;
  /** The temporary folder: the data folder (data/), the socket folder (sock/) and the server log (postgres.log). */
  readonly dir: string;
  /** The connection URL of one database, `postgres` (always there) by default. */
  url(db?: string): string;
  /** CREATE DATABASE (a fresh, unique name unless given) and its URL. */
  createDatabase(name?: string): Promise<string>;
  /**
   * Stops the server (fast shutdown: sessions ended, everything flushed) and removes the folder. Should the fast stop
   * fail, the server is stopped at once and the folder removed all the same, and the promise rejects with why.
   */
  stop(): Promise<void>;
  /** Stops (fast) and starts again on the same port; the data stays. */
  restart(): Promise<void>;
  /** Stops the server at once (`-m immediate`, as a crash would): the next start() runs crash recovery. */
  kill(): Promise<void>;
  /** Starts a server stopped by kill() on the same port (a no-op when it runs). */
  start(): Promise<void>;
}

const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 5;

/** A port nobody listens on now: bind port 0, read what the kernel gave, release it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n') || '(the server log is empty)';
}

/** Another process took the port between freePort() and the server's bind. */
function lostPortRace(log: string): boolean {
  return /could not bind IPv4 address|Address already in use|could not create any TCP\/IP sockets/.test(log);
}

function makeFolders(runner: PostgresRunner): { dir: string; data: string; sock: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  const folders = { dir, data: join(dir, 'data'), sock: join(dir, 'sock'), log: join(dir, 'postgres.log') };
  mkdirSync(folders.sock);
  if (runner.owner) {
    // mkdtemp makes 0700 folders of ours: the postgres user must own them to create data/ and write the log.
    for (const path of [dir, folders.sock]) chownSync(path, runner.owner.uid, runner.owner.gid);
  }
  return folders;
}

export async function startThrowawayPostgres(options: ThrowawayPostgresOptions = {}): Promise<ThrowawayPostgres> {
  const user = options.user ?? 'kiosk';
  const fsync = options.fsync ?? true;
  const runner = postgresRunner();
  const { dir, data, sock, log } = makeFolders(runner);
  let port = 0;
  let running = false;
  let watchdog: ChildProcess | undefined;

  const immediateStop = ['-D', data, 'stop', '-m', 'immediate', '-w'];
  const live: LiveCluster = {
    dir,
    stopNow() {
      // The pid file rather than `running`: a start that timed out may still have left a server behind.
      if (existsSync(join(data, 'postmaster.pid'))) runner.runSync('pg_ctl', immediateStop);
      running = false;
    },
    done: () => watchdog?.kill(),
  };

  const pgCtlStart = async (): Promise<void> => {
    // pg_ctl hands -o to the server's command line through a shell: the socket folder is quoted.
    const serverOptions = `-p ${port} -k '${sock}' -c listen_addresses=${HOST} -c fsync=${fsync ? 'on' : 'off'}`;
    await runner.run('pg_ctl', ['-D', data, '-l', log, '-o', serverOptions, '-w', '-t', '60', 'start']);
    running = true;
  };

  const pgCtlStop = async (mode: 'fast' | 'immediate'): Promise<void> => {
    if (!running) return;
    await runner.run('pg_ctl', ['-D', data, 'stop', '-m', mode, '-w', '-t', '60']);
    running = false;
  };

  try {
    stopOnExit(live);
    await runner.run('initdb', ['-D', data, '-A', 'trust', '-U', user, '-E', 'UTF8', '--locale=C', ...(fsync ? [] : ['--no-sync'])]);
    watchdog = startWatchdog(dir, runner.command('pg_ctl', immediateStop));
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const logBefore = readLog(log).length;
      try {
        await pgCtlStart();
        break;
      } catch (err) {
        const attemptLog = readLog(log).slice(logBefore);
        if (attempt >= PORT_ATTEMPTS || !lostPortRace(attemptLog)) throw new Error(`${(err as Error).message}\nserver log:\n${tail(attemptLog)}`, { cause: err });
      }
    }
  } catch (err) {
    putAway(live);
    throw err;
  }

  const url = (db = 'postgres'): string => `postgresql://${encodeURIComponent(user)}@${HOST}:${port}/${encodeURIComponent(db)}`;
  let databases = 0;

  return {
    host: HOST,
    port,
    dir,
    url,
    async createDatabase(name = `db_${process.pid}_${++databases}_${Math.random().toString(36).slice(2, 8)}`) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      try {
        await pgCtlStop('fast');
      } finally {
        putAway(live); // the server too, if the fast stop failed
      }
    },
    async restart() {
      await pgCtlStop('fast');
      await pgCtlStart();
    },
    kill: () => pgCtlStop('immediate'),
    async start() {
      if (running) return;
      if (!existsSync(data)) throw new Error(`this throwaway cluster was stopped and removed (${dir})`);
      try {
        await pgCtlStart();
      } catch (err) {
        throw new Error(`${(err as Error).message}\nserver log:\n${tail(readLog(log))}`, { cause: err });
      }
    },
  };
}
