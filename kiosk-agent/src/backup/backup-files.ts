/**
 * Writing a backup file so that a half-written one never looks complete: it is written under a hidden `.partial`
 * name in the backup folder itself (so the final rename stays on one file system and is atomic), checked, flushed to
 * the disk, and only then renamed to its real name; on any failure the partial file is removed. Also: applying a
 * rotation plan to the folder.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName, partialName, type BackupName, type StoreKind } from './backup-names';
import { planRotation, type RotationPolicy } from './backup-rotation';
import { BackupError, reason } from './backup-errors';

/** Creates the folder (a mounted USB disk or share must be there: its mount point usually is) and names a partial file. */
export function startFile(dir: string, kioskId: string, kind: StoreKind, at: number): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new BackupError(`Không tạo được thư mục sao lưu / cannot create the backup folder ${dir}: ${reason(err)}`, 1, { cause: err });
  }
  return join(dir, partialName(kioskId, kind, at));
}

/** Flushes a file (or a folder: its entries) to the disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes the verified partial file and renames it to its name. Two backups in one second would share a name: the
 * later one takes the next free second rather than replace the other.
 */
export function finishFile(partial: string, dir: string, name: BackupName): string {
  fsyncPath(partial);
  let at = name.at;
  let final = join(dir, backupFileName({ ...name, at }));
  while (existsSync(final)) {
    at += 1000;
    final = join(dir, backupFileName({ ...name, at }));
  }
  renameSync(partial, final);
  try {
    fsyncPath(dir); // the rename itself survives a power cut
  } catch {
    // Some network file systems cannot fsync a folder; the file's own data is already flushed.
  }
  return final;
}

/** Removes a partial file after a failure (there may be none yet). */
export function discardFile(partial: string): void {
  rmSync(partial, { force: true });
}

export interface RotationResult {
  removed: string[];
  /** Files that should have gone but could not be removed (the backup itself is fine). */
  problems: string[];
}

/** Deletes what the rotation plan for this folder says; a file that cannot be deleted is reported, not fatal. */
export function rotateFolder(dir: string, policy: RotationPolicy): RotationResult {
  const plan = planRotation(readdirSync(dir), policy);
  const result: RotationResult = { removed: [], problems: [] };
  for (const name of plan.remove) {
    try {
      rmSync(join(dir, name));
      result.removed.push(name);
    } catch (err) {
      result.problems.push(`${name}: ${reason(err)}`);
    }
  }
  return result;
}
