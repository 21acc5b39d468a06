/**
 * The store adapters every store test runs against (docs/ARCHITECTURE.md "Tests"): a real SQLite file in a temp
 * folder, and a fresh database on this worker's throwaway PostgreSQL cluster. `describe.each(STORE_KINDS)` runs a
 * suite once per adapter; `reopen()` closes and opens the same data again (a restart).
 */
import { migratePostgres } from '../../kiosk-agent/src/store/postgres/postgres-migrate';
import { POSTGRES_MIGRATIONS } from '../../kiosk-agent/src/store/postgres/postgres-migrations';
import { PostgresStore } from '../../kiosk-agent/src/store/postgres/postgres-store';
import { openStore } from '../../kiosk-agent/src/store/sqlite';
import { SqliteStore } from '../../kiosk-agent/src/store/sqlite-store';
import type { SqlStore } from '../../kiosk-agent/src/store/store-port';
import { join } from 'node:path';
import { freshDatabase } from './postgres-cluster';
import { tempDir } from './temp-dir';

export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface TestStore {
  store: SqlStore;
  /** Closes the store and opens the same data again, as an agent restart would. */
  reopen(): Promise<SqlStore>;
  /** Closes the store and removes its data. */
  cleanup(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  switch (kind) {
    case 'sqlite': {
      const dir = tempDir();
      const open = () => new SqliteStore(openStore({ dataDir: dir.path }), join(dir.path, 'kiosk.sqlite'));
      const t: TestStore = {
        store: open(),
        reopen: async () => {
          await t.store.close();
          t.store = open();
          return t.store;
        },
        cleanup: async () => {
          await t.store.close().catch(() => undefined);
          dir.cleanup();
        },
      };
      return t;
    }
    case 'postgres': {
      const url = await freshDatabase();
      const open = async () => {
        const store = PostgresStore.create({ url, poolSize: 4 });
        await migratePostgres(store.pool, POSTGRES_MIGRATIONS);
        return store;
      };
      const t: TestStore = {
        store: await open(),
        reopen: async () => {
          await t.store.close();
          t.store = await open();
          return t.store;
        },
        // The database stays on the worker's cluster, which goes when the worker ends.
        cleanup: () => t.store.close().catch(() => undefined),
      };
      return t;
    }
  }
}
