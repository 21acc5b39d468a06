/**
 * Restoring a pg_dump into the configured PostgreSQL database, every agent of the centre stopped: the database as it
 * is is dumped first (a `prerestore` file beside the backups: "the current store kept aside"), then
 * `pg_restore --clean --if-exists --single-transaction` replaces the kiosk's tables all at once or not at all.
 *
 * Tables the dump does not know (a newer schema's, after an upgrade that is being rolled back) are dropped first:
 * --clean only drops what the dump holds, and such a table would otherwise stay behind with a foreign key that stops
 * the restore, or make the next upgrade's migration fail ("already exists"). They are in the prerestore dump.
 * The migration lock is held throughout, so an agent started meanwhile waits instead of migrating a half-restored
 * database.
 */
import pg from 'pg';
import { MIGRATION_LOCK_KEY } from '../store/postgres/postgres-migrate';
import { refuseIfAgentsConnected } from './agent-running';
import { BackupError, reason } from './backup-errors';
import { snapshotPostgres, type MadeBackup, type SnapshotPlace } from './make-backup';
import { connectionFor, runPgTool } from './pg-tools';

export interface PostgresRestoreResult {
  keptAside?: MadeBackup;
  droppedTables: string[];
  counts: Record<string, number>;
}

const COUNTED = ['tickets', 'dossiers', 'handovers', 'staff_accounts'];

export async function restorePostgres(backup: string, tablesInDump: readonly string[], url: string, place: SnapshotPlace): Promise<PostgresRestoreResult> {
  const client = new pg.Client({ connectionString: url, application_name: 'motcua-restore' });
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Không kết nối được CSDL / cannot connect to the database: ${reason(err)}`, 1, { cause: err });
  }
  try {
    await refuseIfAgentsConnected(client);
    const locked = (await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [MIGRATION_LOCK_KEY])).rows[0]?.ok;
    if (!locked) throw new BackupError('Một ki-ốt đang nâng cấp CSDL / an agent is migrating the database: wait for it, stop it, then restore');
    const current = await tablesNow(client);
    let keptAside: MadeBackup | undefined;
    if (current.includes('schema_migrations')) {
      keptAside = await snapshotPostgres(url, place, { purpose: 'prerestore' }).catch((err: unknown) => {
        throw new BackupError(`Chưa khôi phục: không sao lưu được CSDL hiện tại / not restored: cannot keep the current database aside: ${reason(err)}`, 1, { cause: err });
      });
    }
    const droppedTables = current.filter((t) => !tablesInDump.includes(t));
    if (droppedTables.length > 0) await client.query(`BEGIN; ${droppedTables.map((t) => `DROP TABLE IF EXISTS public."${t}" CASCADE;`).join(' ')} COMMIT;`);
    const { dbUrl, env } = connectionFor(url, 'motcua-restore');
    try {
      await runPgTool('pg_restore', ['--clean', '--if-exists', '--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', `--dbname=${dbUrl}`, backup], env);
    } catch (err) {
      const aside = keptAside ? ` Bản trước khi khôi phục / the database as it was: ${keptAside.path}` : '';
      throw new BackupError(`Khôi phục thất bại, CSDL giữ nguyên / restore failed, the database is unchanged: ${reason(err)}.${aside}`, 1, { cause: err });
    }
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      if (tablesInDump.includes(table)) counts[table] = Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
    }
    return { ...(keptAside ? { keptAside } : {}), droppedTables, counts };
  } finally {
    await client.end().catch(() => undefined); // ending the session releases the lock
  }
}

async function tablesNow(client: pg.Client): Promise<string[]> {
  return (await client.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
}
