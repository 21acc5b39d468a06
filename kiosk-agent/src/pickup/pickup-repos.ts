/**
 * The pickup side's repositories as one bundle on one executor: compartments and handovers, dossiers and their
 * audit trail, and the outbox. A deposit, a handover or a door that shuts writes all three in one transaction
 * (`UnitOfWork.transaction`), so the result's state, its audit row and the message about it commit together.
 */
import { OutboxQueue } from '../notify/outbox-queue';
import type { SqlExecutor, UnitOfWork } from '../store/store-port';
import { DossierRepository } from './dossier-repository';
import { LockerStore } from './locker-store';

export interface PickupRepos {
  lockers: LockerStore;
  /** Dossiers and the pickup audit trail. */
  records: DossierRepository;
  outbox: OutboxQueue;
}

export type PickupStore = UnitOfWork<PickupRepos>;

/** The bundle for the kiosk `kioskId` (its locker, its audit rows) on any executor. */
export function pickupRepos(now: () => number, kioskId: string): (q: SqlExecutor) => PickupRepos {
  return (q) => ({ lockers: new LockerStore(q, kioskId), records: new DossierRepository(q, kioskId), outbox: new OutboxQueue(q, now) });
}
