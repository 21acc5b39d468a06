/**
 * Locker deposits on both stores (locker-contract.ts builds the agents): a result goes into a free compartment, once
 * however many ask at once; a failed unlock frees its compartment; a dossier that is not ready is refused; staff take
 * a result back (recall); each kiosk of a centre on one store has its own compartments, and a result in another
 * kiosk's locker is refused at this one, naming that kiosk.
 */
import { describe, expect, it } from 'vitest';
import { AgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { REDACTED_EXPIRED } from '../../../kiosk-agent/src/notify/outbox-queue';
import { STORE_KINDS } from '../../support/test-stores';
import { code, FakeLockerBank, KIOSK, lockerContract, OTHER_KIOSK, outcome, T0 } from './locker-contract';

describe.each(STORE_KINDS)('locker store contract (%s)', (kind) => {
  const { t, clock, agent, secondAgent, ready, inLocker, outbox, activeDeposits } = lockerContract(kind);

  describe('deposits', () => {
    it('a deposit picks a free compartment, records it, opens it; the shut door puts the result in the locker', async () => {
      const a = agent();
      await ready(a, 1);
      const d = await a.deposits.deposit(code(1));
      expect(d.compartment).toEqual({ board: 1, lock: 1, size: 'M' });
      expect(d.pickupCode).toMatch(/^\d{6}$/);
      expect(a.locker.unlocked).toEqual([{ board: 1, lock: 1 }]);
      expect(await activeDeposits()).toEqual([{ dossier_code: code(1), board: 1, lock: 1 }]);
      // Until the door shuts the result is not "in locker", but the compartment is taken.
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'ready', lockerBoard: 1, lockerLock: 1, lockerKioskId: KIOSK.id });
      const [sms] = await outbox();
      expect(sms).toMatchObject({ kind: 'notify', done_at_ms: null, expires_with: code(1) });
      expect(JSON.parse(sms!.payload)).toMatchObject({ to: '0912345678', dossierCode: code(1) });
      expect(JSON.parse(sms!.payload).text).toContain(d.pickupCode);

      await ready(a, 2);
      expect((await a.deposits.deposit(code(2))).compartment).toMatchObject({ board: 1, lock: 2 }); // the next free one

      a.locker.shut(d.compartment);
      await a.handovers.doorClosed(d.compartment);
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'in-locker', lockerBoard: 1, lockerLock: 1 });
      expect(await activeDeposits()).toEqual([{ dossier_code: code(2), board: 1, lock: 2 }]);
      expect(await outcome(a.deposits.deposit(code(1)))).toBe('DOSSIER_IN_LOCKER');
      const held = (await a.deposits.compartments()).filter((c) => c.dossierCode);
      expect(held).toEqual([{ board: 1, lock: 1, size: 'M', dossierCode: code(1), depositedAt: new Date(T0).toISOString(), overdue: false }]);
    });

    it('five deposits of one dossier at once: exactly one opens a compartment, the others are DEPOSIT_IN_PROGRESS', async () => {
      const a = agent();
      const b = secondAgent();
      await ready(a, 1);
      const results = await Promise.all([a, b, a, b, a].map((x) => outcome(x.deposits.deposit(code(1)))));
      expect([...results].sort()).toEqual(['DEPOSIT_IN_PROGRESS', 'DEPOSIT_IN_PROGRESS', 'DEPOSIT_IN_PROGRESS', 'DEPOSIT_IN_PROGRESS', 'OK']);
      expect([...a.locker.unlocked, ...b.locker.unlocked]).toEqual([{ board: 1, lock: 1 }]);
      expect(await activeDeposits()).toEqual([{ dossier_code: code(1), board: 1, lock: 1 }]);
      expect((await outbox()).filter((r) => r.kind === 'notify')).toHaveLength(1); // one pickup code sent, not five
    });

    it('five deposits of different dossiers at once never share a compartment', async () => {
      const a = agent();
      const b = secondAgent();
      for (let n = 1; n <= 5; n++) await ready(a, n);
      const given = await Promise.all([1, 2, 3, 4, 5].map((n) => (n % 2 ? a : b).deposits.deposit(code(n))));
      const places = given.map((g) => `${g.compartment.board}/${g.compartment.lock}`);
      expect(new Set(places).size).toBe(5);
      expect([...places].sort()).toEqual(['1/1', '1/2', '1/3', '1/4', '1/5']); // the lowest free ones
      const opened = [...a.locker.unlocked, ...b.locker.unlocked].map((c) => `${c.board}/${c.lock}`);
      expect([...opened].sort()).toEqual([...places].sort());
      const recorded = await activeDeposits();
      expect(recorded).toHaveLength(5);
      expect(new Set(recorded.map((r) => `${r.board}/${r.lock}`)).size).toBe(5);
      for (const [i, g] of given.entries()) expect(recorded).toContainEqual({ dossier_code: code(i + 1), ...{ board: g.compartment.board, lock: g.compartment.lock } });
    });

    it('an unlock that failed: the deposit is dropped and its compartment free; the next deposit goes ahead', async () => {
      const a = agent();
      await ready(a, 1);
      a.locker.failNext = new AgentError('LOCKER_TIMEOUT', 'Tủ không trả lời.', { facts: { unlockSent: false } });
      expect(await outcome(a.deposits.deposit(code(1)))).toBe('LOCKER_TIMEOUT');
      expect(await activeDeposits()).toEqual([]);
      expect(await t.store.all('SELECT state FROM deposits')).toEqual([{ state: 'failed' }]);
      expect(await outbox()).toEqual([]); // no pickup code was sent for a compartment that never opened
      expect((await a.deposits.deposit(code(1))).compartment).toMatchObject({ board: 1, lock: 1 });
      expect(await activeDeposits()).toEqual([{ dossier_code: code(1), board: 1, lock: 1 }]);
    });

    it('a dossier that is not ready is refused, and nothing opens', async () => {
      const a = agent();
      await a.dossiers.upsert({ code: code(7), procedure: 'Cấp phép', applicantName: 'Trần Thị Bé', dueDate: '2026-12-05', status: 'processing' });
      expect(await outcome(a.deposits.deposit(code(7)))).toBe('DOSSIER_NOT_READY');
      expect(await outcome(a.deposits.deposit(code(8)))).toBe('DOSSIER_NOT_FOUND');
      expect(a.locker.unlocked).toEqual([]);
      expect(await activeDeposits()).toEqual([]);
    });
  });

  describe('recall', () => {
    it('staff take a result back: its compartment opens, the dossier is ready at the counter, its code and message void', async () => {
      const a = agent();
      const { compartment, pickupCode } = await inLocker(a, 1);
      clock.advance(60_000);
      expect(await a.deposits.recall(code(1))).toEqual({ compartment });
      expect(a.locker.unlocked).toEqual([compartment, compartment]);
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'ready', lockerBoard: null, lockerLock: null, lockerKioskId: null });
      expect((await a.pickup.read.lockers.secret(code(1)))?.pickupCodeHash).toBeNull();
      const [sms] = await outbox();
      expect(sms).toMatchObject({ done_at_ms: T0 + 60_000, last_error: 'expired' });
      expect(JSON.parse(sms!.payload).text).toBe(REDACTED_EXPIRED);

      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('DOSSIER_NOT_IN_LOCKER');
      expect(await outcome(a.deposits.recall(code(1)))).toBe('DOSSIER_NOT_IN_LOCKER');
      expect((await a.deposits.compartments()).filter((c) => c.dossierCode)).toEqual([]);
      // The compartment is free again: the next deposit gets it.
      await ready(a, 2);
      expect((await a.deposits.deposit(code(2))).compartment).toMatchObject(compartment);
      expect(a.locker.unlocked).toHaveLength(3);
    });
  });

  describe('kiosks of a centre on one store', () => {
    it('each kiosk has its own compartments; a result in another kiosk’s locker is refused here, naming that kiosk', async () => {
      const a = agent();
      const b = agent(t.store, new FakeLockerBank(), OTHER_KIOSK);
      const held = await inLocker(a, 1);
      await ready(b, 2);
      expect((await b.deposits.deposit(code(2))).compartment).toMatchObject({ board: 1, lock: 1 }); // B's 1/1, not A's
      expect(await outcome(b.deposits.recall(code(1)))).toBe('LOCKER_AT_OTHER_KIOSK');
      let refusal: unknown;
      await b.handovers.open(code(1), held.pickupCode).catch((err: unknown) => (refusal = err));
      expect(refusal).toMatchObject({ code: 'LOCKER_AT_OTHER_KIOSK', details: { facts: { kioskId: KIOSK.id, kioskName: 'Ki-ốt sảnh A' } } });
      expect(b.locker.unlocked).toEqual([{ board: 1, lock: 1 }]); // only B's own deposit
      expect((await a.pickup.read.records.auditFor(code(1))).at(-1)).toMatchObject({ action: 'open', result: `other-kiosk:${KIOSK.id}` });
      expect(await outcome(a.handovers.open(code(1), held.pickupCode))).toBe('OK'); // at its own kiosk it opens
    });

    // More requests at once than the test pool has connections (openTestStore: 4 on PostgreSQL; an agent's default
    // is 10): the refusal must not need a second connection while its transaction holds one and the lock.
    it('several citizens at once at the wrong kiosk are all told where to go, promptly', async () => {
      const a = agent();
      const b = agent(t.store, new FakeLockerBank(), OTHER_KIOSK);
      const codes: string[] = [];
      for (let n = 1; n <= 8; n++) codes.push((await inLocker(a, n)).pickupCode);
      const startedAt = Date.now();
      const results = await Promise.all(codes.map((pin, i) => outcome(b.handovers.open(code(i + 1), pin))));
      expect(results).toEqual(codes.map(() => 'LOCKER_AT_OTHER_KIOSK'));
      expect(Date.now() - startedAt).toBeLessThan(2000);
    }, 30_000);
  });
});
