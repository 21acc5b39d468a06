/**
 * The payment step of the pickup flow (issue 21), with the agent replaced by actors and time by a SimulatedClock:
 * fees due → the QR screen (the session held), a short payment shows the rest, the full payment goes on to the
 * pickup code by itself; a 402 at opening goes back to the QR; nobody paying ends at home.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import type { DossierLookup } from '../../shared/dossier-schemas';
import type { DossierPayment } from '../../shared/payment-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { DEFAULT_COLLECT_TIMING, collectResultMachine, type CollectResultEvent } from '../../kiosk-ui/src/flows/collect-result/collect-result.machine';

const CODE = '000.00.15.H29-250704-0012';
const qr = { payload: '000201…', reference: 'HS0000015H292507040012', bankName: 'VietinBank', accountName: 'TRUNG TAM', accountNumber: '113366668888' };
const due = (paid: number): DossierPayment => ({ fees: [{ name: 'Lệ phí', amount: 50_000 }], total: 50_000, paid, due: 50_000 - paid, vietqr: qr });
const unpaid: DossierLookup = { code: CODE, procedure: 'Chứng thực', status: 'in-locker', dueDate: '2025-07-10', overdue: false, applicant: 'Nguyễn V** A*', inLocker: true, payment: due(0) };

function start(lookups: DossierLookup[], open?: () => Promise<{ compartment: { board: number; lock: number } }>) {
  const clock = new SimulatedClock();
  const lookup = vitest.fn(async () => lookups.shift() ?? { ...unpaid, payment: undefined });
  const hold = vitest.fn();
  const release = vitest.fn();
  let payments: ((e: CollectResultEvent) => void) | null = null;
  const machine = collectResultMachine.provide({
    actors: {
      lookupDossier: fromPromise(() => lookup()),
      openCompartment: fromPromise(open ?? (async () => ({ compartment: { board: 0, lock: 3 } }))),
      sendRating: fromPromise<unknown, { reference: string; level: number }>(async () => ({})),
      watchPickup: fromCallback(() => () => undefined),
      watchPayment: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack, input }) => {
        expect(input.dossierCode).toBe(CODE);
        payments = sendBack;
        return () => {
          payments = null;
        };
      }),
    },
    actions: { holdSession: hold, releaseSession: release, cueDoorOpen: () => undefined },
  });
  const actor = createActor(machine, { clock, input: { code: CODE, resultServiceId: null, ratingScale: 3 } }).start();
  const fromAgent = (payment: DossierPayment | null) => {
    if (!payments) throw new Error('nobody is watching the payment');
    payments({ type: 'payment.updated', payment });
  };
  return { actor, clock, lookup, hold, release, fromAgent, watching: () => payments !== null };
}

const at = (actor: AnyActorRef, state: string) => waitFor(actor, (s) => s.value === state, { timeout: 1000 });

describe('collect-result: paying the fees before the locker opens', () => {
  it('fees due → the QR screen, held; a short payment shows the rest; the full one goes on to the pickup code', async () => {
    const { actor, hold, release, fromAgent, watching } = start([unpaid]);
    await at(actor, 'paying');
    expect(actor.getSnapshot().context.dossier?.payment?.due).toBe(50_000);
    expect(hold).toHaveBeenCalledTimes(1);
    expect(watching()).toBe(true);
    // The pickup keypad is not there yet: digits do nothing.
    actor.send({ type: 'pin.digit', digit: '1' });
    expect(actor.getSnapshot().context.pickupCode).toBe('');

    fromAgent(due(20_000));
    expect(actor.getSnapshot().value).toBe('paying');
    expect(actor.getSnapshot().context.dossier?.payment).toMatchObject({ paid: 20_000, due: 30_000 });

    fromAgent(null);
    await at(actor, 'enteringCode');
    expect(actor.getSnapshot().context.dossier?.payment).toBeUndefined();
    expect(release).toHaveBeenCalledTimes(1);
    expect(watching()).toBe(false);
  });

  it('a lookup with nothing due goes straight to the pickup code', async () => {
    const { actor } = start([{ ...unpaid, payment: undefined }]);
    await at(actor, 'enteringCode');
  });

  it('402 at opening (fees since the lookup): looked up again, back on the QR screen', async () => {
    const open = vitest.fn(async () => {
      throw new AgentRequestError('PAYMENT_REQUIRED', 'PAYMENT_REQUIRED', 402, { amount: 50_000 });
    });
    const { actor, lookup } = start([{ ...unpaid, payment: undefined }, unpaid], open);
    await at(actor, 'enteringCode');
    for (const d of '123456') actor.send({ type: 'pin.digit', digit: d });
    actor.send({ type: 'pin.submit' });
    await at(actor, 'paying');
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(actor.getSnapshot().context.pickupCode).toBe('');
  });

  it('nobody pays: after the wait the flow ends at home, the session released', async () => {
    const { actor, clock, release } = start([unpaid]);
    await at(actor, 'paying');
    clock.increment(DEFAULT_COLLECT_TIMING.paymentWaitMs - 1);
    expect(actor.getSnapshot().value).toBe('paying');
    clock.increment(1);
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().output).toEqual({ next: 'home' });
    expect(release).toHaveBeenCalledTimes(1);
  });
});
