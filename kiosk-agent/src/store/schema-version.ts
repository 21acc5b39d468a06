/**
 * Which migrations a store still needs, and the refusal to touch a store whose schema is newer than this agent:
 * the same rule for SQLite (sqlite.ts) and PostgreSQL (postgres/postgres-migrate.ts). An older agent started on a
 * store an upgrade already migrated (a rolled-back install, a restored disk image beside a newer database) would
 * otherwise write rows that miss the newer columns' meaning, and nothing would say so.
 */
import type { Migration } from './migrations/index';

/** The store holds a schema version this agent does not know: it must not start on it. */
export class StoreSchemaTooNewError extends Error {
  override name = 'StoreSchemaTooNewError';
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `the database's schema is version ${databaseVersion}, this agent knows up to ${knownVersion}: ` +
        'upgrade this agent (or restore a backup made for this version)',
    );
  }
}

/** Throws StoreSchemaTooNewError when a version applied to the store is above every version this agent knows. */
export function checkSchemaVersion(appliedVersions: readonly number[], known: readonly Migration[]): void {
  const newestKnown = Math.max(0, ...known.map((m) => m.version));
  const newestApplied = Math.max(0, ...appliedVersions);
  if (newestApplied > newestKnown) throw new StoreSchemaTooNewError(newestApplied, newestKnown);
}

/** The known migrations not applied yet, oldest first (after checkSchemaVersion). */
export function pendingMigrations(appliedVersions: readonly number[], known: readonly Migration[]): Migration[] {
  checkSchemaVersion(appliedVersions, known);
  const applied = new Set(appliedVersions);
  return known.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version);
}
