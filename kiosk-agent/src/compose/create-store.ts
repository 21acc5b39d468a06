/**
 * The store adapter the site config asks for: SQLite in the data folder (a lone kiosk, the default) or the centre's
 * PostgreSQL server (`store.driver: "postgres"`). Both are brought up to the current schema before anything uses
 * them; one that cannot be (a read-only folder, a server that does not answer, a schema newer than this agent) stops
 * the start with one clear line (StoreOpenError, exit 2). A store about to be migrated is first snapshotted
 * (backup/pre-migration-snapshot.ts) into `backup.dir`, or `<dataDir>/snapshots/` without one.
 */
import { join } from 'node:path';
import { sqliteSnapshotHook, type SnapshotLog } from '../backup/pre-migration-snapshot';
import { snapshotDirOf } from '../backup/make-backup';
import type { SiteConfig } from '../config/site-config-schema';
import { openStore } from '../store/sqlite';
import { SqliteStore } from '../store/sqlite-store';
import type { SqlStore } from '../store/store-port';

export const SQLITE_FILE = 'kiosk.sqlite';

export async function createStore(
  config: Pick<SiteConfig, 'dataDir' | 'store' | 'backup' | 'kiosk'>,
  log: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void },
): Promise<SqlStore> {
  const place = { dir: snapshotDirOf(config), kioskId: config.kiosk.id };
  const snapshotMade: SnapshotLog = (made) => {
    const msg = `snapshot of the store written before migrating it v${made.from} → v${made.to}: ${made.path}`;
    if (log.info) log.info(made, msg);
    else log.warn(made, msg);
  };
  if (config.store.driver === 'sqlite') {
    const db = openStore({ dataDir: config.dataDir, fileName: SQLITE_FILE, beforeMigrate: sqliteSnapshotHook(place, snapshotMade) });
    return new SqliteStore(db, join(config.dataDir, SQLITE_FILE));
  }
  // Loaded only here: a lone SQLite kiosk never pays for the PostgreSQL client (open-postgres-store.ts).
  const { openPostgresStore } = await import('./open-postgres-store');
  return openPostgresStore(config.store, place, snapshotMade, log);
}
