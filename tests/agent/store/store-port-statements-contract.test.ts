/**
 * The store port's contract (kiosk-agent/src/store/store-port.ts) for single statements, the same on both adapters:
 * the one SQL both read (`?` placeholders, quoted text left alone), numbers as JavaScript numbers, unique violations
 * recognised, and the health answers (probeWrite, integrityCheck). Set-up: port-rows.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation, pluck, pluckAll } from '../../../kiosk-agent/src/store/store-port';
import { STORE_KINDS } from '../../support/test-stores';
import { failureOf, portRows } from './port-rows';

describe.each(STORE_KINDS)('store port contract (%s)', (kind) => {
  const { t, count, keys } = portRows(kind);

  it('says which dialect it is, on the store and on a transaction’s executor', async () => {
    expect(t.store.dialect).toBe(kind);
    expect(await t.store.transaction(async (tx) => tx.dialect)).toBe(kind);
  });

  describe('placeholders', () => {
    it('a ? inside quoted text is text, not a placeholder', async () => {
      expect(await t.store.get(`SELECT '?' AS q, ? AS v`, ['x'])).toEqual({ q: '?', v: 'x' });
    });

    it('numbers the placeholders in order around quoted text, doubled quotes and quoted identifiers', async () => {
      const row = await t.store.get(`SELECT ? AS a, 'it''s ?' AS b, ? AS "c?", '??' AS d, ? AS e`, ['one', 'two', 'three']);
      expect(row).toEqual({ a: 'one', b: "it's ?", 'c?': 'two', d: '??', e: 'three' });
    });

    it('binds values where the statement needs them, the same values read back', async () => {
      await t.store.run('INSERT INTO port_rows (k, big, small, label) VALUES (?, ?, ?, ?)', ['a?', 1_790_000_000_123, 7, "l'?"]);
      expect(await t.store.get('SELECT k, big, small, label FROM port_rows WHERE k = ? AND label = ?', ['a?', "l'?"])).toEqual({
        k: 'a?',
        big: 1_790_000_000_123,
        small: 7,
        label: "l'?",
      });
      expect(await t.store.get('SELECT k FROM port_rows WHERE k = ?', ['?'])).toBeUndefined();
    });
  });

  describe('numbers', () => {
    beforeEach(async () => {
      const rows: [string, number, number][] = [
        ['a', 1_790_000_000_001, 1],
        ['b', 1_790_000_000_002, 2],
        ['c', 1_790_000_000_003, 3],
        ['d', 1_790_000_000_010, 6],
      ];
      for (const [k, big, small] of rows) await t.store.run('INSERT INTO port_rows (k, big, small) VALUES (?, ?, ?)', [k, big, small]);
    });

    it('BIGINT columns, COUNT, SUM, AVG, MIN and MAX come back as JavaScript numbers', async () => {
      const row = await t.store.get<Record<string, unknown>>(
        `SELECT COUNT(*) AS n, SUM(small) AS "sumSmall", SUM(big) AS "sumBig", AVG(small) AS "avgSmall", MIN(big) AS "minBig", MAX(small) AS "maxSmall"
         FROM port_rows`,
      );
      expect(row).toEqual({ n: 4, sumSmall: 12, sumBig: 7_160_000_000_016, avgSmall: 3, minBig: 1_790_000_000_001, maxSmall: 6 });
      for (const v of Object.values(row!)) expect(typeof v).toBe('number');
      const big = await pluckAll<unknown>(t.store, 'SELECT big FROM port_rows ORDER BY k');
      expect(big).toEqual([1_790_000_000_001, 1_790_000_000_002, 1_790_000_000_003, 1_790_000_000_010]);
    });

    it('a fractional average is a number too; aggregates over no rows are 0 and null alike', async () => {
      const half = await pluck<unknown>(t.store, `SELECT AVG(small) AS a FROM port_rows WHERE k IN ('a', 'b')`);
      const third = await pluck<unknown>(t.store, `SELECT AVG(small) AS a FROM port_rows WHERE k IN ('a', 'c', 'd')`);
      expect([typeof half, typeof third]).toEqual(['number', 'number']);
      expect(half).toBe(1.5);
      expect(third).toBeCloseTo(10 / 3, 12);
      const none = await t.store.get(`SELECT COUNT(*) AS n, SUM(small) AS s, AVG(small) AS a FROM port_rows WHERE k = 'nobody'`);
      expect(none).toEqual({ n: 0, s: null, a: null });
    });

    it('run() says how many rows a statement changed, RETURNING rows included', async () => {
      expect(await t.store.run('UPDATE port_rows SET small = small + 1 WHERE small < ?', [5])).toEqual({ changes: 3 });
      expect(await t.store.run(`UPDATE port_rows SET small = 0 WHERE k = 'nobody'`)).toEqual({ changes: 0 });
      expect(await t.store.run('DELETE FROM port_rows WHERE small >= ? RETURNING k', [3])).toEqual({ changes: 3 });
      expect(await keys()).toEqual(['a']);
    });
  });

  describe('unique violations', () => {
    it('a duplicate primary key and a duplicate unique-index value are unique violations', async () => {
      await t.store.run('INSERT INTO port_rows (k, big, small, label) VALUES (?, ?, ?, ?)', ['a', 1, 1, 'x']);
      const pk = await failureOf(t.store.run('INSERT INTO port_rows (k, big, small) VALUES (?, ?, ?)', ['a', 2, 2]));
      const index = await failureOf(t.store.run('INSERT INTO port_rows (k, big, small, label) VALUES (?, ?, ?, ?)', ['b', 2, 2, 'x']));
      expect(isUniqueViolation(pk)).toBe(true);
      expect(isUniqueViolation(index)).toBe(true);
      const inTx = await failureOf(t.store.transaction((tx) => tx.run('INSERT INTO port_rows (k, big, small) VALUES (?, ?, ?)', ['a', 3, 3])));
      expect(isUniqueViolation(inTx)).toBe(true);
      expect(await t.store.all('SELECT k, big FROM port_rows')).toEqual([{ k: 'a', big: 1 }]);
    });

    it('other refusals are not: a missing NOT NULL value, a syntax error, a plain error', async () => {
      const notNull = await failureOf(t.store.run('INSERT INTO port_rows (k, big, small) VALUES (?, ?, ?)', ['a', null, 1]));
      const syntax = await failureOf(t.store.run('SELEC 1'));
      expect(isUniqueViolation(notNull)).toBe(false);
      expect(isUniqueViolation(syntax)).toBe(false);
      expect(isUniqueViolation(new Error('duplicate'))).toBe(false);
      expect(isUniqueViolation(undefined)).toBe(false);
      expect(await count()).toBe(0);
    });
  });

  describe('health answers', () => {
    it('probeWrite writes the probe row; integrityCheck says the store is sound', async () => {
      await t.store.probeWrite();
      await t.store.probeWrite(); // rewritten, not added
      const probe = await t.store.all<{ id: number; at_ms: number }>('SELECT id, at_ms FROM store_probe');
      expect(probe).toHaveLength(1);
      expect(probe[0]!.id).toBe(1);
      expect(typeof probe[0]!.at_ms).toBe('number');
      expect(Math.abs(probe[0]!.at_ms - Date.now())).toBeLessThan(60_000);
      const check = await t.store.integrityCheck();
      expect(check.ok).toBe(true);
      expect(check.detail).toMatch(kind === 'sqlite' ? /quick_check: ok/ : /^PostgreSQL .* schema \d+$/);
      expect(t.store.location).not.toMatch(/password|:[^/@]*@/);
    });
  });
});
