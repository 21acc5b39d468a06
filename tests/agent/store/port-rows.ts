/**
 * The set-up the store port contract suites share (store-port-statements-contract.test.ts and
 * store-port-transactions-contract.test.ts): a test store of each kind with a table of the tests' own, port_rows,
 * and small helpers for promises.
 *
 *   describe.each(STORE_KINDS)('store port contract (%s)', (kind) => {
 *     const { t, count, keys } = portRows(kind);   // a fresh store with port_rows before each test
 */
import { beforeEach } from 'vitest';
import { pluck, pluckAll, type SqlExecutor } from '../../../kiosk-agent/src/store/store-port';
import type { StoreKind } from '../../support/test-stores';
import { storePerTest } from './store-per-test';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A promise and the function that settles it: a transaction body signals "I hold the lock" with it. */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((r) => (fire = r));
  return { promise, fire };
}

/** Where the error of a promise that must fail lands. */
export async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, it resolved');
}

/**
 * Registers the suite's hooks (a fresh store, store-per-test.ts, with port_rows for each test). `t` is the same
 * object for the whole suite: `t.store` is the current test's store.
 */
export function portRows(kind: StoreKind) {
  const t = storePerTest(kind);
  beforeEach(async () => {
    // A table of the test's own (both dialects read this DDL): BIGINT holds millisecond times beyond 32 bits.
    await t.store.run('CREATE TABLE port_rows (k TEXT PRIMARY KEY, big BIGINT NOT NULL, small INTEGER NOT NULL, label TEXT)');
    await t.store.run('CREATE UNIQUE INDEX port_rows_label ON port_rows (label)');
  });

  const count = (q: SqlExecutor = t.store) => pluck<number>(q, 'SELECT COUNT(*) AS n FROM port_rows');
  const keys = () => pluckAll<string>(t.store, 'SELECT k FROM port_rows ORDER BY k');

  return { t, count, keys };
}
