/**
 * The store adapter the site config asks for: SQLite in the data folder (a lone kiosk, the default) or the centre's
 * PostgreSQL server (`store.driver: "postgres"`). Both are brought up to the current schema before anything uses
 * them; one that cannot be (a read-only folder, a server that does not answer, a schema newer than this agent) stops
 * the start with one clear line (StoreOpenError, exit 2). A store about to be migrated is first snapshotted
 * (backup/pre-migration-snapshot.ts) into `backup.dir`, or `<dataDir>/snapshots/` without one.
 */
import { join } from 'node:path';
import { postgresSnapshotHook, sqliteSnapshotHook, type SnapshotLog } from '../backup/pre-migration-snapshot';
import { snapshotDirOf } from '../backup/make-backup';
import type { SiteConfig } from '../config/site-config-schema';
import { SCHEMA_TOO_NEW_ADVICE, storeAdvice } from '../i18n/store-text';
import { migratePostgres } from '../store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../store/postgres/postgres-migrations';
import { isUnreachable, PostgresStore } from '../store/postgres/postgres-store';
import { StoreSchemaTooNewError } from '../store/schema-version';
import { openStore, StoreOpenError } from '../store/sqlite';
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
  const store = PostgresStore.create({
    url: config.store.url,
    poolSize: config.store.poolSize,
    connectTimeoutMs: config.store.connectTimeoutMs,
    // An idle connection that died (the server restarted): the pool opens a new one at the next request.
    onIdleError: (err) => log.warn({ err: (err as Error).message }, 'PostgreSQL connection lost; the next request reconnects'),
  });
  // A kiosk PC often boots before the centre's server after a power cut: wait for it a while, saying so, before
  // giving up (the service manager starts the agent again).
  const giveUpAt = Date.now() + config.store.waitAtStartMs;
  for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
    try {
      await migratePostgres(store.pool, POSTGRES_MIGRATIONS, { beforeMigrate: postgresSnapshotHook(config.store.url, place, snapshotMade) });
      await store.probeWrite();
      return store;
    } catch (err) {
      const connection = isUnreachable(err);
      const left = giveUpAt - Date.now();
      if (connection && left > 0) {
        // The last wait is cut to the deadline, and one more try made there: the whole configured time is waited.
        const wait = Math.min(delay, left);
        log.warn({ store: store.location, err: (err as Error).message, retryInMs: wait }, 'PostgreSQL not reachable yet; waiting for it');
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      await store.close().catch(() => undefined);
      // A snapshot that could not be written (backup/pre-migration-snapshot.ts) says itself what to do.
      const own = (err as { advice?: unknown }).advice;
      const advice =
        typeof own === 'string'
          ? own
          : err instanceof StoreSchemaTooNewError
            ? SCHEMA_TOO_NEW_ADVICE
            : connection
              ? storeAdvice('PG_UNAVAILABLE')
              : 'Kiểm tra store.url (máy, cổng, tên CSDL, tài khoản, mật khẩu) trong tệp cấu hình và quyền của tài khoản trên CSDL.';
      throw new StoreOpenError(`cannot use the store ${store.location}: ${(err as Error).message}\n${advice}`);
    }
  }
}
