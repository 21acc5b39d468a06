/**
 * A fresh test store (tests/support/test-stores.ts) for each test of a describe, for the contract set-ups that build
 * on it (locker-contract.ts, port-rows.ts). Registers beforeEach (open) and afterEach (close and remove): hooks
 * registered after it run after the store is open and, hooks running as a stack, before it is removed.
 *
 *   const t = storePerTest(kind);   // the same object for the whole describe
 *   it('…', async () => { await t.store.run('…'); });
 */
import { afterEach, beforeEach } from 'vitest';
import type { SqlStore } from '../../../kiosk-agent/src/store/store-port';
import { openTestStore, type StoreKind, type TestStore } from '../../support/test-stores';

export interface StorePerTest {
  /** The current test's store. */
  readonly store: SqlStore;
  /** The current test's TestStore. */
  readonly current: TestStore;
}

export function storePerTest(kind: StoreKind): StorePerTest {
  let current: TestStore | undefined;
  const open = (): TestStore => {
    if (!current) throw new Error('no test store outside a test (storePerTest opens one in beforeEach)');
    return current;
  };
  beforeEach(async () => {
    current = await openTestStore(kind);
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get store() {
      return open().store;
    },
    get current() {
      return open();
    },
  };
}
