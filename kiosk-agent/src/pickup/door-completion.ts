/**
 * What a shut door completes (pure decision, store writes in one transaction): a deposit waiting for it (the result
 * is now "in locker"), a handover (the result is returned; the pickup code and any message still carrying it are
 * void; the one-stop system is told through the outbox, committed with the handover so a crash still reports it).
 */
import type { LockerDeps } from './locker-deps';
import type { Compartment } from './locker-store';

export async function completeAtDoor(deps: LockerDeps, c: Compartment): Promise<void> {
  const { store, clock } = deps;
  const now = clock.now();
  const completed = await store.transaction(async ({ lockers, records, outbox }) => {
    const deposit = await lockers.depositAwaitingAt(c);
    if (deposit) {
      await lockers.markInLocker(deposit.dossierCode, now);
      await lockers.setDeposit(deposit.id, 'done', now);
      await records.audit(now, deposit.dossierCode, 'deposit', 'door-closed');
    }
    const handedOver = await lockers.handoverOpenAt(c);
    if (handedOver) {
      await lockers.setHandover(handedOver, 'door-closed', now);
      await lockers.markReturned(handedOver, now);
      // The code is void now: a message still carrying it is never sent late.
      await outbox.expire(handedOver);
      await records.audit(now, handedOver, 'handover', 'door-closed');
      // The one-stop system learns "đã trả kết quả" through the outbox, committed with the handover itself, so
      // a crash after the door shut still reports it.
      await outbox.add('upstream.report', {
        dossierCode: handedOver,
        status: 'returned',
        statusCode: 10,
        at: new Date(now).toISOString(),
        note: `Trả kết quả qua tủ tự động, ngăn ${c.lock} (bo ${c.board})`,
        compartment: c,
      });
    }
    return handedOver;
  }, { lock: 'lockers' });
  if (completed) deps.onHandedOver?.({ dossierCode: completed, compartment: c, atMs: now });
}
