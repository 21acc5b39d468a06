/**
 * The pickup side on both stores: the repositories (pickup/locker-store.ts, dossier-repository.ts, pickup-repos.ts)
 * through the services that use them (locker-deposits.ts, locker-handovers.ts, door-completion.ts), built as
 * compose/compose-pickup.ts builds them, over an in-memory lock bank. What an officer, a citizen and the one-stop
 * system would see: the compartment that opens, the dossier's status, the refusal codes, the outbox rows, the audit.
 *
 * "Two agents" below are two service instances of the same kiosk on the same store: on PostgreSQL each with its
 * own pool on the same database (second-agent-store.ts), on SQLite the same store.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { DoorEvent, LockerBank, LockState } from '../../../kiosk-agent/src/devices/locker/locker-board';
import { AgentError, isAgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { REDACTED_EXPIRED } from '../../../kiosk-agent/src/notify/outbox-queue';
import { DossierService } from '../../../kiosk-agent/src/pickup/dossier-service';
import { KioskDirectory, type KioskIdentity } from '../../../kiosk-agent/src/pickup/kiosk-directory';
import { LockerDeposits } from '../../../kiosk-agent/src/pickup/locker-deposits';
import type { LockerDeps } from '../../../kiosk-agent/src/pickup/locker-deps';
import { LockerHandovers } from '../../../kiosk-agent/src/pickup/locker-handovers';
import type { Compartment } from '../../../kiosk-agent/src/pickup/locker-store';
import { LOCKOUT_MS } from '../../../kiosk-agent/src/pickup/pickup-attempts';
import { PickupCodeHasher } from '../../../kiosk-agent/src/pickup/pickup-code';
import { pickupRepos, type PickupStore } from '../../../kiosk-agent/src/pickup/pickup-repos';
import { unitOfWork, type SqlStore } from '../../../kiosk-agent/src/store/store-port';
import { LocalUpstream } from '../../../kiosk-agent/src/upstream/local-upstream';
import { FakeClock } from '../../support/fake-clock';
import { openTestStore, STORE_KINDS, type TestStore } from '../../support/test-stores';
import { secondAgentStore } from './second-agent-store';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const KIOSK = { id: 'kiosk-sanh-a', name: { vi: 'Ki-ốt sảnh A', en: 'Lobby kiosk A' } };
const OTHER_KIOSK = { id: 'kiosk-sanh-b', name: { vi: 'Ki-ốt sảnh B', en: 'Lobby kiosk B' } };
const BOARDS = [{ address: 1, locks: 8 }];
const code = (n: number) => `000.00.15.H29-251201-${String(n).padStart(4, '0')}`;

/** A lock bank in memory: every unlock is recorded and "opens" the door until the test shuts it. */
class FakeLockerBank implements LockerBank {
  readonly unlocked: Compartment[] = [];
  private readonly open = new Set<string>();
  private readonly doorListeners = new Set<(e: DoorEvent) => void>();

  /** The next unlock fails with this error (and opens nothing). */
  failNext: Error | undefined;

  async unlock(board: number, lock: number): Promise<LockState> {
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    this.unlocked.push({ board, lock });
    this.open.add(`${board}/${lock}`);
    return { board, lock, open: true, occupied: false };
  }
  async readBoard(board: number): Promise<LockState[]> {
    const locks = BOARDS.find((b) => b.address === board)?.locks ?? 0;
    return Array.from({ length: locks }, (_, i) => ({ board, lock: i + 1, open: this.open.has(`${board}/${i + 1}`), occupied: false }));
  }
  status(): DeviceStatus {
    return { state: 'ready', driver: 'fake' };
  }
  onStatusChange(): () => void {
    return () => undefined;
  }
  onDoor(listener: (e: DoorEvent) => void): () => void {
    // Registered by LockerHandovers; the tests complete doors by calling handovers.doorClosed themselves.
    this.doorListeners.add(listener);
    return () => this.doorListeners.delete(listener);
  }
  shut(c: Compartment): void {
    this.open.delete(`${c.board}/${c.lock}`);
  }
  async close(): Promise<void> {}
}

/** The error code a refused promise carries (or "OK"). */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    if (isAgentError(err)) return err.code;
    throw err;
  }
}

interface OutboxRow {
  id: number;
  kind: string;
  payload: string;
  done_at_ms: number | null;
  last_error: string | null;
  expires_with: string | null;
}

describe.each(STORE_KINDS)('locker store contract (%s)', (kind) => {
  let t: TestStore;
  let clock: FakeClock;
  const secretKey = randomBytes(32);
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeEach(async () => {
    t = await openTestStore(kind);
    clock = new FakeClock(T0);
    await new KioskDirectory(t.store, KIOSK).register(T0);
    await new KioskDirectory(t.store, OTHER_KIOSK).register(T0);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await t.cleanup();
  });

  /** One agent's pickup side, as compose-pickup.ts builds it (local one-stop adapter, stubbed events and log). */
  function agent(store: SqlStore = t.store, locker: FakeLockerBank = new FakeLockerBank(), kiosk: KioskIdentity = KIOSK) {
    const pickup: PickupStore = unitOfWork(store, pickupRepos(() => clock.now(), kiosk.id));
    const kiosks = new KioskDirectory(store, kiosk);
    const log = { warn: () => undefined, info: () => undefined };
    const dossiers = new DossierService(pickup, clock, 'Asia/Ho_Chi_Minh', new LocalUpstream(), log, kiosks);
    const staffAlerts: unknown[] = [];
    const handedOver: { dossierCode: string; compartment: Compartment; atMs: number }[] = [];
    const backgroundErrors: unknown[] = [];
    const deps: LockerDeps = {
      overdueDays: 7,
      doorReminderMs: 60_000,
      doorAlertMs: 180_000,
      notify: { staffAlert: (a) => staffAlerts.push(a), doorReminder: () => undefined },
      onHandedOver: (done) => handedOver.push(done),
      centerName: 'Trung tâm Phục vụ hành chính công',
      codes: new PickupCodeHasher(secretKey),
      guessing: { wrongCodesPerKiosk: 20, windowMs: 10 * 60_000, pauseMs: 15 * 60_000, lockoutsBeforeStaff: 3 },
      onBackgroundError: (err) => backgroundErrors.push(err),
      store: pickup,
      dossiers,
      kiosks,
      locker,
      boards: BOARDS,
      clock,
      log,
    };
    const deposits = new LockerDeposits(deps);
    const handovers = new LockerHandovers(deps);
    cleanups.push(() => handovers.stop());
    return { pickup, dossiers, deposits, handovers, locker, staffAlerts, handedOver, backgroundErrors };
  }
  type Agent = ReturnType<typeof agent>;

  /** A second agent of the same kiosk on the same data (its own pool on PostgreSQL). */
  function secondAgent(locker?: FakeLockerBank): Agent {
    const second = secondAgentStore(t);
    cleanups.push(second.close);
    return agent(second.store, locker);
  }

  const ready = (a: Agent, n: number, phone: string | undefined = '0912345678') =>
    a.dossiers.upsert({ code: code(n), procedure: 'Chứng thực bản sao', applicantName: 'Nguyễn Văn An', ...(phone ? { phone } : {}), dueDate: '2026-12-05', status: 'ready' });

  /** A result deposited and its door shut: in the locker. */
  async function inLocker(a: Agent, n: number) {
    await ready(a, n);
    const d = await a.deposits.deposit(code(n));
    a.locker.shut(d.compartment);
    await a.handovers.doorClosed(d.compartment);
    return { compartment: { board: d.compartment.board, lock: d.compartment.lock }, pickupCode: d.pickupCode };
  }

  const outbox = () => t.store.all<OutboxRow>('SELECT id, kind, payload, done_at_ms, last_error, expires_with FROM outbox ORDER BY id');
  const activeDeposits = () =>
    t.store.all<{ dossier_code: string; board: number; lock: number }>(
      `SELECT dossier_code, board, lock FROM deposits WHERE state IN ('opening', 'awaiting-door') ORDER BY board, lock`,
    );
  const wrongCode = (right: string) => (right === '000000' ? '999999' : '000000');

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
