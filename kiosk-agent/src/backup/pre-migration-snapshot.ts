/**
 * The snapshot before every migration (README "Backups and restore"): whatever opens a store that is about to be
 * migrated (the agent, `npm run staff`, store:copy) first writes a copy of it as it is, named with the versions from
 * and to, so a migration that goes wrong, or an upgrade rolled back, has its way back. The store adapters only call a
 * hook (store/sqlite.ts, store/postgres/postgres-migrate.ts); these are the hooks the composition root hands them.
 *
 * No snapshot, no migration: a snapshot that cannot be written stops the start with one line saying why and what to
 * do, and the store is left as it was.
 */
import type { Db, MigrationStep } from '../store/sqlite';
import { reason } from './backup-errors';
import { snapshotPostgres, snapshotSqliteBeforeMigration, type SnapshotPlace } from './make-backup';

/** Logged once a snapshot is made: where it is (no data from the store). */
export type SnapshotLog = (made: { path: string; from: number; to: number }) => void;

export class SnapshotFailedError extends Error {
  override name = 'SnapshotFailedError';
  readonly advice: string;
  constructor(step: MigrationStep, dir: string, cause: unknown) {
    super(`could not write the snapshot before migrating v${step.from} → v${step.to} into ${dir}: ${reason(cause)}`, { cause });
    this.advice =
      `Chưa nâng cấp CSDL vì không tạo được bản chụp trước khi nâng cấp (v${step.from} → v${step.to}) trong ${dir}. ` +
      'Kiểm tra thư mục backup.dir (ổ USB/ổ mạng đã gắn chưa, còn chỗ trống, quyền ghi) và, với PostgreSQL, đã cài postgresql-client (pg_dump), rồi khởi động lại; dữ liệu chưa bị thay đổi.';
  }
}

export function sqliteSnapshotHook(place: SnapshotPlace, log: SnapshotLog = () => undefined): (db: Db, step: MigrationStep) => void {
  return (db, step) => {
    try {
      const made = snapshotSqliteBeforeMigration(db, place, step);
      log({ path: made.path, ...step });
    } catch (err) {
      throw new SnapshotFailedError(step, place.dir, err);
    }
  };
}

export function postgresSnapshotHook(url: string, place: SnapshotPlace, log: SnapshotLog = () => undefined): (step: MigrationStep) => Promise<void> {
  return async (step) => {
    try {
      const made = await snapshotPostgres(url, place, { purpose: 'premigrate', step });
      log({ path: made.path, ...step });
    } catch (err) {
      throw new SnapshotFailedError(step, place.dir, err);
    }
  };
}
