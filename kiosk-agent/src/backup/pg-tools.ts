/**
 * PostgreSQL's client programs (pg_dump, pg_restore), found and run for backups. Debian's `postgresql` package keeps
 * them in /usr/lib/postgresql/<major>/bin (newest first: pg_dump must be at least as new as the server), and
 * `postgresql-client` puts them on PATH too. The password never goes on the command line, where `ps` would show it:
 * it is taken out of the URL and handed over in PGPASSWORD.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BackupError } from './backup-errors';

export type PgTool = 'pg_dump' | 'pg_restore';

export const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed copy of `tool`: under Debian's version folders first, then on PATH. */
export function findPgTool(tool: PgTool, root = DEBIAN_POSTGRES_ROOT, path = process.env.PATH ?? ''): string {
  const versions = existsSync(root) ? readdirSync(root) : [];
  const newest = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(join(root, v, 'bin', tool)))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))[0];
  if (newest !== undefined) return join(root, newest, 'bin', tool);
  for (const dir of path.split(delimiter).filter(Boolean)) if (existsSync(join(dir, tool))) return join(dir, tool);
  throw new BackupError(
    `Không tìm thấy ${tool}: cài bằng \`sudo apt-get install postgresql-client\` / ${tool} not found: install it with \`sudo apt-get install postgresql-client\``,
  );
}

/** The URL without its password (for the command line) and the environment that carries the password. */
export function connectionFor(url: string, appName: string): { dbUrl: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbUrl: u.toString(), env: { ...process.env, PGAPPNAME: appName, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a tool and resolves with its standard output; rejects with its last words on standard error. */
export function runPgTool(tool: PgTool, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const file = findPgTool(tool);
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const said = stderr.trim().split('\n').slice(-3).join(' ').trim();
      reject(new Error(`${tool}: ${said || err.message}`, { cause: err }));
    });
  });
}
