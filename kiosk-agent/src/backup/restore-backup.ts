/**
 * `npm run restore`: a backup put back into a stopped kiosk's store. The file is checked first (what it is by its
 * content, whole, a schema this code knows), then the agent must be stopped (agent-running.ts), then the store is
 * replaced with the current one kept aside (restore-sqlite.ts, restore-postgres.ts).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { SiteConfig } from '../config/site-config-schema';
import { MIGRATIONS } from '../store/migrations/index';
import { POSTGRES_MIGRATIONS } from '../store/postgres/postgres-migrations';
import { describeUrl } from '../store/postgres/postgres-store';
import { refuseIfAgentAnswers } from './agent-running';
import { BackupError } from './backup-errors';
import type { StoreKind } from './backup-names';
import { SQLITE_FILE, snapshotDirOf } from './make-backup';
import { inspectPgDump } from './postgres-backup';
import { restorePostgres } from './restore-postgres';
import { restoreSqlite } from './restore-sqlite';
import { inspectSqliteFile, looksLikeSqlite } from './sqlite-backup';

export interface RestoreReport {
  kind: StoreKind;
  /** The schema version restored, and the one this code migrates it to at the next start. */
  version: number;
  latest: number;
  /** Where it went: the SQLite file, or the database (without password). */
  target: string;
  counts: Record<string, number>;
  /** The store as it was before: a file name (SQLite) or a prerestore dump (PostgreSQL). */
  keptAside?: string;
  droppedTables?: string[];
  warning?: string;
}

const latestOf = (kind: StoreKind): number => Math.max(...(kind === 'sqlite' ? MIGRATIONS : POSTGRES_MIGRATIONS).map((m) => m.version));

/** What a file is, by its first bytes: a SQLite database, a pg_dump custom archive ("PGDMP"), or neither. */
function kindOf(file: string): StoreKind | undefined {
  if (looksLikeSqlite(file)) return 'sqlite';
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    return readSync(fd, head, 0, 5, 0) === 5 && head.toString('latin1') === 'PGDMP' ? 'postgres' : undefined;
  } finally {
    closeSync(fd);
  }
}

export async function restoreBackup(config: SiteConfig, file: string, now = Date.now()): Promise<RestoreReport> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`Không có tệp / no such file: ${file}`, 2);
  const kind = kindOf(file);
  if (kind === undefined) throw new BackupError(`Không phải bản sao lưu của ki-ốt / not a kiosk backup (neither SQLite nor pg_dump): ${file}`);
  const configured = config.store.driver;
  if (kind !== configured) {
    throw new BackupError(`Bản sao lưu là ${kind}, cấu hình dùng ${configured} / the backup is ${kind}, the site's store is ${configured}: use store:copy to move between them`, 2);
  }
  const info = kind === 'sqlite' ? inspectSqliteFile(file) : await inspectPgDump(file);
  const latest = latestOf(kind);
  if (info.version > latest) {
    throw new BackupError(
      `Bản sao lưu có lược đồ v${info.version}, phiên bản ki-ốt này chỉ biết đến v${latest}: cài phiên bản mới hơn trước / ` +
        `the backup's schema is version ${info.version}, this agent knows up to ${latest}: install a newer agent first`,
    );
  }
  await refuseIfAgentAnswers(config);
  if (config.store.driver === 'sqlite') {
    const r = restoreSqlite(file, config.dataDir, SQLITE_FILE, now);
    return {
      kind,
      version: info.version,
      latest,
      target: r.target,
      counts: 'counts' in info ? info.counts : {},
      ...(r.keptAside ? { keptAside: r.keptAside } : {}),
      ...(r.unreadable
        ? { warning: `kho cũ không đọc được (${r.unreadable}), đã được giữ nguyên như cũ / the store that was there could not be read; it is kept aside as it was` }
        : {}),
    };
  }
  const tables = 'tables' in info ? info.tables : [];
  const r = await restorePostgres(file, tables, config.store.url, { dir: snapshotDirOf(config), kioskId: config.kiosk.id, now: () => now });
  return {
    kind,
    version: info.version,
    latest,
    target: describeUrl(config.store.url),
    counts: r.counts,
    droppedTables: r.droppedTables,
    ...(r.keptAside ? { keptAside: r.keptAside.path } : {}),
  };
}
