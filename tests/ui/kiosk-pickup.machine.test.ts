/**
 * The pickup flow inside the kiosk machine: a scan from any screen starts it, its ticket offer leads to the usual
 * priority question and printing, an open door holds the idle timer, and the idle timeout still ends a session
 * abandoned at the keypad.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor, type AnyActorRef } from 'xstate';
import type { IssuedTicket, KioskInfo, ServiceSummary } from '../../shared/api-schemas';
import type { DossierLookup } from '../../shared/dossier-schemas';
import { collectResultMachine, type CollectResultEvent } from '../../kiosk-ui/src/flows/collect-result/collect-result.machine';
import { takeTicketMachine, type TakeTicketEvent } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';

const CODE = '000.00.15.H29-250704-0012';
const INFO: KioskInfo = {
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  demo: false,
  priorityCategories: ['elderly'],
  pickup: { lockers: true, resultServiceId: 'tra-ket-qua' },
  ratingScale: 3,
};
const IDLE = 60_000;
const lookupResult = (inLocker: boolean): DossierLookup => ({
  code: CODE,
  procedure: 'Chứng thực bản sao',
  status: inLocker ? 'in-locker' : 'needs-supplement',
  dueDate: '2025-07-10',
  overdue: false,
  applicant: 'Trần T** B*',
  inLocker,
});

function start(opts: { inLocker?: boolean } = {}) {
  const clock = new SimulatedClock();
  const lookup = vitest.fn(async (_code: string) => lookupResult(opts.inLocker ?? true));
  const issue = vitest.fn(
    async (input: { serviceId: string; priority: string | null }): Promise<IssuedTicket> => ({
      id: 'tX',
      number: 'C001',
      serviceId: input.serviceId,
      priority: null,
      issuedAt: '2026-11-23T02:00:00.000Z',
      ahead: 0,
      estimatedWaitMinutes: 0,
      trackUrl: 'http://127.0.0.1:8080/track/tX',
      printed: true,
    }),
  );
  let scanner: ((e: TakeTicketEvent) => void) | null = null;
  let pickupEvents: ((e: CollectResultEvent) => void) | null = null;
  const machine = takeTicketMachine.provide({
    actors: {
      loadKiosk: fromPromise(async () => INFO),
      loadServices: fromPromise(async (): Promise<ServiceSummary[]> => []),
      issueTicket: fromPromise(({ input }) => issue(input)),
      scanSource: fromCallback<TakeTicketEvent>(({ sendBack }) => {
        scanner = sendBack;
        return () => undefined;
      }),
      collectResult: collectResultMachine.provide({
        actors: {
          lookupDossier: fromPromise(({ input }) => lookup(input.code)),
          openCompartment: fromPromise(async () => ({ compartment: { board: 0, lock: 3 } })),
          sendRating: fromPromise(async (): Promise<unknown> => ({})),
          watchPickup: fromCallback<CollectResultEvent, { dossierCode: string }>(({ sendBack }) => {
            pickupEvents = sendBack;
            return () => undefined;
          }),
        },
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { idleTimeoutMs: IDLE, idleWarningMs: 0 } }).start();
  const scan = (code: string) => scanner!({ type: 'scan.received', code });
  const child = () => actor.getSnapshot().children.collectResult as AnyActorRef | undefined;
  return { actor, clock, lookup, issue, scan, child, agentSays: (e: CollectResultEvent) => pickupEvents!(e) };
}

const inPickup = (actor: AnyActorRef) => actor.getSnapshot().matches({ session: { flow: 'collectingResult' } });
const childAt = (child: AnyActorRef | undefined, value: string) => waitFor(child!, (s) => s.value === value, { timeout: 1000 });

describe('kiosk machine with the pickup flow', () => {
  it('a slip scanned on the attract screen opens the pickup flow and looks the slip up', async () => {
    const { actor, scan, lookup, child } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    expect(inPickup(actor)).toBe(true);
    await childAt(child(), 'enteringCode');
    expect(lookup).toHaveBeenCalledWith(CODE);
  });

  it('"Nhận kết quả" on the home screen asks for the slip; a scan there is passed on to the flow', async () => {
    const { actor, scan, lookup, child } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'home.collectResult' });
    await childAt(child(), 'waitingForSlip');
    scan(CODE);
    await childAt(child(), 'enteringCode');
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('the ticket offered for the result counter goes through the priority question and is printed', async () => {
    const { actor, scan, issue, child } = start({ inLocker: false });
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    await childAt(child(), 'showingStatus');
    child()!.send({ type: 'pickup.takeTicket' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'askingPriority' } }));
    expect(actor.getSnapshot().context.serviceId).toBe('tra-ket-qua');
    actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
    expect(issue).toHaveBeenCalledWith({ serviceId: 'tra-ket-qua', priority: 'elderly' });
  });

  it('"Quay lại" from that priority question goes home (there is no service list behind it)', async () => {
    const { actor, scan, child } = start({ inLocker: false });
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    await childAt(child(), 'showingStatus');
    child()!.send({ type: 'pickup.takeTicket' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'askingPriority' } }));
    actor.send({ type: 'nav.back' });
    expect(actor.getSnapshot().matches({ session: { flow: 'home' } })).toBe(true);
  });

  it('an open door holds the idle timer; once the pickup is done it runs again', async () => {
    const { actor, clock, scan, child, agentSays } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    await childAt(child(), 'enteringCode');
    for (const d of '123456') child()!.send({ type: 'pin.digit', digit: d });
    child()!.send({ type: 'pin.submit' });
    await childAt(child(), 'doorOpen');
    clock.increment(IDLE * 2);
    expect(inPickup(actor)).toBe(true);
    expect(actor.getSnapshot().matches({ session: { idle: 'held' } })).toBe(true);
    agentSays({ type: 'pickup.completed', receiptPrinted: true });
    await childAt(child(), 'rating');
    expect(actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    child()!.send({ type: 'rating.skip' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'home' } }));
    clock.increment(IDLE);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('a session abandoned at the pickup-code keypad ends on the attract screen with nothing left behind', async () => {
    const { actor, clock, scan, child } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    await childAt(child(), 'enteringCode');
    child()!.send({ type: 'pin.digit', digit: '4' });
    clock.increment(IDLE);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().children.collectResult).toBeUndefined();
    expect(actor.getSnapshot().context.pendingScan).toBeNull();
  });

  it('a scan while a ticket is printing does not abandon the ticket', async () => {
    const { actor, scan, issue } = start();
    let finishPrint: (() => void) | null = null;
    issue.mockImplementationOnce(
      (input) =>
        new Promise((resolve) => {
          finishPrint = () =>
            resolve({ id: 'tY', number: 'C002', serviceId: input.serviceId, priority: null, issuedAt: '2026-11-23T02:00:00.000Z', ahead: 0, estimatedWaitMinutes: 0, trackUrl: 'http://x/track/tY', printed: true });
        }),
    );
    await waitFor(actor, (s) => s.matches('attract'));
    scan(CODE);
    await waitFor(actor.getSnapshot().children.collectResult as AnyActorRef, (s) => s.value === 'enteringCode');
    (actor.getSnapshot().children.collectResult as AnyActorRef).send({ type: 'pickup.takeTicket' });
    actor.send({ type: 'priority.chosen', priority: null });
    expect(actor.getSnapshot().matches({ session: { flow: 'issuing' } })).toBe(true);
    scan(CODE);
    expect(actor.getSnapshot().matches({ session: { flow: 'issuing' } })).toBe(true);
    finishPrint!();
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
  });
});
