/**
 * Brings a PostgreSQL database's schema up to date, as `migrate()` does for SQLite (../sqlite.ts): a
 * schema_migrations table, each missing version applied in a transaction of its own together with its row, and a
 * refusal to start on a schema newer than this agent (../schema-version.ts).
 *
 * Several agents may share one database and start together (a power cut ends, every kiosk boots): the whole run
 * holds a session advisory lock on one connection, so one agent migrates and the others wait, then find nothing
 * left to do. The key is fixed for every version of the agent (MIGRATION_LOCK_KEY).
 */
import type pg from 'pg';
import type { Migration } from '../migrations/index';
import { pendingMigrations } from '../schema-version';

export { StoreSchemaTooNewError } from '../schema-version';

/**
 * The advisory lock held while migrating: the bytes of "motcua" followed by 0x0001, as a signed 64-bit number
 * (0x6d6f746375610001). Any other use of advisory locks in this database must use other keys.
 */
export const MIGRATION_LOCK_KEY = '7885649443068903425';

export interface MigratePostgresOptions {
  /** The time written to schema_migrations.applied_at (an ISO string, as SQLite's store writes). */
  now?: () => Date;
  /**
   * How long to wait for another agent's migration, in ms, before giving up with PostgreSQL's lock_timeout error.
   * Unset: wait as long as it takes (a long migration is not a reason to start on an old schema).
   */
  lockTimeoutMs?: number;
  /**
   * Called under the migration lock, before the first pending migration, when the database already has a schema
   * (version > 0): the composition root dumps it here (backup/). Only the agent that holds the lock and found work
   * calls it; the others wait for the lock and find nothing pending. Rejecting stops the migration, nothing applied.
   */
  beforeMigrate?: (step: { from: number; to: number }) => Promise<void>;
}

const CREATE_SCHEMA_MIGRATIONS = 'CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Applies the missing migrations and returns the versions it ran, oldest first (none: already up to date). */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[], options: MigratePostgresOptions = {}): Promise<number[]> {
  const now = options.now ?? (() => new Date());
  const client = await pool.connect();
  // A client that failed is destroyed rather than given back to the pool: whatever its session still holds (the
  // lock, an aborted transaction) ends with it.
  let failure: Error | undefined;
  // A dropped connection also emits 'error' on the client: the failing query reports it; the event must not crash.
  const onClientError = (err: Error): void => {
    failure ??= err;
  };
  client.on('error', onClientError);
  try {
    await takeLock(client, options.lockTimeoutMs);
    try {
      // Created under the lock: two agents running CREATE TABLE IF NOT EXISTS at once can both try to create it.
      await client.query(CREATE_SCHEMA_MIGRATIONS);
      // version is BIGINT (int8), which pg hands over as a string unless the adapter says otherwise.
      const applied = (await client.query<{ version: string | number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version));
      const ran: number[] = [];
      const pending = pendingMigrations(applied, migrations);
      const from = Math.max(0, ...applied);
      if (pending.length > 0 && from > 0) await options.beforeMigrate?.({ from, to: pending[pending.length - 1]!.version });
      for (const m of pending) {
        await applyOne(client, m, now());
        ran.push(m.version);
      }
      return ran;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch((err: unknown) => {
        failure ??= err as Error; // the connection broke: destroying it releases the lock
      });
    }
  } catch (err) {
    failure ??= err as Error;
    throw err;
  } finally {
    client.off('error', onClientError);
    client.release(failure);
  }
}

/** pg_advisory_lock waits; lock_timeout bounds the wait when asked, and is reset so migrations run without it. */
async function takeLock(client: pg.PoolClient, timeoutMs: number | undefined): Promise<void> {
  if (timeoutMs === undefined) {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    return;
  }
  await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
  } finally {
    await client.query('RESET lock_timeout');
  }
}

async function applyOne(client: pg.PoolClient, m: Migration, at: Date): Promise<void> {
  await client.query('BEGIN');
  try {
    // No parameters: pg sends the text as a simple query, which may hold several statements.
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, at.toISOString()]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
  }
}
