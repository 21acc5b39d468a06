/**
 * Results in lockers. Deposit (staff): pick a free compartment, record the deposit, unlock it, give the officer
 * the compartment and a pickup code; the dossier becomes "in locker" when the door is shut. At most one deposit per
 * dossier is in progress (checked in the transaction and enforced by a unique index), so a double click never
 * opens two compartments for one dossier. Pickup (citizen): slip + pickup code → one handover per dossier,
 * recorded before the unlock is sent, so a compartment is never opened twice for a result already handed over; the
 * handover completes when the door is shut. Guessing is bounded per dossier and per kiosk (pickup-attempts.ts).
 * Every attempt is audited, never with the code.
 */
import type { CompartmentSize } from '../../../shared/dossier-schemas';
import type { LockerBank } from '../devices/locker/locker-board';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import { AgentError, isAgentError } from '../errors/agent-error';
import type { Clock } from '../core/clock';
import { chooseCompartment, listCompartments, type CompartmentView, type LockerBoardLayout } from './compartment-choice';
import type { DossierRepository } from './dossier-repository';
import type { DossierService } from './dossier-service';
import type { Compartment, LockerStore } from './locker-store';
import { DoorWatch } from './door-watch';
import { newPickupCode, type PickupCodeHasher } from './pickup-code';
import { PickupAttempts, type GuessingAlert, type GuessingLimits } from './pickup-attempts';
import { recoverPickups, retryUntilDone, type StaffAlert } from './pickup-recovery';

export interface LockerPickupDeps {
  store: LockerStore;
  dossiers: DossierService;
  audit: DossierRepository;
  locker: LockerBank | undefined;
  boards: LockerBoardLayout[];
  clock: Clock;
  codes: PickupCodeHasher;
  guessing: GuessingLimits;
  /**
   * Where the applicant's notification is queued (delivered and retried by the outbox worker). A message carrying
   * a pickup code names its dossier in `expiresWith`; `expire` cancels it when the code becomes void.
   */
  outbox: { add(kind: string, payload: unknown, options?: { expiresWith?: string }): void; expire(dossierCode: string): number };
  overdueDays: number;
  doorReminderMs: number;
  doorAlertMs: number;
  /** Staff alerts and citizen reminders go out as events (the counter console and the kiosk show them). */
  notify: {
    staffAlert(alert: StaffAlert | GuessingAlert): void;
    doorReminder(reminder: { dossierCode: string; board: number; lock: number }): void;
  };
  centerName: string;
  /** After a handover completed (door shut): the receipt, the kiosk's "done" screen. Never throws into the store. */
  onHandedOver?: (done: { dossierCode: string; compartment: Compartment; atMs: number }) => void;
  /** A background step failed (the store is read-only, say): logged, and retried by recovery. */
  onBackgroundError: (err: unknown, what: string) => void;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

const inProgress = (code: string): AgentError =>
  new AgentError('DEPOSIT_IN_PROGRESS', `Hồ sơ ${code} đang được gửi vào tủ (cửa ngăn chưa đóng). Đóng cửa ngăn đang mở; không gửi lần nữa.`);

/** Whether an unlock that failed may have released the lock: anything after the frame left, or unknown. */
function unlockMayHaveOpened(err: unknown): boolean {
  return !(isAgentError(err) && err.details.facts?.unlockSent === false);
}

export class LockerPickupService {
  private readonly doors: DoorWatch;
  private readonly attempts: PickupAttempts;

  constructor(private readonly deps: LockerPickupDeps) {
    this.doors = new DoorWatch(deps.notify, deps.doorReminderMs, deps.doorAlertMs);
    this.attempts = new PickupAttempts(deps.store, (at, code, action, result) => deps.audit.audit(at, code, action, result), deps.guessing, (code, stored) => deps.codes.verify(code, stored));
    deps.locker?.onDoor((e) => {
      if (e.open) return;
      try {
        this.doorClosed({ board: e.board, lock: e.lock });
      } catch (err) {
        // The handover is still recorded as "opened": recovery finishes it once the store takes writes again.
        deps.onBackgroundError(err, 'door-closed');
      }
    });
  }

  private lockerOrThrow(): LockerBank {
    if (!this.deps.locker) throw new AgentError('LOCKER_DISABLED', 'Ki-ốt này không có tủ nhận kết quả. Vui lòng đến quầy trả kết quả.');
    return this.deps.locker;
  }

  async deposit(dossierCode: string, size: CompartmentSize = 'S'): Promise<{ compartment: Compartment & { size: CompartmentSize }; pickupCode: string }> {
    const locker = this.lockerOrThrow();
    const { store, clock } = this.deps;
    await this.deps.dossiers.refresh(dossierCode);
    const found = this.deps.dossiers.find(dossierCode, 'deposit-lookup');
    const { id, compartment } = store.tx(() => {
      // Read again inside the transaction: another deposit of this dossier may have started since the lookup.
      const dossier = this.deps.audit.get(found.code) ?? found;
      if (store.activeDeposit(dossier.code)) throw inProgress(dossier.code);
      if (dossier.status === 'in-locker') {
        throw new AgentError('DOSSIER_IN_LOCKER', `Hồ sơ ${dossier.code} đã ở ngăn ${dossier.lockerLock ?? '?'} của tủ kết quả.`, {
          facts: { board: dossier.lockerBoard ?? -1, lock: dossier.lockerLock ?? -1 },
        });
      }
      if (dossier.status !== 'ready') {
        throw new AgentError('DOSSIER_NOT_READY', `Hồ sơ ${dossier.code} đang ở trạng thái "${dossier.status}", chưa thể gửi vào tủ.`, { facts: { status: dossier.status } });
      }
      const c = chooseCompartment(this.deps.boards, store.occupied(), size);
      try {
        return { id: store.startDeposit(dossier.code, c, clock.now()), compartment: c };
      } catch (err) {
        // The store's own guard (one active deposit per dossier): another agent on a shared store got there first.
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw inProgress(dossier.code);
        throw err;
      }
    });
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      store.setDeposit(id, 'failed', clock.now());
      if (unlockMayHaveOpened(err) && isAgentError(err)) {
        throw new AgentError(err.code, `${err.message} Ngăn ${compartment.lock} (bo ${compartment.board}) có thể đã mở: nếu cửa mở, đừng để hồ sơ vào, đóng cửa lại và gửi lại.`, { facts: { ...err.details.facts } });
      }
      throw err;
    }
    const pickupCode = newPickupCode();
    const code = found.code;
    store.tx(() => {
      store.placeInLocker(code, compartment, this.deps.codes.hash(pickupCode), clock.now());
      store.setDeposit(id, 'awaiting-door', clock.now());
      if (found.phone) {
        const text = NOTIFICATION_TEXT.resultInLocker({ centerName: this.deps.centerName, procedure: found.procedure, dossierCode: code, pickupCode });
        this.deps.outbox.add('notify', { to: found.phone, text, dossierCode: code }, { expiresWith: code });
      }
    });
    this.deps.audit.audit(clock.now(), code, 'deposit', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment, pickupCode };
  }

  async open(slipCode: string, pickupCode: string): Promise<{ compartment: Compartment }> {
    const locker = this.lockerOrThrow();
    const { store, clock, audit } = this.deps;
    const dossier = this.deps.dossiers.find(slipCode, null); // the decision below is audited in its own transaction
    const now = clock.now();
    // Refusals are returned, not thrown, so the attempt count and the audit row commit with the decision.
    const decision = store.tx((): { error: AgentError; alerts?: GuessingAlert[] } | { compartment: Compartment } => {
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
      const c = { board: secret.board, lock: secret.lock };
      const checked = this.attempts.check({ ...secret, pickupCodeHash: secret.pickupCodeHash }, c, pickupCode, now);
      if (!checked.ok) return checked.alerts ? { error: checked.error, alerts: checked.alerts } : { error: checked.error };
      if (done) store.setHandover(dossier.code, 'unlocking', now);
      else store.insertHandover(dossier.code, c, now);
      return { compartment: c };
    });
    if ('error' in decision) {
      for (const alert of decision.alerts ?? []) this.deps.notify.staffAlert(alert);
      throw decision.error;
    }
    const { compartment } = decision;
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      this.unlockFailed(dossier.code, compartment, err);
      throw err;
    }
    store.setHandover(dossier.code, 'opened', clock.now());
    this.doors.watch(dossier.code, compartment);
    audit.audit(clock.now(), dossier.code, 'open', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment };
  }

  /**
   * Only an unlock whose frame never left may be tried again. Once the frame was written, any failure after it
   * (no reply, a bad frame, the link dropping during the confirming read, a door reported shut) leaves the lock's
   * fate unknown: the door may have opened and been emptied, so the handover goes to staff and the kiosk never
   * opens that compartment again for this dossier.
   */
  private unlockFailed(dossierCode: string, compartment: Compartment, err: unknown): void {
    const { store, clock, audit } = this.deps;
    const code = isAgentError(err) ? err.code : 'error';
    const ambiguous = unlockMayHaveOpened(err);
    store.setHandover(dossierCode, ambiguous ? 'needs-staff' : 'unlock-failed', clock.now());
    audit.audit(clock.now(), dossierCode, 'open', `unlock-failed:${code}${ambiguous ? ':needs-staff' : ''}`);
    this.deps.log.warn({ dossier: dossierCode, compartment, code, ambiguous }, 'pickup unlock failed: staff must hand over at the counter');
    this.deps.notify.staffAlert({
      kind: 'locker-unlock-failed',
      dossierCode,
      ...compartment,
      message: ambiguous
        ? `Ngăn ${compartment.lock} (bo ${compartment.board}) có thể đã mở hoặc không cho hồ sơ ${dossierCode} (tủ không xác nhận): kiểm tra ngăn; công dân được hướng dẫn đến quầy trả kết quả để nhận.`
        : `Ngăn ${compartment.lock} (bo ${compartment.board}) không mở được cho hồ sơ ${dossierCode}: công dân được hướng dẫn đến quầy trả kết quả.`,
    });
  }

  /** Staff lift a pause of every pickup (after too many wrong codes) once they have checked the kiosk. */
  resumePickups(): { resumed: boolean } {
    const now = this.deps.clock.now();
    const resumed = this.deps.store.tx(() => this.deps.store.liftPauses(now));
    if (resumed) this.deps.audit.audit(now, null, 'pickup-resume', 'staff');
    return { resumed };
  }

  /** After a restart: finish what the doors say is finished (pickup-recovery.ts). */
  recover(): Promise<boolean> {
    return recoverPickups(this.deps, (c) => this.doorClosed(c));
  }

  /** Runs recovery until the boards answer and the store takes writes; returns a stopper. Never rejects. */
  recoverInBackground(retryMs = 1000): () => void {
    return retryUntilDone(() => this.recover(), retryMs, (err) => this.deps.onBackgroundError(err, 'pickup-recovery'));
  }

  /** Every compartment, what it holds, and whether that result has waited longer than `overdueDays`. */
  compartments(): CompartmentView[] {
    return listCompartments(this.deps.boards, this.deps.store.inLocker(), this.deps.clock.now(), this.deps.overdueDays);
  }

  /** Staff take an uncollected result back to the counter: its compartment opens and is free again; its code is void. */
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
      this.deps.outbox.expire(dossier.code);
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
        // The code is void now: a message still carrying it is never sent late.
        this.deps.outbox.expire(handedOver);
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
