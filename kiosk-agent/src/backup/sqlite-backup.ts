/**
 * SQLite backups. A live WAL database is never copied as a file (the copy could hold half of a checkpoint, and the
 * newest commits live in the -wal file): `VACUUM INTO` writes a consistent snapshot from one read transaction, which in
 * WAL mode does not stop the running agent from writing meanwhile, and the result is a single compact file.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Db } from '../store/sqlite';
import { BackupDamagedError, reason } from './backup-errors';

const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether the file starts as a SQLite database does (the file's content, not its name, says what it is). */
export function looksLikeSqlite(path: string): boolean {
  return readHead(path).subarray(0, 16).toString('latin1') === SQLITE_HEADER;
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(100);
    return head.subarray(0, readSync(fd, head, 0, 100, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A file cut short (a copy to a USB disk pulled out too early) can pass integrity_check: SQLite reads the missing end
 * as zeros. Its header says how many pages it should have (valid when its change counter matches, as SQLite writes it
 * on every commit): the file must hold them all.
 */
function truncation(path: string): string | undefined {
  const head = readHead(path);
  if (head.length < 100) return `only ${head.length} bytes`;
  const pageSize = head.readUInt16BE(16) === 1 ? 65_536 : head.readUInt16BE(16);
  const pages = head.readUInt32BE(28);
  const sizeValid = pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92);
  const size = statSync(path).size;
  if (size % pageSize !== 0) return `${size} bytes is not a whole number of ${pageSize}-byte pages`;
  if (sizeValid && size < pages * pageSize) return `${size} bytes, the header says ${pages * pageSize}`;
  return undefined;
}

/** Writes a snapshot of an open database to `target` (which must not exist). */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/** A snapshot of the store file at `source`, which a running agent may be writing. */
export function backupLiveSqlite(source: string, target: string): void {
  // Read-only: this connection can never write to the kiosk's store, whatever happens here.
  const db = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    vacuumInto(db, target);
  } finally {
    db.close();
  }
}

export interface SqliteFileInfo {
  /** The newest migration applied in the file. */
  version: number;
  /** Rows in a few tables, to say what a backup holds. */
  counts: Record<string, number>;
}

const COUNTED = ['tickets', 'dossiers', 'handovers', 'staff_accounts'] as const;

/**
 * Opens a backup read-only and checks it whole (`PRAGMA integrity_check` reads every page: a truncated or damaged file
 * fails here, not at the kiosk after a restore), then reads its schema version. Throws BackupDamagedError.
 */
export function inspectSqliteFile(path: string): SqliteFileInfo {
  let db: Db | undefined;
  try {
    if (!looksLikeSqlite(path)) throw new Error('not a SQLite database');
    const cut = truncation(path);
    if (cut !== undefined) throw new Error(`truncated: ${cut}`);
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
      throw new Error(`integrity_check: ${problems.slice(0, 3).map((p) => p.integrity_check).join('; ')}`);
    }
    const hasMigrations = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
    if (!hasMigrations) throw new Error('no schema_migrations table: not a kiosk store');
    const version = (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
      if (exists) counts[table] = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    }
    return { version, counts };
  } catch (err) {
    throw new BackupDamagedError(path, reason(err));
  } finally {
    db?.close();
  }
}
