/**
 * Locker handovers on both stores (locker-contract.ts builds the agents): the right code opens the compartment once,
 * at one agent or two; a failed unlock is tried again or goes to staff; wrong codes count across agents and lock the
 * dossier; every step is in the dossier's audit trail.
 */
import { describe, expect, it } from 'vitest';
import { AgentError, isAgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { REDACTED_EXPIRED } from '../../../kiosk-agent/src/notify/outbox-queue';
import { LOCKOUT_MS } from '../../../kiosk-agent/src/pickup/pickup-attempts';
import { STORE_KINDS } from '../../support/test-stores';
import { code, lockerContract, outcome, T0 } from './locker-contract';

describe.each(STORE_KINDS)('locker store contract (%s)', (kind) => {
  const { clock, agent, secondAgent, ready, inLocker, outbox, wrongCode } = lockerContract(kind);

  describe('handovers', () => {
    it('the right code opens the compartment; the shut door completes it: returned, reported, the code’s message voided', async () => {
      const a = agent();
      const { compartment, pickupCode } = await inLocker(a, 1);
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'in-locker' });

      expect(await a.handovers.open(code(1), pickupCode)).toEqual({ compartment });
      expect(a.locker.unlocked).toEqual([compartment, compartment]); // the deposit, then the handover
      expect(await a.pickup.read.lockers.handover(code(1))).toEqual({ state: 'opened', ...compartment });
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'in-locker' }); // not until the door shuts

      clock.advance(30_000);
      a.locker.shut(compartment);
      await a.handovers.doorClosed(compartment);
      expect(await a.pickup.read.records.get(code(1))).toMatchObject({ status: 'returned' });
      expect(await a.pickup.read.lockers.handover(code(1))).toEqual({ state: 'door-closed', ...compartment });
      expect((await a.pickup.read.lockers.secret(code(1)))?.pickupCodeHash).toBeNull(); // the code is void
      expect(a.handedOver).toEqual([{ dossierCode: code(1), compartment, atMs: T0 + 30_000 }]);

      const [sms, report, ...rest] = await outbox();
      expect(rest).toEqual([]);
      // The message that carried the pickup code was never sent: expired, its text redacted.
      expect(sms).toMatchObject({ kind: 'notify', done_at_ms: T0 + 30_000, last_error: 'expired' });
      expect(JSON.parse(sms!.payload)).toEqual({ to: '0912345678', dossierCode: code(1), text: REDACTED_EXPIRED });
      expect(sms!.payload).not.toContain(pickupCode);
      // The one-stop system will hear "đã trả kết quả" (10), committed with the handover.
      expect(report).toMatchObject({ kind: 'upstream.report', done_at_ms: null });
      expect(JSON.parse(report!.payload)).toEqual({
        dossierCode: code(1),
        status: 'returned',
        statusCode: 10,
        at: new Date(T0 + 30_000).toISOString(),
        note: 'Trả kết quả qua tủ tự động, ngăn 1 (bo 1)',
        compartment,
      });

      // Opening again, with the right code: already done, nothing opens; a second shut door changes nothing.
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('PICKUP_ALREADY_DONE');
      await a.handovers.doorClosed(compartment);
      expect(a.locker.unlocked).toHaveLength(2);
      expect((await outbox()).filter((r) => r.kind === 'upstream.report')).toHaveLength(1);
      expect(a.handedOver).toHaveLength(1);
      expect(a.backgroundErrors).toEqual([]);
    });

    it('a second agent refuses the handover the first completed: PICKUP_ALREADY_DONE', async () => {
      const a = agent();
      const b = secondAgent();
      const { compartment, pickupCode } = await inLocker(a, 1);
      await a.handovers.open(code(1), pickupCode);
      await a.handovers.doorClosed(compartment);
      expect(await outcome(b.handovers.open(code(1), pickupCode))).toBe('PICKUP_ALREADY_DONE');
      expect(b.locker.unlocked).toEqual([]);
    });

    it('the same code typed at two agents at once opens the compartment once', async () => {
      const a = agent();
      const b = secondAgent();
      const { pickupCode } = await inLocker(a, 1);
      const results = await Promise.all([a, b, a, b].map((x) => outcome(x.handovers.open(code(1), pickupCode))));
      expect(results.filter((r) => r === 'OK')).toHaveLength(1);
      // The others find the handover recorded: done (its door opened), or still unlocking, which sends the citizen to
      // staff; which one depends on how far the first had got. Never a second opening.
      for (const r of results.filter((x) => x !== 'OK')) expect(['PICKUP_ALREADY_DONE', 'PICKUP_NEEDS_STAFF']).toContain(r);
      expect(a.locker.unlocked.length + b.locker.unlocked.length).toBe(2); // the deposit and one handover
    });

    it('an unlock that never left may be tried again; one that may have opened goes to staff for good, until a recall', async () => {
      const a = agent();
      const { compartment, pickupCode } = await inLocker(a, 1);
      a.locker.failNext = new AgentError('LOCKER_TIMEOUT', 'Tủ không trả lời.', { facts: { unlockSent: false } });
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('LOCKER_TIMEOUT');
      expect(await a.pickup.read.lockers.handover(code(1))).toEqual({ state: 'unlock-failed', ...compartment });
      a.locker.failNext = new AgentError('LOCKER_NOT_OPENED', 'Không xác nhận được.', { facts: { unlockSent: true } });
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('LOCKER_NOT_OPENED');
      expect(await a.pickup.read.lockers.handover(code(1))).toEqual({ state: 'needs-staff', ...compartment });
      expect(a.staffAlerts).toEqual([
        expect.objectContaining({ kind: 'locker-unlock-failed', dossierCode: code(1), ...compartment }),
        expect.objectContaining({ kind: 'locker-unlock-failed', dossierCode: code(1), ...compartment }),
      ]);
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('PICKUP_NEEDS_STAFF');
      expect(a.locker.unlocked).toEqual([compartment]); // only the deposit ever opened it

      // Staff take it back and deposit it again: the new code opens it at the kiosk.
      await a.deposits.recall(code(1));
      expect(await a.pickup.read.lockers.handover(code(1))).toBeUndefined();
      const again = await inLocker(a, 1);
      expect(await outcome(a.handovers.open(code(1), again.pickupCode))).toBe('OK');
    });

    it('wrong codes count across two agents and lock the dossier after five; the lockout ends after 15 minutes', async () => {
      const a = agent();
      const b = secondAgent();
      const { pickupCode } = await inLocker(a, 1);
      const wrong = wrongCode(pickupCode);
      const answers: { code: string; left?: unknown }[] = [];
      for (const [i, x] of [a, b, a, b, a].entries()) {
        clock.advance(1000);
        try {
          await x.handovers.open(code(1), wrong);
          answers.push({ code: 'OK' });
        } catch (err) {
          if (!isAgentError(err)) throw err;
          answers.push({ code: err.code, ...(i < 4 ? { left: err.details.facts?.attemptsLeft } : {}) });
        }
      }
      expect(answers).toEqual([
        { code: 'PICKUP_CODE_INVALID', left: 4 },
        { code: 'PICKUP_CODE_INVALID', left: 3 },
        { code: 'PICKUP_CODE_INVALID', left: 2 },
        { code: 'PICKUP_CODE_INVALID', left: 1 },
        { code: 'PICKUP_LOCKED' },
      ]);
      // Locked at both agents, even with the right code.
      expect(await outcome(b.handovers.open(code(1), pickupCode))).toBe('PICKUP_LOCKED');
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('PICKUP_LOCKED');
      expect(await a.pickup.read.lockers.secret(code(1))).toMatchObject({ failedAttempts: 0, lockedUntilMs: T0 + 5000 + LOCKOUT_MS, lockouts: 1 });
      expect(a.locker.unlocked).toHaveLength(1); // only the deposit
      expect(b.locker.unlocked).toEqual([]);

      clock.set(new Date(T0 + 5000 + LOCKOUT_MS).toISOString());
      expect(await outcome(b.handovers.open(code(1), pickupCode))).toBe('OK');
      expect(b.locker.unlocked).toHaveLength(1);
    });

    it('five wrong codes typed at two agents at once are all counted: four invalid, then locked', async () => {
      const a = agent();
      const b = secondAgent();
      const { pickupCode } = await inLocker(a, 1);
      const wrong = wrongCode(pickupCode);
      const results = await Promise.all([a, b, a, b, a].map((x) => outcome(x.handovers.open(code(1), wrong))));
      expect([...results].sort()).toEqual(['PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_CODE_INVALID', 'PICKUP_LOCKED']);
      expect(await outcome(a.handovers.open(code(1), pickupCode))).toBe('PICKUP_LOCKED');
      expect((await a.pickup.read.lockers.secret(code(1)))?.lockouts).toBe(1);
      const wrongRows = (await a.pickup.read.records.auditFor(code(1))).filter((r) => r.result.startsWith('wrong-code'));
      expect(wrongRows.map((r) => r.result)).toEqual(['wrong-code', 'wrong-code', 'wrong-code', 'wrong-code', 'wrong-code-locked']);
    });
  });

  describe('audit', () => {
    it('every step is in the dossier’s audit trail, in order, at the clock’s times, never with the pickup code', async () => {
      const a = agent();
      const b = secondAgent();
      const { compartment, pickupCode } = await inLocker(a, 1); // at T0
      clock.advance(1000);
      await outcome(b.handovers.open(code(1), wrongCode(pickupCode)));
      clock.advance(1000);
      await a.handovers.open(code(1), pickupCode);
      clock.advance(1000);
      await a.handovers.doorClosed(compartment);
      clock.advance(1000);
      await outcome(b.handovers.open(code(1), pickupCode));
      await ready(a, 2);
      await a.deposits.deposit(code(2));
      await a.deposits.recall(code(2)).catch(() => undefined); // not in the locker yet (door open): refused, audited as a lookup

      const trail = await b.pickup.read.records.auditFor(code(1));
      expect(trail).toEqual([
        { atMs: T0, dossierCode: code(1), action: 'deposit-lookup', result: 'found' },
        { atMs: T0, dossierCode: code(1), action: 'deposit', result: 'opened 1/1' },
        { atMs: T0, dossierCode: code(1), action: 'deposit', result: 'door-closed' },
        { atMs: T0 + 1000, dossierCode: code(1), action: 'open', result: 'wrong-code' },
        { atMs: T0 + 2000, dossierCode: code(1), action: 'open', result: 'opened 1/1' },
        { atMs: T0 + 3000, dossierCode: code(1), action: 'handover', result: 'door-closed' },
        { atMs: T0 + 4000, dossierCode: code(1), action: 'open', result: 'already-handed-over' },
      ]);
      for (const row of trail) expect(typeof row.atMs).toBe('number');
      expect(JSON.stringify(trail)).not.toContain(pickupCode);
      expect(await a.pickup.read.records.auditFor(code(2))).toEqual([
        { atMs: T0 + 4000, dossierCode: code(2), action: 'deposit-lookup', result: 'found' },
        { atMs: T0 + 4000, dossierCode: code(2), action: 'deposit', result: 'opened 1/1' }, // free again once handed over
        { atMs: T0 + 4000, dossierCode: code(2), action: 'recall-lookup', result: 'found' },
      ]);
    });
  });
});
