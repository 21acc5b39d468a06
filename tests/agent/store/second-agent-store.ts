/**
 * A second agent's view of a test store, for the contract suites that run two workers or two services on one
 * store: on PostgreSQL a second PostgresStore (its own pool) on the same database URL, as a second agent of the
 * centre would open it; on SQLite the same SqliteStore (one file has one connection in the agent).
 */
import { PostgresStore } from '../../../kiosk-agent/src/store/postgres/postgres-store';
import type { SqlStore } from '../../../kiosk-agent/src/store/store-port';
import type { TestStore } from '../../support/test-stores';

export function secondAgentStore(t: TestStore): { store: SqlStore; close(): Promise<void> } {
  if (!(t.store instanceof PostgresStore)) return { store: t.store, close: async () => undefined };
  const url = t.store.pool.options.connectionString;
  if (!url) throw new Error('the test store’s pool has no connection URL');
  const store = PostgresStore.create({ url, poolSize: 4 });
  return { store, close: () => store.close() };
}
