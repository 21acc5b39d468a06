/**
 * What a shut door completes (pure decision, store writes in one transaction): a deposit waiting for it (the result
 * is now "in locker"), a handover (the result is returned; the pickup code and any message still carrying it are
 * void; the one-stop system is told through the outbox, committed with the handover so a crash still reports it).
 */
import type { LockerDeps } from './locker-deps';
import type { Compartment } from './locker-store';

export function completeAtDoor(deps: LockerDeps, c: Compartment): void {
  const { store, clock, audit } = deps;
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
      deps.outbox.expire(handedOver);
      audit.audit(now, handedOver, 'handover', 'door-closed');
      // The one-stop system learns "đã trả kết quả" through the outbox, committed with the handover itself, so
      // a crash after the door shut still reports it.
      deps.outbox.add('upstream.report', {
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
  if (completed) deps.onHandedOver?.({ dossierCode: completed, compartment: c, atMs: now });
}
