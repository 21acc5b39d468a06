/**
 * Results in lockers. Deposit (staff): pick a free compartment, record the deposit, unlock it, give the officer
 * the compartment and a pickup code; the dossier becomes "in locker" when the door is shut. Pickup (citizen):
 * slip + pickup code → one handover per dossier, recorded before the unlock is sent, so a compartment is never
 * opened twice for a result already handed over; the handover completes when the door is shut. Five wrong codes
 * lock pickup for that dossier for 15 minutes. Every attempt is audited, never with the code.
 */
import type { CompartmentSize } from '../../../shared/dossier-schemas';
import type { LockerBank } from '../devices/locker/locker-board';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import { AgentError, isAgentError } from '../errors/agent-error';
import type { Clock } from '../queue/local-day';
import type { DossierRepository } from './dossier-repository';
import type { DossierService } from './dossier-service';
import type { Compartment, LockerStore } from './locker-store';
import { DoorWatch } from './door-watch';
import { hashPickupCode, newPickupCode, verifyPickupCode } from './pickup-code';
import { recoverPickups } from './pickup-recovery';

export const MAX_WRONG_CODES = 5;
const SIZE_ORDER: readonly CompartmentSize[] = ['S', 'M', 'L'];
export const LOCKOUT_MS = 15 * 60_000;

export interface LockerPickupDeps {
  store: LockerStore;
  dossiers: DossierService;
  audit: DossierRepository;
  locker: LockerBank | undefined;
  boards: { address: number; locks: number; sizes?: CompartmentSize[] | undefined }[];
  clock: Clock;
  /** Where the applicant's notification is queued (delivered and retried by the outbox worker). */
  outbox: { add(kind: string, payload: unknown): void };
  overdueDays: number;
  doorReminderMs: number;
  doorAlertMs: number;
  /** Staff alerts and citizen reminders go out as events (the counter console and the kiosk show them). */
  notify: {
    staffAlert(alert: { kind: 'locker-unlock-failed' | 'door-left-open' | 'handover-needs-staff'; dossierCode: string; board: number; lock: number; message: string }): void;
    doorReminder(reminder: { dossierCode: string; board: number; lock: number }): void;
  };
  centerName: string;
  /** After a handover completed (door shut): the receipt, the kiosk's "done" screen. Never throws into the store. */
  onHandedOver?: (done: { dossierCode: string; compartment: Compartment; atMs: number }) => void;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export class LockerPickupService {
  private readonly doors: DoorWatch;

  constructor(private readonly deps: LockerPickupDeps) {
    this.doors = new DoorWatch(deps.notify, deps.doorReminderMs, deps.doorAlertMs);
    deps.locker?.onDoor((e) => {
      if (!e.open) this.doorClosed({ board: e.board, lock: e.lock });
    });
  }

  private lockerOrThrow(): LockerBank {
    if (!this.deps.locker) throw new AgentError('LOCKER_DISABLED', 'Ki-ốt này không có tủ nhận kết quả. Vui lòng đến quầy trả kết quả.');
    return this.deps.locker;
  }

  sizeOf(board: number, lock: number): CompartmentSize {
    return this.deps.boards.find((b) => b.address === board)?.sizes?.[lock - 1] ?? 'M';
  }

  /** The smallest free compartment at least `size` big (lowest board and lock among equals). */
  private freeCompartment(size: CompartmentSize): Compartment & { size: CompartmentSize } {
    const used = new Set(this.deps.store.occupied().map((c) => `${c.board}/${c.lock}`));
    const rank = (s: CompartmentSize): number => SIZE_ORDER.indexOf(s);
    let best: (Compartment & { size: CompartmentSize }) | undefined;
    for (const b of this.deps.boards) {
      for (let lock = 1; lock <= b.locks; lock++) {
        const fits = this.sizeOf(b.address, lock);
        if (used.has(`${b.address}/${lock}`) || rank(fits) < rank(size)) continue;
        if (!best || rank(fits) < rank(best.size)) best = { board: b.address, lock, size: fits };
      }
    }
    if (!best) {
      throw new AgentError('LOCKER_FULL', `Tủ kết quả không còn ngăn trống cỡ ${size} trở lên. Vui lòng giữ hồ sơ tại quầy trả kết quả.`, { facts: { size } });
    }
    return best;
  }

  async deposit(dossierCode: string, size: CompartmentSize = 'S'): Promise<{ compartment: Compartment & { size: CompartmentSize }; pickupCode: string }> {
    const locker = this.lockerOrThrow();
    const { store, clock } = this.deps;
    await this.deps.dossiers.refresh(dossierCode);
    const dossier = this.deps.dossiers.find(dossierCode, 'deposit-lookup');
    const { id, compartment } = store.tx(() => {
      if (dossier.status !== 'ready') {
        throw new AgentError('DOSSIER_NOT_READY', `Hồ sơ ${dossier.code} đang ở trạng thái "${dossier.status}", chưa thể gửi vào tủ.`, { facts: { status: dossier.status } });
      }
      const c = this.freeCompartment(size);
      return { id: store.startDeposit(dossier.code, c, clock.now()), compartment: c };
    });
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      store.setDeposit(id, 'failed', clock.now());
      throw err;
    }
    const pickupCode = newPickupCode();
    store.tx(() => {
      store.placeInLocker(dossier.code, compartment, hashPickupCode(pickupCode), clock.now());
      store.setDeposit(id, 'awaiting-door', clock.now());
      if (dossier.phone) {
        const text = NOTIFICATION_TEXT.resultInLocker({ centerName: this.deps.centerName, procedure: dossier.procedure, dossierCode: dossier.code, pickupCode });
        this.deps.outbox.add('notify', { to: dossier.phone, text, dossierCode: dossier.code });
      }
    });
    this.deps.audit.audit(clock.now(), dossier.code, 'deposit', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment, pickupCode };
  }

  async open(slipCode: string, pickupCode: string): Promise<{ compartment: Compartment }> {
    const locker = this.lockerOrThrow();
    const { store, clock, audit } = this.deps;
    const dossier = this.deps.dossiers.find(slipCode, null); // the decision below is audited in its own transaction
    const now = clock.now();
    // Refusals are returned, not thrown, so the attempt count and the audit row commit with the decision.
    const decision = store.tx((): { error: AgentError } | { compartment: Compartment } => {
      const secret = store.secret(dossier.code)!;
      const done = store.handover(dossier.code);
      if (done?.state === 'needs-staff' || done?.state === 'unlocking') {
        audit.audit(now, dossier.code, 'open', 'needs-staff');
        return { error: new AgentError('PICKUP_NEEDS_STAFF', 'Vui lòng đến quầy trả kết quả: cán bộ sẽ kiểm tra ngăn tủ và trao kết quả cho bạn.') };
      }
      if (done && done.state !== 'unlock-failed') {
        audit.audit(now, dossier.code, 'open', 'already-handed-over');
        return { error: new AgentError('PICKUP_ALREADY_DONE', 'Kết quả của hồ sơ này đã được nhận. Nếu có thắc mắc, vui lòng đến quầy trả kết quả.') };
      }
      if (secret.status !== 'in-locker' || secret.board === null || secret.lock === null || !secret.pickupCodeHash) {
        audit.audit(now, dossier.code, 'open', `not-in-locker:${secret.status}`);
        return { error: new AgentError('DOSSIER_NOT_IN_LOCKER', 'Kết quả của hồ sơ này không ở trong tủ. Vui lòng xem trạng thái hồ sơ trên màn hình.', { facts: { status: secret.status } }) };
      }
      if (secret.lockedUntilMs !== null && secret.lockedUntilMs > now) {
        audit.audit(now, dossier.code, 'open', 'locked');
        const minutes = Math.ceil((secret.lockedUntilMs - now) / 60_000);
        return { error: new AgentError('PICKUP_LOCKED', `Đã nhập sai mã quá ${MAX_WRONG_CODES} lần. Vui lòng thử lại sau ${minutes} phút hoặc đến quầy trả kết quả.`, {
          facts: { retryAfterMinutes: minutes },
        }) };
      }
      if (!verifyPickupCode(pickupCode, secret.pickupCodeHash)) {
        const failed = (secret.lockedUntilMs !== null && secret.lockedUntilMs <= now ? 0 : secret.failedAttempts) + 1;
        const lockNow = failed >= MAX_WRONG_CODES;
        store.setAttempts(dossier.code, lockNow ? 0 : failed, lockNow ? now + LOCKOUT_MS : null);
        audit.audit(now, dossier.code, 'open', lockNow ? 'wrong-code-locked' : 'wrong-code');
        if (lockNow) {
          return { error: new AgentError('PICKUP_LOCKED', `Đã nhập sai mã ${MAX_WRONG_CODES} lần. Việc nhận kết quả của hồ sơ này tạm khóa 15 phút; vui lòng đến quầy trả kết quả nếu cần.`, {
            facts: { retryAfterMinutes: 15 },
          }) };
        }
        return { error: new AgentError('PICKUP_CODE_INVALID', `Mã nhận kết quả không đúng. Bạn còn ${MAX_WRONG_CODES - failed} lần thử.`, { facts: { attemptsLeft: MAX_WRONG_CODES - failed } }) };
      }
      store.setAttempts(dossier.code, 0, null);
      const c = { board: secret.board, lock: secret.lock };
      if (done) store.setHandover(dossier.code, 'unlocking', now);
      else store.insertHandover(dossier.code, c, now);
      return { compartment: c };
    });
    if ('error' in decision) throw decision.error;
    const { compartment } = decision;
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      // The board confirmed the door still shut, or the frame never left: a later try is safe. No reply after the
      // frame went out is different: the door may have opened, and a retry could open a compartment someone has
      // already emptied, so that handover goes to staff and the kiosk never opens it again.
      const code = isAgentError(err) ? err.code : 'error';
      const ambiguous = code === 'LOCKER_TIMEOUT' || code === 'LOCKER_BAD_FRAME' || code === 'error';
      store.setHandover(dossier.code, ambiguous ? 'needs-staff' : 'unlock-failed', clock.now());
      audit.audit(clock.now(), dossier.code, 'open', `unlock-failed:${code}${ambiguous ? ':needs-staff' : ''}`);
      this.deps.log.warn({ dossier: dossier.code, compartment, err: (err as Error).message }, 'pickup unlock failed: staff must hand over at the counter');
      this.deps.notify.staffAlert({
        kind: 'locker-unlock-failed',
        dossierCode: dossier.code,
        ...compartment,
        message: `Ngăn ${compartment.lock} (bo ${compartment.board}) không mở được cho hồ sơ ${dossier.code}: công dân được hướng dẫn đến quầy trả kết quả.`,
      });
      throw err;
    }
    store.setHandover(dossier.code, 'opened', clock.now());
    this.doors.watch(dossier.code, compartment);
    audit.audit(clock.now(), dossier.code, 'open', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment };
  }

  /** After a restart: finish what the doors say is finished (pickup-recovery.ts). */
  recover(): Promise<boolean> {
    return recoverPickups(this.deps, (c) => this.doorClosed(c));
  }

  /** Runs recovery until the boards answer (the port may still be opening at start-up); returns a stopper. */
  recoverInBackground(retryMs = 1000): () => void {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const attempt = (): void => {
      void this.recover().then((done) => {
        if (!done && !stopped) timer = setTimeout(attempt, retryMs);
      });
    };
    attempt();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }

  /** Every compartment, what it holds, and whether that result has waited longer than `overdueDays`. */
  compartments(): { board: number; lock: number; size: CompartmentSize; dossierCode?: string; depositedAt?: string; overdue: boolean }[] {
    const now = this.deps.clock.now();
    const held = new Map(this.deps.store.inLocker().map((d) => [`${d.board}/${d.lock}`, d]));
    return this.deps.boards.flatMap((b) =>
      Array.from({ length: b.locks }, (_, i) => {
        const d = held.get(`${b.address}/${i + 1}`);
        const size = this.sizeOf(b.address, i + 1);
        if (!d) return { board: b.address, lock: i + 1, size, overdue: false };
        const depositedAt = d.depositedAtMs ?? now;
        return {
          board: b.address,
          lock: i + 1,
          size,
          dossierCode: d.dossierCode,
          depositedAt: new Date(depositedAt).toISOString(),
          overdue: now - depositedAt > this.deps.overdueDays * 24 * 3_600_000,
        };
      }),
    );
  }

  /** Staff take an uncollected result back to the counter: its compartment opens and is free again. */
  async recall(dossierCode: string): Promise<{ compartment: Compartment }> {
    const locker = this.lockerOrThrow();
    const dossier = this.deps.dossiers.find(dossierCode, 'recall-lookup');
    if (dossier.status !== 'in-locker' || dossier.lockerBoard === null || dossier.lockerLock === null) {
      throw new AgentError('DOSSIER_NOT_IN_LOCKER', `Hồ sơ ${dossier.code} không ở trong tủ.`, { facts: { status: dossier.status } });
    }
    const compartment = { board: dossier.lockerBoard, lock: dossier.lockerLock };
    await locker.unlock(compartment.board, compartment.lock);
    const now = this.deps.clock.now();
    this.deps.store.tx(() => {
      this.deps.store.recall(dossier.code, now);
      this.deps.audit.audit(now, dossier.code, 'recall', `opened ${compartment.board}/${compartment.lock}`);
    });
    return { compartment };
  }

  stop(): void {
    this.doors.stopAll();
  }

  /** A shut door completes whatever was waiting on that compartment. */
  doorClosed(c: Compartment): void {
    this.doors.clear(c);
    const { store, clock, audit } = this.deps;
    const now = clock.now();
    const completed = store.tx(() => {
      const deposit = store.depositAwaitingAt(c);
      if (deposit) {
        store.markInLocker(deposit.dossierCode, now);
        store.setDeposit(deposit.id, 'done', now);
        audit.audit(now, deposit.dossierCode, 'deposit', 'door-closed');
      }
      const handedOver = store.handoverOpenAt(c);
      if (handedOver) {
        store.setHandover(handedOver, 'door-closed', now);
        store.markReturned(handedOver, now);
        audit.audit(now, handedOver, 'handover', 'door-closed');
        // The one-stop system learns "đã trả kết quả" through the outbox, committed with the handover itself, so
        // a crash after the door shut still reports it.
        this.deps.outbox.add('upstream.report', {
          dossierCode: handedOver,
          status: 'returned',
          statusCode: 10,
          at: new Date(now).toISOString(),
          note: `Trả kết quả qua tủ tự động, ngăn ${c.lock} (bo ${c.board})`,
          compartment: c,
        });
      }
      return handedOver;
    });
    if (completed) this.deps.onHandedOver?.({ dossierCode: completed, compartment: c, atMs: now });
  }
}
