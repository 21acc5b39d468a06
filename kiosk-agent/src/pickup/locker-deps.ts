/**
 * What the locker services share (locker-deposits.ts, locker-handovers.ts, door-completion.ts): the store, the
 * boards, the outbox, the alerts. Built once by the composition root.
 */
import type { LockerBank } from '../devices/locker/locker-board';
import type { Clock } from '../core/clock';
import type { LockerBoardLayout } from './compartment-choice';
import type { DossierService } from './dossier-service';
import type { Compartment } from './locker-store';
import type { PickupStore } from './pickup-repos';
import type { KioskDirectory } from './kiosk-directory';
import type { PickupCodeHasher } from './pickup-code';
import type { GuessingAlert, GuessingLimits } from './pickup-attempts';
import type { StaffAlert } from './pickup-recovery';
import { AgentError, isAgentError } from '../errors/agent-error';

export interface LockerDeps {
  /** Compartments, dossiers and their audit, the outbox: read directly, or written together in a transaction. */
  store: PickupStore;
  dossiers: DossierService;
  /** This kiosk and the others of the centre: only the kiosk whose locker holds a result opens it. */
  kiosks: KioskDirectory;
  locker: LockerBank | undefined;
  boards: LockerBoardLayout[];
  clock: Clock;
  codes: PickupCodeHasher;
  guessing: GuessingLimits;
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

/** The kiosk has no lockers: every locker route says so, with where to go instead. */
export function lockerOrThrow(locker: LockerBank | undefined): LockerBank {
  if (!locker) throw new AgentError('LOCKER_DISABLED', 'Ki-ốt này không có tủ nhận kết quả. Vui lòng đến quầy trả kết quả.');
  return locker;
}

/** Whether an unlock that failed may have released the lock: anything after the frame left, or unknown. */
export function unlockMayHaveOpened(err: unknown): boolean {
  return !(isAgentError(err) && err.details.facts?.unlockSent === false);
}
