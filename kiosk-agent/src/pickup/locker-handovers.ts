/**
 * Citizen pickup: slip + pickup code → one handover per dossier, recorded before the unlock is sent, so a
 * compartment is never opened twice for a result already handed over; the handover completes when the door is
 * shut (door-completion.ts). Guessing is bounded per dossier and per kiosk (pickup-attempts.ts). Every attempt is
 * audited, never with the code. After a restart, recovery finishes what the doors say is finished.
 */
import { AgentError, isAgentError } from '../errors/agent-error';
import { completeAtDoor } from './door-completion';
import { DoorWatch } from './door-watch';
import { lockerOrThrow, unlockMayHaveOpened, type LockerDeps } from './locker-deps';
import type { Compartment } from './locker-store';
import { PickupAttempts, type GuessingAlert } from './pickup-attempts';
import { recoverPickups, retryUntilDone } from './pickup-recovery';
import { formatVnd } from '../payments/fee-arithmetic';
import { PICKUP_PAYMENT_TEXT } from '../i18n/payment-text';

export class LockerHandovers {
  private readonly doors: DoorWatch;
  private readonly attempts: PickupAttempts;

  constructor(private readonly deps: LockerDeps) {
    this.doors = new DoorWatch(deps.notify, deps.doorReminderMs, deps.doorAlertMs);
    this.attempts = new PickupAttempts(deps.guessing, (code, stored) => deps.codes.verify(code, stored));
    deps.locker?.onDoor((e) => {
      if (e.open) return;
      // A failure leaves the handover recorded as "opened": recovery finishes it once the store takes writes again.
      this.doorClosed({ board: e.board, lock: e.lock }).catch((err: unknown) => deps.onBackgroundError(err, 'door-closed'));
    });
  }

  async open(slipCode: string, pickupCode: string): Promise<{ compartment: Compartment }> {
    const locker = lockerOrThrow(this.deps.locker);
    const { store, clock } = this.deps;
    const dossier = await this.deps.dossiers.find(slipCode, null); // the decision below is audited in its own transaction
    const now = clock.now();
    // Refusals are returned, not thrown, so the attempt count and the audit row commit with the decision.
    type Decision = { error: AgentError; alerts?: GuessingAlert[] } | { otherKiosk: string } | { compartment: Compartment };
    const decision = await store.transaction(async (tx): Promise<Decision> => {
      const { lockers, records } = tx;
      const secret = (await lockers.secret(dossier.code))!;
      if (secret.status === 'in-locker' && secret.kioskId !== null && secret.kioskId !== this.deps.kiosks.here.id) {
        await records.audit(now, dossier.code, 'open', `other-kiosk:${secret.kioskId}`);
        return { otherKiosk: secret.kioskId }; // named after the transaction: the directory reads the store itself
      }
      const done = await lockers.handover(dossier.code);
      if (done?.state === 'needs-staff' || done?.state === 'unlocking') {
        await records.audit(now, dossier.code, 'open', 'needs-staff');
        return { error: new AgentError('PICKUP_NEEDS_STAFF', 'Vui lòng đến quầy trả kết quả: cán bộ sẽ kiểm tra ngăn tủ và trao kết quả cho bạn.') };
      }
      if (done && done.state !== 'unlock-failed') {
        await records.audit(now, dossier.code, 'open', 'already-handed-over');
        return { error: new AgentError('PICKUP_ALREADY_DONE', 'Kết quả của hồ sơ này đã được nhận. Nếu có thắc mắc, vui lòng đến quầy trả kết quả.') };
      }
      if (secret.status !== 'in-locker' || secret.board === null || secret.lock === null || !secret.pickupCodeHash) {
        await records.audit(now, dossier.code, 'open', `not-in-locker:${secret.status}`);
        return { error: new AgentError('DOSSIER_NOT_IN_LOCKER', 'Kết quả của hồ sơ này không ở trong tủ. Vui lòng xem trạng thái hồ sơ trên màn hình.', { facts: { status: secret.status } }) };
      }
      // Fees first (issue 21): an unpaid result stays shut whatever code is typed, and no guess is counted.
      const fee = await records.feeStanding(dossier.code);
      if (fee.due > 0) {
        await records.audit(now, dossier.code, 'open', 'payment-required');
        return { error: new AgentError('PAYMENT_REQUIRED', PICKUP_PAYMENT_TEXT.required(formatVnd(fee.due)), { facts: { amount: fee.due } }) };
      }
      const c = { board: secret.board, lock: secret.lock };
      const checked = await this.attempts.check(tx, { ...secret, pickupCodeHash: secret.pickupCodeHash }, c, pickupCode, now);
      if (!checked.ok) return checked.alerts ? { error: checked.error, alerts: checked.alerts } : { error: checked.error };
      if (done) await lockers.setHandover(dossier.code, 'unlocking', now);
      else await lockers.insertHandover(dossier.code, c, now);
      return { compartment: c };
    }, { lock: 'lockers' });
    if ('otherKiosk' in decision) throw await this.deps.kiosks.atOtherKiosk(decision.otherKiosk, dossier.code);
    if ('error' in decision) {
      for (const alert of decision.alerts ?? []) this.deps.notify.staffAlert(alert);
      throw decision.error;
    }
    const { compartment } = decision;
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      await this.unlockFailed(dossier.code, compartment, err);
      throw err;
    }
    await store.read.lockers.setHandover(dossier.code, 'opened', clock.now());
    this.doors.watch(dossier.code, compartment);
    await store.read.records.audit(clock.now(), dossier.code, 'open', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment };
  }

  /**
   * Only an unlock whose frame never left may be tried again. Once the frame was written, any failure after it
   * (no reply, a bad frame, the link dropping during the confirming read, a door reported shut) leaves the lock's
   * fate unknown: the door may have opened and been emptied, so the handover goes to staff and the kiosk never
   * opens that compartment again for this dossier.
   */
  private async unlockFailed(dossierCode: string, compartment: Compartment, err: unknown): Promise<void> {
    const { store, clock } = this.deps;
    const code = isAgentError(err) ? err.code : 'error';
    const ambiguous = unlockMayHaveOpened(err);
    await store.read.lockers.setHandover(dossierCode, ambiguous ? 'needs-staff' : 'unlock-failed', clock.now());
    await store.read.records.audit(clock.now(), dossierCode, 'open', `unlock-failed:${code}${ambiguous ? ':needs-staff' : ''}`);
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
  async resumePickups(): Promise<{ resumed: boolean }> {
    const now = this.deps.clock.now();
    const resumed = await this.deps.store.read.lockers.liftPauses(now);
    if (resumed) await this.deps.store.read.records.audit(now, null, 'pickup-resume', 'staff');
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

  stop(): void {
    this.doors.stopAll();
  }

  /** A shut door completes whatever was waiting on that compartment: a deposit, a handover. */
  doorClosed(c: Compartment): Promise<void> {
    this.doors.clear(c);
    return completeAtDoor(this.deps, c);
  }
}
