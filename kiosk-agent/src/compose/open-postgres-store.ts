/**
 * The centre's PostgreSQL store and its event channel (`store.driver: "postgres"`). Kept out of create-store.ts and
 * loaded by a dynamic import only when a site uses PostgreSQL: the `pg` client and this adapter's code cost a lone
 * SQLite kiosk about 9 MB of resident memory it would never use (README "Installing at a centre", the memory target
 * in `npm run bench`).
 */
import { postgresSnapshotHook, type SnapshotLog } from '../backup/pre-migration-snapshot';
import type { SnapshotPlace } from '../backup/make-backup';
import type { SiteConfig } from '../config/site-config-schema';
import type { EventChannel } from '../events/centre-relay';
import { SCHEMA_TOO_NEW_ADVICE, storeAdvice } from '../i18n/store-text';
import { migratePostgres } from '../store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../store/postgres/postgres-migrations';
import { PostgresChannel } from '../store/postgres/postgres-channel';
import { isUnreachable, PostgresStore } from '../store/postgres/postgres-store';
import { StoreSchemaTooNewError } from '../store/schema-version';
import { StoreOpenError } from '../store/sqlite';
import type { SqlStore } from '../store/store-port';

type PostgresSettings = Extract<SiteConfig['store'], { driver: 'postgres' }>;

export async function openPostgresStore(
  settings: PostgresSettings,
  place: SnapshotPlace,
  snapshotMade: SnapshotLog,
  log: { warn(obj: object, msg: string): void },
): Promise<SqlStore> {
  const store = PostgresStore.create({
    url: settings.url,
    poolSize: settings.poolSize,
    connectTimeoutMs: settings.connectTimeoutMs,
    // An idle connection that died (the server restarted): the pool opens a new one at the next request.
    onIdleError: (err) => log.warn({ err: (err as Error).message }, 'PostgreSQL connection lost; the next request reconnects'),
  });
  // A kiosk PC often boots before the centre's server after a power cut: wait for it a while, saying so, before
  // giving up (the service manager starts the agent again).
  const giveUpAt = Date.now() + settings.waitAtStartMs;
  for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
    try {
      await migratePostgres(store.pool, POSTGRES_MIGRATIONS, { beforeMigrate: postgresSnapshotHook(settings.url, place, snapshotMade) });
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

/** The LISTEN/NOTIFY channel a centre's agents relay their events through (events/centre-relay.ts). */
export function centreEventChannel(store: SqlStore, url: string): EventChannel {
  if (!(store instanceof PostgresStore)) throw new Error('the centre event channel needs the PostgreSQL store');
  return new PostgresChannel(store.pool, url, 'motcua_events');
}
