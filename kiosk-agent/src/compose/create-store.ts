/**
 * The store adapter the site config asks for: SQLite in the data folder (a lone kiosk, the default) or the centre's
 * PostgreSQL server (`store.driver: "postgres"`). Both are brought up to the current schema before anything uses
 * them; one that cannot be (a read-only folder, a server that does not answer, a schema newer than this agent) stops
 * the start with one clear line (StoreOpenError, exit 2).
 */
import { join } from 'node:path';
import type { SiteConfig } from '../config/site-config-schema';
import { migratePostgres } from '../store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../store/postgres/postgres-migrations';
import { PostgresStore } from '../store/postgres/postgres-store';
import { openStore, StoreOpenError } from '../store/sqlite';
import { SqliteStore } from '../store/sqlite-store';
import type { SqlStore } from '../store/store-port';

export const SQLITE_FILE = 'kiosk.sqlite';

export async function createStore(
  config: Pick<SiteConfig, 'dataDir' | 'store'>,
  log: { warn(obj: object, msg: string): void },
): Promise<SqlStore> {
  if (config.store.driver === 'sqlite') {
    const db = openStore({ dataDir: config.dataDir, fileName: SQLITE_FILE });
    return new SqliteStore(db, join(config.dataDir, SQLITE_FILE));
  }
  const store = PostgresStore.create({
    url: config.store.url,
    poolSize: config.store.poolSize,
    connectTimeoutMs: config.store.connectTimeoutMs,
    // An idle connection that died (the server restarted): the pool opens a new one at the next request.
    onIdleError: (err) => log.warn({ err: (err as Error).message }, 'PostgreSQL connection lost; the next request reconnects'),
  });
  try {
    await migratePostgres(store.pool, POSTGRES_MIGRATIONS);
    await store.probeWrite();
    return store;
  } catch (err) {
    await store.close().catch(() => undefined);
    const reason = (err as Error).message;
    throw new StoreOpenError(
      `cannot use the store ${store.location}: ${reason}\n` +
        'Kiểm tra máy chủ PostgreSQL của trung tâm đang chạy và store.url (máy, cổng, tên CSDL, tài khoản) trong tệp cấu hình; ' +
        'nếu CSDL có phiên bản mới hơn ki-ốt này, hãy nâng cấp ki-ốt.',
    );
  }
}
