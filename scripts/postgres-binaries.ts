/**
 * Debian's PostgreSQL server binaries, found and run the way a throwaway cluster needs them
 * (scripts/throwaway-postgres.ts). Debian keeps them in /usr/lib/postgresql/<major>/bin, off PATH, so they are
 * found by listing that folder, never by PATH. initdb refuses to run as root, and a data folder must belong to the
 * user the server runs as: as root, every binary runs as the `postgres` user (runuser) and the cluster's folder is
 * handed to it; as anyone else, the binaries run as the current user.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/** No PostgreSQL server on this machine: the message says, in English then in Vietnamese, how to install it. */
export class PostgresNotInstalledError extends Error {
  override name = 'PostgresNotInstalledError';
  constructor(root: string) {
    super(
      `Chưa cài PostgreSQL (không có ${root}/*/bin/initdb): hãy cài bằng lệnh \`sudo apt-get install postgresql\` (hoặc chạy scripts/install-test-deps.sh).\n` +
        `PostgreSQL is not installed (no ${root}/*/bin/initdb): install it with \`sudo apt-get install postgresql\` (or run scripts/install-test-deps.sh).`,
    );
  }
}

/**
 * The bin folder of the newest PostgreSQL installed under `root` that has an initdb. Versions are compared as
 * numbers: "9.6" is older than "15", which a plain string sort gets wrong.
 */
export function findPostgresBinDir(root = DEBIAN_POSTGRES_ROOT): string {
  const versions = existsSync(root) ? readdirSync(root) : [];
  const installed = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  const newest = installed[0];
  if (newest === undefined) throw new PostgresNotInstalledError(root);
  return join(root, newest, 'bin');
}

/** Who the server runs as: the `postgres` user when we are root (with its ids, to hand it the folder), else us. */
export interface PostgresRunner {
  readonly binDir: string;
  /** uid and gid to chown the cluster's folder to; undefined when the binaries run as the current user. */
  readonly owner: { uid: number; gid: number } | undefined;
  /** Runs bin/<program> and resolves with its output; rejects with its stderr in the message. */
  run(program: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
  /** The same, blocking: for process exit handlers, where nothing asynchronous runs any more. */
  runSync(program: string, args: readonly string[]): { status: number | null; stderr: string };
  /** The command line (program first) that runs bin/<program>, for a process that outlives us (the watchdog). */
  command(program: string, args: readonly string[]): string[];
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string): number => {
    const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    const value = Number.parseInt(out.stdout, 10);
    if (out.status !== 0 || !Number.isInteger(value)) {
      throw new Error(`running as root, but there is no 'postgres' user to run PostgreSQL as (id ${flag} postgres: ${out.stderr.trim()})`);
    }
    return value;
  };
  return { uid: id('-u'), gid: id('-g') };
}

export function postgresRunner(binDir = findPostgresBinDir()): PostgresRunner {
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUserIds() : undefined;
  const command = (program: string, args: readonly string[]): string[] => {
    const path = join(binDir, program);
    return asRoot ? ['runuser', '-u', 'postgres', '--', path, ...args] : [path, ...args];
  };
  return {
    binDir,
    owner,
    command,
    async run(program, args) {
      const [file, ...rest] = command(program, args) as [string, ...string[]];
      try {
        return await run(file, rest, { encoding: 'utf8' });
      } catch (err) {
        const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
        throw new Error(`${program} ${args.join(' ')} failed: ${stderr || (err as Error).message}`, { cause: err });
      }
    },
    runSync(program, args) {
      const [file, ...rest] = command(program, args) as [string, ...string[]];
      const out = spawnSync(file, rest, { encoding: 'utf8', timeout: 30_000 });
      return { status: out.status, stderr: out.stderr ?? '' };
    },
  };
}
