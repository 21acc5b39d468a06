/**
 * The names of backup files (README "Backups and restore"): which kiosk made it, of which store, when (UTC), at which
 * schema version, and why. A technician reading a USB disk's folder sees what each file is without opening it, and
 * rotation (backup-rotation.ts) recognises its own files by name and leaves every other file alone.
 *
 *   motcua-sanh-a-sqlite-20261202T031500Z-v15.sqlite                   a backup (npm run backup, the nightly timer)
 *   motcua-sanh-a-sqlite-20261202T031500Z-premigrate-v14-to-v15.sqlite  taken before migrating v14 → v15
 *   motcua-sanh-a-postgres-20261202T031500Z-prerestore-v15.pgdump       the database as it was before a restore
 *
 * A file being written has a name no parser accepts (`.…partial`): a half-written backup never looks complete.
 */

export type StoreKind = 'sqlite' | 'postgres';
export type BackupPurpose = 'backup' | 'premigrate' | 'prerestore';

export interface BackupName {
  kioskId: string;
  kind: StoreKind;
  /** When it was made, ms since the epoch (whole seconds: the name keeps seconds). */
  at: number;
  purpose: BackupPurpose;
  /** The schema version the file holds. */
  version: number;
  /** premigrate only: the version the migration was going to. */
  toVersion?: number;
}

const EXTENSION: Record<StoreKind, string> = { sqlite: 'sqlite', postgres: 'pgdump' };

const NAME = /^motcua-([a-z0-9][a-z0-9-]*)-(sqlite|postgres)-(\d{8}T\d{6}Z)-(?:v(\d+)|premigrate-v(\d+)-to-v(\d+)|prerestore-v(\d+))\.(sqlite|pgdump)$/;

/** 2026-12-02T03:15:00.123Z → 20261202T031500Z */
export function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function parseStamp(stamp: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp)!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export function backupFileName(b: BackupName): string {
  const what =
    b.purpose === 'premigrate' ? `premigrate-v${b.version}-to-v${b.toVersion ?? '?'}` : b.purpose === 'prerestore' ? `prerestore-v${b.version}` : `v${b.version}`;
  return `motcua-${b.kioskId}-${b.kind}-${stampOf(b.at)}-${what}.${EXTENSION[b.kind]}`;
}

/** The name's meaning, or undefined for a file that is not one of ours (or is still being written). */
export function parseBackupFileName(name: string): BackupName | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const kind = m[2] as StoreKind;
  if (m[8] !== EXTENSION[kind]) return undefined;
  const base = { kioskId: m[1]!, kind, at: parseStamp(m[3]!) };
  if (m[4] !== undefined) return { ...base, purpose: 'backup', version: Number(m[4]) };
  if (m[5] !== undefined) return { ...base, purpose: 'premigrate', version: Number(m[5]), toVersion: Number(m[6]) };
  return { ...base, purpose: 'prerestore', version: Number(m[7]) };
}

/** Where a file is written before it is complete and verified: hidden, and no parser takes it for a backup. */
export function partialName(kioskId: string, kind: StoreKind, at: number): string {
  return `.motcua-${kioskId}-${kind}-${stampOf(at)}-${process.pid}.partial`;
}
