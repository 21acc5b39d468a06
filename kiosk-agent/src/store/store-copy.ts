/**
 * Moving a kiosk's SQLite store into the centre's PostgreSQL (`npm run store:copy`): every table, row for row, in one
 * PostgreSQL transaction, into a database migrated to the same schema version, then verified by counting. The
 * target must not hold a queue or dossiers yet (two kiosks' numbers for one day would collide); identity sequences
 * are moved past the copied ids so new rows never take an old one. `kioskId` renames the lone kiosk's rows (its
 * lockers, deposits, handovers, pauses, audit) to the id it will have in the centre.
 */
import type { Db } from './sqlite';
import type { PostgresStore } from './postgres/postgres-store';

/**
 * Parents before children (foreign keys); the probe and the migration log are the target's own, and so are the alert
 * claims: an outbox still stuck when it is copied in is a spell the centre tells its technicians of again.
 */
export const COPIED_TABLES = [
  'daily_sequences',
  'tickets',
  'queue_state',
  'appointments',
  'service_closures',
  'ticket_events',
  'dossiers',
  'pickup_audit',
  'deposits',
  'handovers',
  'outbox',
  'ratings',
  'diagnostics_audit',
  'pickup_pauses',
  'kiosks',
  'staff_accounts',
  'staff_sessions',
  'staff_audit',
  'payments',
  'unmatched_payments',
  // The procedure catalogue: keyed by its code (no sequence to move); the kiosk searches it without a re-import.
  'procedures',
] as const;

/** Tables whose `id` is text (no sequence behind it). */
const TEXT_IDS = new Set(['tickets', 'kiosks', 'appointments']);

const KIOSK_COLUMNS: Record<string, string> = {
  dossiers: 'locker_kiosk_id',
  pickup_audit: 'kiosk_id',
  deposits: 'kiosk_id',
  handovers: 'kiosk_id',
  pickup_pauses: 'kiosk_id',
};

export class StoreCopyError extends Error {
  override name = 'StoreCopyError';
}

export interface CopyReport {
  table: string;
  source: number;
  target: number;
}

function schemaVersion(db: Db): number {
  return (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
}

export async function copySqliteToPostgres(source: Db, target: PostgresStore, options: { kioskId?: string } = {}): Promise<CopyReport[]> {
  const targetVersion = (await target.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0;
  if (schemaVersion(source) !== targetVersion) {
    throw new StoreCopyError(`schema versions differ: SQLite ${schemaVersion(source)}, PostgreSQL ${targetVersion}; start the kiosk once on the SQLite store with this version first`);
  }
  for (const table of ['tickets', 'dossiers'] as const) {
    const n = (await target.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
    if (n > 0) throw new StoreCopyError(`the PostgreSQL database already holds ${n} rows in ${table}: copy into an empty database`);
  }
  const kiosk = options.kioskId;
  await target.transaction(async (tx) => {
    for (const table of COPIED_TABLES) {
      const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      const list = columns.map((c) => `"${c}"`).join(', ');
      const marks = columns.map(() => '?').join(', ');
      const renamed = kiosk ? KIOSK_COLUMNS[table] : undefined;
      for (const row of source.prepare(`SELECT * FROM ${table}`).iterate() as Iterable<Record<string, string | number | null>>) {
        const values = columns.map((c) => (c === renamed && row[c] !== null ? kiosk! : (row[c] ?? null)));
        await tx.run(`INSERT INTO ${table} (${list}) VALUES (${marks})`, values);
      }
      if (columns.includes('id') && !TEXT_IDS.has(table)) {
        // Explicit ids do not move an identity's sequence: move it past them.
        await tx.run(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT MAX(id) FROM ${table}), 1))`);
      }
    }
  });
  const report: CopyReport[] = [];
  for (const table of COPIED_TABLES) {
    const sourceCount = source.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    const targetCount = (await target.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
    report.push({ table, source: sourceCount, target: targetCount });
  }
  const wrong = report.filter((r) => r.source !== r.target);
  if (wrong.length > 0) throw new StoreCopyError(`counts differ after the copy: ${wrong.map((r) => `${r.table} ${r.source} → ${r.target}`).join(', ')}`);
  return report;
}
