/**
 * PostgreSQL backups: `pg_dump -Fc` (the custom format, which pg_restore can list, check and restore table by table),
 * and what a dump holds, read back with pg_restore: its table of contents, every block of it (a damaged or cut file
 * fails there) and the rows of schema_migrations (the schema version it would restore).
 */
import { BackupDamagedError, reason } from './backup-errors';
import { connectionFor, runPgTool } from './pg-tools';

/** Dumps the database at `url` into `target`. */
export async function dumpPostgres(url: string, target: string): Promise<void> {
  const { dbUrl, env } = connectionFor(url, 'motcua-backup');
  // A lock wait bound: a dump stuck behind a migration's table lock fails with a reason instead of hanging a timer.
  await runPgTool('pg_dump', ['--format=custom', '--lock-wait-timeout=60000', `--file=${target}`, `--dbname=${dbUrl}`], env);
}

export interface PgDumpInfo {
  version: number;
  /** The tables the dump would create. */
  tables: string[];
}

/**
 * Checks a dump: pg_restore reads its table of contents, then all of it (a file cut short can still have a whole
 * table of contents at its start), then the schema_migrations rows. Throws BackupDamagedError.
 */
export async function inspectPgDump(path: string): Promise<PgDumpInfo> {
  let list: string;
  let data: string;
  try {
    list = await runPgTool('pg_restore', ['--list', path]);
    await runPgTool('pg_restore', ['--file=/dev/null', path]);
    data = await runPgTool('pg_restore', ['--data-only', '--table=schema_migrations', '--file=-', path]);
  } catch (err) {
    throw new BackupDamagedError(path, reason(err));
  }
  // "215; 1259 16386 TABLE public tickets kiosk": the entries that create a table.
  const tables = [...list.matchAll(/^\d+; \d+ \d+ TABLE public (\S+) /gm)].map((m) => m[1]!);
  if (!tables.includes('schema_migrations')) throw new BackupDamagedError(path, 'no schema_migrations table: not a kiosk store');
  // COPY public.schema_migrations (version, name, applied_at) FROM stdin; then one tab-separated row per line, then \.
  const copy = /^COPY public\.schema_migrations .*FROM stdin;\n([\s\S]*?)^\\\.$/m.exec(data);
  const versions = (copy?.[1] ?? '')
    .split('\n')
    .map((line) => Number.parseInt(line.split('\t')[0] ?? '', 10))
    .filter(Number.isInteger);
  return { version: Math.max(0, ...versions), tables };
}
