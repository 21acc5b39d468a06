/**
 * Opens the kiosk's SQLite file in WAL mode and brings its schema up to date. A kill -9 loses nothing that was
 * committed: WAL + synchronous=FULL fsyncs each commit, which also survives a power cut on the kiosk PC.
 *
 * At start-up the store must take a write: a data folder that is read-only, full or not ours stops the agent with
 * one clear line (exit 2) instead of a kiosk that issues tickets it cannot keep.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { storeAdvice } from '../i18n/store-text';
import { MIGRATIONS, type Migration } from './migrations/index';
import { pendingMigrations, StoreSchemaTooNewError } from './schema-version';
import { SCHEMA_TOO_NEW_ADVICE } from '../i18n/store-text';

export type Db = Database.Database;

export interface OpenStoreOptions {
  dataDir: string;
  fileName?: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Runs before migrations are applied to a store that already holds a schema (see MigrateOptions). */
  beforeMigrate?: (db: Db, step: MigrationStep) => void;
}

/** A migration run about to start: from the store's version to the newest this agent knows. */
export interface MigrationStep {
  from: number;
  to: number;
}

export interface MigrateOptions {
  /**
   * Called once, before the first pending migration, when the store already has a schema (version > 0): the
   * composition root snapshots the store here (backup/). Throwing stops the migration, nothing applied.
   */
  beforeMigrate?: (step: MigrationStep) => void;
}

/** The store could not be opened or written at start-up; `message` says where and what to do. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

function openError(path: string, err: unknown): StoreOpenError {
  // An error that says itself what to do (a snapshot that could not be written) keeps its advice.
  const advice = (err as { advice?: unknown }).advice;
  if (typeof advice === 'string') return new StoreOpenError(`cannot use the store ${path}: ${(err as Error).message}\n${advice}`);
  if (err instanceof StoreSchemaTooNewError) return new StoreOpenError(`cannot use the store ${path}: ${err.message}\n${SCHEMA_TOO_NEW_ADVICE}`);
  const code = (err as { code?: string }).code ?? 'ERROR';
  const message = (err as Error).message;
  return new StoreOpenError(`cannot use the store ${path}: ${message.startsWith(code) ? message : `${code}: ${message}`}\n${storeAdvice(code)}`);
}

/**
 * Creates the data folder. A recursive mkdir on a read-only disk reports ENOENT; the nearest folder that exists
 * is asked whether it can be written, so the technician reads EROFS or EACCES rather than "no such file".
 */
function makeDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    let parent = dirname(dataDir);
    while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
    accessSync(parent, constants.W_OK); // throws the real reason
    throw err;
  }
}

export function openStore({ dataDir, fileName = 'kiosk.sqlite', synchronous = 'FULL', beforeMigrate }: OpenStoreOptions): Db {
  const path = join(dataDir, fileName);
  let db: Db | undefined;
  try {
    makeDataDir(dataDir);
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const opened = db;
    migrate(db, MIGRATIONS, beforeMigrate ? { beforeMigrate: (step) => beforeMigrate(opened, step) } : {});
    probeWrite(db);
    return db;
  } catch (err) {
    db?.close();
    throw openError(path, err);
  }
}

/** Writes one small row in its own transaction: proof that the store takes writes now. */
export function probeWrite(db: Db): void {
  db.prepare('INSERT INTO store_probe (id, at_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms').run(Date.now());
}

export function migrate(db: Db, migrations: readonly Migration[], options: MigrateOptions = {}): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  // A store migrated by a newer agent is refused (StoreSchemaTooNewError) rather than written with old meanings.
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[];
  const pending = pendingMigrations(applied, migrations);
  const from = Math.max(0, ...applied);
  if (pending.length > 0 && from > 0) options.beforeMigrate?.({ from, to: pending[pending.length - 1]!.version });
  const ran: number[] = [];
  for (const m of pending) {
    // foreign_keys cannot change inside a transaction: it is switched around it, and restored whatever happens.
    const keysWereOn = m.rebuildsTables === true && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
    if (keysWereOn) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(m.sql);
        if (m.rebuildsTables) {
          const broken = db.prepare('PRAGMA foreign_key_check').all();
          if (broken.length > 0) throw new Error(`migration ${m.version} would leave ${broken.length} rows pointing at nothing`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      })();
    } finally {
      if (keysWereOn) db.pragma('foreign_keys = ON');
    }
    ran.push(m.version);
  }
  return ran;
}
