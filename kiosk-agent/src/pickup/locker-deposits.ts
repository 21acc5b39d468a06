/**
 * Results put in and taken back by staff. Deposit: pick a free compartment, record the deposit, unlock it, give
 * the officer the compartment and a pickup code; the dossier becomes "in locker" when the door is shut
 * (door-completion.ts). At most one deposit per dossier is in progress (checked in the transaction and enforced by
 * a unique index), so a double click never opens two compartments for one dossier. Recall: the compartment opens,
 * the dossier is "ready" at the counter again and its code void.
 */
import type { CompartmentSize } from '../../../shared/dossier-schemas';
import { AgentError, isAgentError } from '../errors/agent-error';
import { NOTIFICATION_TEXT } from '../i18n/notification-text';
import { chooseCompartment, listCompartments, type CompartmentView } from './compartment-choice';
import { lockerOrThrow, unlockMayHaveOpened, type LockerDeps } from './locker-deps';
import type { Compartment } from './locker-store';
import { newPickupCode } from './pickup-code';
import { isUniqueViolation } from '../store/store-port';
import { feesTotal } from '../payments/fee-arithmetic';

const inProgress = (code: string): AgentError =>
  new AgentError('DEPOSIT_IN_PROGRESS', `Hồ sơ ${code} đang được gửi vào tủ (cửa ngăn chưa đóng). Đóng cửa ngăn đang mở; không gửi lần nữa.`);

export class LockerDeposits {
  constructor(private readonly deps: LockerDeps) {}

  /** `by`: the officer's account id (null for an integration token), kept on the deposit. */
  async deposit(dossierCode: string, size: CompartmentSize = 'S', by: number | null = null): Promise<{ compartment: Compartment & { size: CompartmentSize }; pickupCode: string }> {
    const locker = lockerOrThrow(this.deps.locker);
    const { store, clock } = this.deps;
    await this.deps.dossiers.refresh(dossierCode);
    const found = await this.deps.dossiers.find(dossierCode, 'deposit-lookup');
    const { id, compartment } = await store.transaction(async ({ lockers, records }) => {
      // Read again inside the transaction: another deposit of this dossier may have started since the lookup.
      const dossier = (await records.get(found.code)) ?? found;
      if (await lockers.activeDeposit(dossier.code)) throw inProgress(dossier.code);
      if (dossier.status === 'in-locker') {
        throw new AgentError('DOSSIER_IN_LOCKER', `Hồ sơ ${dossier.code} đã ở ngăn ${dossier.lockerLock ?? '?'} của tủ kết quả.`, {
          facts: { board: dossier.lockerBoard ?? -1, lock: dossier.lockerLock ?? -1 },
        });
      }
      // A result whose fees are due at handover (one-stop status 6) goes in too: the kiosk takes the payment.
      if (dossier.status !== 'ready' && !(dossier.status === 'needs-payment' && feesTotal(dossier.fees) > 0)) {
        throw new AgentError('DOSSIER_NOT_READY', `Hồ sơ ${dossier.code} đang ở trạng thái "${dossier.status}", chưa thể gửi vào tủ.`, { facts: { status: dossier.status } });
      }
      const c = chooseCompartment(this.deps.boards, await lockers.occupied(), size);
      try {
        return { id: await lockers.startDeposit(dossier.code, c, clock.now(), by), compartment: c };
      } catch (err) {
        // The store's own guard (one active deposit per dossier): another agent on a shared store got there first.
        if (isUniqueViolation(err)) throw inProgress(dossier.code);
        throw err;
      }
    }, { lock: 'lockers' });
    try {
      await locker.unlock(compartment.board, compartment.lock);
    } catch (err) {
      await store.read.lockers.setDeposit(id, 'failed', clock.now());
      if (unlockMayHaveOpened(err) && isAgentError(err)) {
        throw new AgentError(err.code, `${err.message} Ngăn ${compartment.lock} (bo ${compartment.board}) có thể đã mở: nếu cửa mở, đừng để hồ sơ vào, đóng cửa lại và gửi lại.`, { facts: { ...err.details.facts } });
      }
      throw err;
    }
    const pickupCode = newPickupCode();
    const code = found.code;
    const pickupCodeHash = this.deps.codes.hash(pickupCode);
    await store.transaction(async ({ lockers, outbox }) => {
      await lockers.placeInLocker(code, compartment, pickupCodeHash, clock.now());
      await lockers.setDeposit(id, 'awaiting-door', clock.now());
      if (found.phone) {
        const text = NOTIFICATION_TEXT.resultInLocker({ centerName: this.deps.centerName, procedure: found.procedure, dossierCode: code, pickupCode });
        await outbox.add('notify', { to: found.phone, text, dossierCode: code }, { expiresWith: code });
      }
    });
    await store.read.records.audit(clock.now(), code, 'deposit', `opened ${compartment.board}/${compartment.lock}`);
    return { compartment, pickupCode };
  }

  /** Every compartment, what it holds, and whether that result has waited longer than `overdueDays`. */
  async compartments(): Promise<CompartmentView[]> {
    return listCompartments(this.deps.boards, await this.deps.store.read.lockers.inLocker(), this.deps.clock.now(), this.deps.overdueDays);
  }

  /** Staff take an uncollected result back to the counter: its compartment opens and is free again; its code is void. */
  async recall(dossierCode: string): Promise<{ compartment: Compartment }> {
    const locker = lockerOrThrow(this.deps.locker);
    const dossier = await this.deps.dossiers.find(dossierCode, 'recall-lookup');
    if (dossier.status !== 'in-locker' || dossier.lockerBoard === null || dossier.lockerLock === null) {
      throw new AgentError('DOSSIER_NOT_IN_LOCKER', `Hồ sơ ${dossier.code} không ở trong tủ.`, { facts: { status: dossier.status } });
    }
    if (dossier.lockerKioskId !== null && dossier.lockerKioskId !== this.deps.kiosks.here.id) {
      throw await this.deps.kiosks.atOtherKiosk(dossier.lockerKioskId, dossier.code);
    }
    const compartment = { board: dossier.lockerBoard, lock: dossier.lockerLock };
    await locker.unlock(compartment.board, compartment.lock);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async ({ lockers, records, outbox }) => {
      await lockers.recall(dossier.code, now);
      await outbox.expire(dossier.code);
      await records.audit(now, dossier.code, 'recall', `opened ${compartment.board}/${compartment.lock}`);
    }, { lock: 'lockers' });
    return { compartment };
  }
}
