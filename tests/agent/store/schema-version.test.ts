/**
 * The rule both stores apply before migrating (kiosk-agent/src/store/schema-version.ts): a store whose schema is
 * newer than this agent is refused; otherwise the migrations it lacks are the ones to run, oldest first.
 */
import { expect, test } from 'vitest';
import type { Migration } from '../../../kiosk-agent/src/store/migrations/index';
import { checkSchemaVersion, pendingMigrations, StoreSchemaTooNewError } from '../../../kiosk-agent/src/store/schema-version';

const known: Migration[] = [3, 1, 2].map((version) => ({ version, name: `m${version}`, sql: '' }));

test('a schema newer than every known migration is refused, with both versions in the error and its message', () => {
  const refuse = () => checkSchemaVersion([1, 2, 3, 12], known);
  expect(refuse).toThrow(StoreSchemaTooNewError);
  expect(refuse).toThrow("the database's schema is version 12, this agent knows up to 3: upgrade this agent (or restore a backup made for this version)");
  try {
    refuse();
  } catch (err) {
    expect(err).toMatchObject({ name: 'StoreSchemaTooNewError', databaseVersion: 12, knownVersion: 3 });
  }
});

test('an empty store, an older one and an up-to-date one are accepted', () => {
  for (const applied of [[], [1], [1, 2, 3]]) expect(() => checkSchemaVersion(applied, known)).not.toThrow();
});

test('pending: the known migrations not applied, oldest first; none when up to date; the refusal too', () => {
  expect(pendingMigrations([], known).map((m) => m.version)).toEqual([1, 2, 3]);
  expect(pendingMigrations([2], known).map((m) => m.version)).toEqual([1, 3]);
  expect(pendingMigrations([1, 2, 3], known)).toEqual([]);
  expect(() => pendingMigrations([4], known)).toThrow(StoreSchemaTooNewError);
});
