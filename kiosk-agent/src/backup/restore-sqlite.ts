/**
 * Restoring a SQLite backup into a stopped kiosk: the current store is kept aside under
 * `kiosk.sqlite.before-restore-<UTC time>` (with its -wal/-shm, renamed alike so the kept file still opens with
 * them), and the backup takes its place by an atomic rename, so `kiosk.sqlite` is at every moment either the old
 * store or the whole restored one.
 */
import { chownSync, copyFileSync, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { holdSqliteStore } from './agent-running';
import { BackupError, reason } from './backup-errors';
import { fsyncPath } from './backup-files';
import { stampOf } from './backup-names';

export interface SqliteRestoreResult {
  target: string;
  /** Where the store that was there is now (none when there was none). */
  keptAside?: string;
  /** Why the current store could not be checked for other users (it was damaged). */
  unreadable?: string;
}

export function restoreSqlite(backup: string, dataDir: string, fileName: string, now: number): SqliteRestoreResult {
  const target = join(dataDir, fileName);
  // Refuses while another connection has the store open, then keeps everyone out until the swap is done.
  const held = holdSqliteStore(target);
  try {
    const incoming = join(dataDir, `.${fileName}.restoring`);
    rmSync(incoming, { force: true });
    try {
      copyFileSync(backup, incoming); // the backup is a closed, single file: a plain copy of it is whole
      // Run as root (sudo), the copy would belong to root and the agent's service user could not write it: it gets
      // the owner of the file it replaces, or of the data folder.
      if (process.getuid?.() === 0) {
        const owner = statSync(existsSync(target) ? target : dataDir);
        chownSync(incoming, owner.uid, owner.gid);
      }
      fsyncPath(incoming);
    } catch (err) {
      rmSync(incoming, { force: true });
      throw new BackupError(`Không chép được bản sao lưu vào ${dataDir} / cannot copy the backup into the data folder: ${reason(err)}`, 1, { cause: err });
    }
    let keptAside: string | undefined;
    if (existsSync(target)) {
      keptAside = `${target}.before-restore-${stampOf(now)}`;
      // A second name for the current file rather than a rename: kiosk.sqlite never goes missing, so nothing starting
      // now could create an empty store in its place. A file system without hard links gets a copy (the file is
      // locked and out of WAL mode: nobody writes it).
      try {
        linkSync(target, keptAside);
      } catch {
        copyFileSync(target, keptAside);
      }
      for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAside + suffix);
    }
    renameSync(incoming, target);
    return { target, ...(keptAside ? { keptAside } : {}), ...(held.unreadable ? { unreadable: held.unreadable } : {}) };
  } finally {
    held.release();
  }
}
