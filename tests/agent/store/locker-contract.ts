/**
 * The set-up the locker store contract suites share (locker-deposits-contract.test.ts and
 * locker-handovers-contract.test.ts): the pickup side on both stores, the repositories (pickup/locker-store.ts,
 * dossier-repository.ts, pickup-repos.ts) through the services that use them (locker-deposits.ts,
 * locker-handovers.ts, door-completion.ts), built as compose/compose-pickup.ts builds them, over an in-memory lock
 * bank. What an officer, a citizen and the one-stop system would see: the compartment that opens, the dossier's
 * status, the refusal codes, the outbox rows, the audit.
 *
 * "Two agents" are two service instances of the same kiosk on the same store: on PostgreSQL each with its own pool
 * on the same database (second-agent-store.ts), on SQLite the same store.
 *
 *   describe.each(STORE_KINDS)('locker store contract (%s)', (kind) => {
 *     const { t, clock, agent, inLocker } = lockerContract(kind);   // a fresh store and clock before each test
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { DeviceStatus } from '../../../shared/api-schemas';
import type { DoorEvent, LockerBank, LockState } from '../../../kiosk-agent/src/devices/locker/locker-board';
import { isAgentError } from '../../../kiosk-agent/src/errors/agent-error';
import { DossierService } from '../../../kiosk-agent/src/pickup/dossier-service';
import { KioskDirectory, type KioskIdentity } from '../../../kiosk-agent/src/pickup/kiosk-directory';
import { LockerDeposits } from '../../../kiosk-agent/src/pickup/locker-deposits';
import type { LockerDeps } from '../../../kiosk-agent/src/pickup/locker-deps';
import { LockerHandovers } from '../../../kiosk-agent/src/pickup/locker-handovers';
import type { Compartment } from '../../../kiosk-agent/src/pickup/locker-store';
import { PickupCodeHasher } from '../../../kiosk-agent/src/pickup/pickup-code';
import { pickupRepos, type PickupStore } from '../../../kiosk-agent/src/pickup/pickup-repos';
import { unitOfWork, type SqlStore } from '../../../kiosk-agent/src/store/store-port';
import { LocalUpstream } from '../../../kiosk-agent/src/upstream/local-upstream';
import { FakeClock } from '../../support/fake-clock';
import type { StoreKind } from '../../support/test-stores';
import { secondAgentStore } from './second-agent-store';
import { storePerTest } from './store-per-test';

export const T0 = Date.parse('2026-12-02T02:00:00Z');
export const KIOSK = { id: 'kiosk-sanh-a', name: { vi: 'Ki-ốt sảnh A', en: 'Lobby kiosk A' } };
export const OTHER_KIOSK = { id: 'kiosk-sanh-b', name: { vi: 'Ki-ốt sảnh B', en: 'Lobby kiosk B' } };
const BOARDS = [{ address: 1, locks: 8 }];
export const code = (n: number) => `000.00.15.H29-251201-${String(n).padStart(4, '0')}`;

/** A lock bank in memory: every unlock is recorded and "opens" the door until the test shuts it. */
export class FakeLockerBank implements LockerBank {
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
export async function outcome(p: Promise<unknown>): Promise<string> {
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

/**
 * Registers the suite's beforeEach/afterEach (a fresh store, store-per-test.ts, with both kiosks registered and the
 * clock back at T0; the agents' handovers stopped before the store goes) and gives what the tests build agents with.
 * `t` and `clock` are the same objects for the whole suite: `t.store` is the current test's store.
 */
export function lockerContract(kind: StoreKind) {
  const t = storePerTest(kind);
  const clock = new FakeClock(T0);
  const secretKey = randomBytes(32);
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeEach(async () => {
    clock.set(new Date(T0).toISOString());
    await new KioskDirectory(t.store, KIOSK).register(T0);
    await new KioskDirectory(t.store, OTHER_KIOSK).register(T0);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
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
    const second = secondAgentStore(t.current);
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

  return { t, clock, agent, secondAgent, ready, inLocker, outbox, activeDeposits, wrongCode };
}
