/**
 * One backup of the site's store now (`npm run backup`), whether or not its agent is running: SQLite through
 * `VACUUM INTO` (sqlite-backup.ts), PostgreSQL through pg_dump (postgres-backup.ts); checked, named, renamed into
 * place (backup-files.ts), then the folder rotated (backup-rotation.ts). Also the snapshots taken before a migration
 * and before a PostgreSQL restore, which use the same steps under other names and are never rotated.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../config/site-config-schema';
import { localDayKey } from '../core/local-time';
import type { Db, MigrationStep } from '../store/sqlite';
import { BackupError, reason } from './backup-errors';
import { discardFile, finishFile, rotateFolder, startFile, type RotationResult } from './backup-files';
import type { BackupName, StoreKind } from './backup-names';
import { dumpPostgres, inspectPgDump } from './postgres-backup';
import { backupLiveSqlite, inspectSqliteFile, vacuumInto } from './sqlite-backup';

export const SQLITE_FILE = 'kiosk.sqlite';

/** Where `npm run backup` writes: `backup.dir`, or a folder in the data folder (same disk: better than nothing). */
export function backupDirOf(config: Pick<SiteConfig, 'backup' | 'dataDir'>): string {
  return config.backup?.dir ?? join(config.dataDir, 'backups');
}

/** Where pre-migration snapshots go: `backup.dir` when the site has one, else `<dataDir>/snapshots/`. */
export function snapshotDirOf(config: Pick<SiteConfig, 'backup' | 'dataDir'>): string {
  return config.backup?.dir ?? join(config.dataDir, 'snapshots');
}

export interface MadeBackup {
  path: string;
  kind: StoreKind;
  version: number;
  bytes: number;
}

type Writer = (partial: string) => Promise<number> | number;

/** Writes through `write` (which returns the verified schema version), then names the file from what it holds. */
async function writeBackup(dir: string, name: Omit<BackupName, 'version'> & { version?: number }, write: Writer): Promise<MadeBackup> {
  const partial = startFile(dir, name.kioskId, name.kind, name.at);
  try {
    const version = await write(partial);
    const path = finishFile(partial, dir, { ...name, version: name.version ?? version });
    return { path, kind: name.kind, version, bytes: statSync(path).size };
  } catch (err) {
    discardFile(partial);
    throw err;
  }
}

/** The same, for the synchronous SQLite start-up path (openStore runs migrations synchronously). */
function writeBackupSync(dir: string, name: Omit<BackupName, 'version'>, write: (partial: string) => number): MadeBackup {
  const partial = startFile(dir, name.kioskId, name.kind, name.at);
  try {
    const version = write(partial);
    const path = finishFile(partial, dir, { ...name, version });
    return { path, kind: name.kind, version, bytes: statSync(path).size };
  } catch (err) {
    discardFile(partial);
    throw err;
  }
}

export interface BackupNowResult extends MadeBackup {
  rotation: RotationResult;
}

/** `npm run backup`: a verified backup of the configured store in the backup folder, then rotation. */
export async function backupNow(config: SiteConfig, now = Date.now()): Promise<BackupNowResult> {
  const dir = backupDirOf(config);
  const kioskId = config.kiosk.id;
  let made: MadeBackup;
  if (config.store.driver === 'sqlite') {
    const source = join(config.dataDir, SQLITE_FILE);
    if (!existsSync(source)) throw new BackupError(`Không có kho dữ liệu để sao lưu / no store to back up: ${source}`);
    made = await writeBackup(dir, { kioskId, kind: 'sqlite', at: now, purpose: 'backup' }, (partial) => {
      try {
        backupLiveSqlite(source, partial);
      } catch (err) {
        throw new BackupError(`Không sao lưu được ${source} / backup failed: ${reason(err)}`, 1, { cause: err });
      }
      return inspectSqliteFile(partial).version;
    });
  } else {
    const url = config.store.url;
    made = await writeBackup(dir, { kioskId, kind: 'postgres', at: now, purpose: 'backup' }, async (partial) => {
      await dumpPostgres(url, partial).catch((err: unknown) => {
        if (err instanceof BackupError) throw err;
        throw new BackupError(`Không sao lưu được CSDL / pg_dump failed: ${reason(err)}`, 1, { cause: err });
      });
      return (await inspectPgDump(partial)).version;
    });
  }
  const rotation = rotateFolder(dir, {
    kioskId,
    kind: made.kind,
    keepDaily: config.backup?.keepDaily ?? 7,
    keepWeekly: config.backup?.keepWeekly ?? 4,
    justMade: made.path.slice(dir.length + 1),
    dayOf: (ms) => localDayKey(ms, config.center.timezone),
  });
  return { ...made, rotation };
}

export interface SnapshotPlace {
  dir: string;
  kioskId: string;
  now?: () => number;
}

/** A snapshot of an open SQLite store before it is migrated (the same connection: the agent has not started yet). */
export function snapshotSqliteBeforeMigration(db: Db, place: SnapshotPlace, step: MigrationStep): MadeBackup {
  return writeBackupSync(place.dir, { kioskId: place.kioskId, kind: 'sqlite', at: (place.now ?? Date.now)(), purpose: 'premigrate', toVersion: step.to }, (partial) => {
    vacuumInto(db, partial);
    return inspectSqliteFile(partial).version;
  });
}

/** A dump of a PostgreSQL store before it is migrated, or before a restore replaces it. */
export function snapshotPostgres(url: string, place: SnapshotPlace, why: { purpose: 'premigrate'; step: MigrationStep } | { purpose: 'prerestore' }): Promise<MadeBackup> {
  const at = (place.now ?? Date.now)();
  const name = why.purpose === 'premigrate' ? { purpose: 'premigrate' as const, toVersion: why.step.to } : { purpose: 'prerestore' as const };
  return writeBackup(place.dir, { kioskId: place.kioskId, kind: 'postgres', at, ...name }, async (partial) => {
    await dumpPostgres(url, partial);
    return (await inspectPgDump(partial)).version;
  });
}
