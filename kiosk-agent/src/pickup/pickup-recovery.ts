/**
 * Start-up recovery of deposits and handovers a crash or power cut interrupted, decided by what the boards say
 * about each door now.
 */
import type { LockerBank } from '../devices/locker/locker-board';
import type { Clock } from '../core/clock';
import type { Compartment } from './locker-store';
import type { PickupStore } from './pickup-repos';

export interface StaffAlert {
  kind: 'locker-unlock-failed' | 'door-left-open' | 'handover-needs-staff';
  dossierCode: string;
  board: number;
  lock: number;
  message: string;
}

export interface RecoveryDeps {
  store: PickupStore;
  locker: LockerBank | undefined;
  clock: Clock;
  notify: { staffAlert(alert: StaffAlert): void };
  log: { warn(obj: object, msg: string): void };
}

/**
 * After a restart (a crash, a power cut): finish what the doors say is finished. A deposit interrupted before
 * the officer got the pickup code is abandoned (the dossier stays "ready"); a handover whose unlock may or may not
 * have been sent, with its door shut now, cannot be told apart from one already collected, so it goes to staff
 * and the kiosk will not open that compartment again.
 */
export async function recoverPickups(deps: RecoveryDeps, doorClosed: (c: Compartment) => Promise<void>): Promise<boolean> {
  const { locker, clock, log } = deps;
  const { lockers: store, records: audit } = deps.store.read;
  const deposits = await store.activeDeposits();
  const handovers = await store.pendingHandovers();
  if (!locker || (deposits.length === 0 && handovers.length === 0)) return true;
  const boards = new Set([...deposits, ...handovers].map((x) => x.board));
  const openNow = new Set<string>();
  for (const board of boards) {
    try {
      for (const s of await locker.readBoard(board)) if (s.open) openNow.add(`${s.board}/${s.lock}`);
    } catch (err) {
      log.warn({ board, err: (err as Error).message }, 'cannot read board during recovery yet; will retry');
      return false;
    }
  }
  const now = clock.now();
  for (const d of deposits) {
    const isOpen = openNow.has(`${d.board}/${d.lock}`);
    if (d.state === 'opening') {
      await store.setDeposit(d.id, 'failed', now);
      await audit.audit(now, d.dossierCode, 'deposit', 'interrupted-before-code');
      log.warn({ dossier: d.dossierCode, compartment: `${d.board}/${d.lock}` }, 'deposit interrupted by a restart: staff must deposit again');
    } else if (!isOpen) await doorClosed({ board: d.board, lock: d.lock });
  }
  for (const h of handovers) {
    const isOpen = openNow.has(`${h.board}/${h.lock}`);
    if (h.state === 'opened' && !isOpen) await doorClosed({ board: h.board, lock: h.lock });
    else if (h.state === 'unlocking') {
      if (isOpen) {
        await store.setHandover(h.dossierCode, 'opened', now);
        await audit.audit(now, h.dossierCode, 'handover', 'recovered-opened');
      } else {
        await store.setHandover(h.dossierCode, 'needs-staff', now);
        await audit.audit(now, h.dossierCode, 'handover', 'needs-staff');
        deps.notify.staffAlert({
          kind: 'handover-needs-staff',
          dossierCode: h.dossierCode,
          board: h.board,
          lock: h.lock,
          message: `Việc trao hồ sơ ${h.dossierCode} bị gián đoạn (ki-ốt khởi động lại). Vui lòng kiểm tra ngăn ${h.lock} (bo ${h.board}).`,
        });
        log.warn({ dossier: h.dossierCode }, 'handover interrupted with the door shut: staff must check the compartment');
      }
    }
  }
  return true;
}

/**
 * Runs `attempt` until it reports done: again after `retryMs` when it is not (the boards do not answer yet), with a
 * doubling delay (up to a minute) when it fails (the store cannot be written). Returns the stopper; never rejects.
 */
export function retryUntilDone(attempt: () => Promise<boolean>, retryMs: number, onError: (err: unknown) => void, maxRetryMs = 60_000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = retryMs;
  const run = (): void => {
    attempt().then(
      (done) => {
        if (!done && !stopped) timer = setTimeout(run, retryMs);
      },
      (err: unknown) => {
        onError(err);
        if (stopped) return;
        timer = setTimeout(run, delay);
        delay = Math.min(delay * 2, maxRetryMs);
      },
    );
  };
  run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
