import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../shared/api-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { takeTicketMachine, type TakeTicketInput } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';

const INFO: KioskInfo = { centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên', timezone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420, demo: false, priorityCategories: ['elderly', 'disabled', 'pregnant', 'merit'], pickup: { lockers: true, resultServiceId: 'tra-ket-qua' }, ratingScale: 3 };
const SERVICES: ServiceSummary[] = [
  { id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp – Hộ tịch', en: 'Justice' }, waiting: 3, estimatedWaitMinutes: 9 },
  { id: 'dat-dai', prefix: 'D', name: { vi: 'Đất đai', en: 'Land' }, waiting: 0, estimatedWaitMinutes: 0 },
];
const ticket = (over: Partial<IssuedTicket> = {}): IssuedTicket => ({
  id: 'tAbc',
  number: 'A012',
  serviceId: 'tu-phap',
  priority: null,
  issuedAt: '2026-11-22T07:00:00.000Z',
  ahead: 3,
  estimatedWaitMinutes: 9,
  trackUrl: 'http://127.0.0.1:8080/track/tAbc',
  printed: true,
  ...over,
});
const TIMING: TakeTicketInput = { idleTimeoutMs: 60_000, idleWarningMs: 0, ticketShownMs: 15_000, unprintedShownMs: 45_000, bootRetryMs: 5_000 };

function start(issue: (input: { serviceId: string; priority: PriorityCategory | null }) => Promise<IssuedTicket> = async () => ticket()) {
  const clock = new SimulatedClock();
  const issueSpy = vitest.fn(issue);
  const loadServices = vitest.fn(async () => SERVICES);
  const machine = takeTicketMachine.provide({
    actors: {
      loadKiosk: fromPromise(async () => INFO),
      loadServices: fromPromise(() => loadServices()),
      issueTicket: fromPromise(({ input }) => issueSpy(input)),
    },
  });
  const actor = createActor(machine, { clock, input: TIMING }).start();
  return { actor, clock, issueSpy, loadServices };
}

type Snap = SnapshotFrom<typeof takeTicketMachine>;
const flowOf = (s: Snap) => (s.value as { session?: { flow?: unknown } }).session?.flow;

async function toPriorityQuestion(actor: ReturnType<typeof start>['actor']) {
  await waitFor(actor, (s) => s.matches('attract'));
  actor.send({ type: 'kiosk.touched' });
  actor.send({ type: 'home.takeTicket' });
  await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'ready' } } }));
  actor.send({ type: 'service.selected', serviceId: 'tu-phap' });
  expect(flowOf(actor.getSnapshot())).toBe('askingPriority');
}

describe('take-ticket machine', () => {
  it('boots to the attract screen with the kiosk info', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    expect(actor.getSnapshot().context.info?.centerName).toBe(INFO.centerName);
  });

  it('happy path: service → not priority → printed number → home by itself', async () => {
    const { actor, clock, issueSpy } = start();
    await toPriorityQuestion(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ session: { flow: { showingTicket: 'printed' } } }));
    expect(issueSpy).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: null });
    expect(actor.getSnapshot().context.ticket?.number).toBe('A012');
    clock.increment(14_999);
    expect(actor.getSnapshot().matches({ session: { flow: { showingTicket: 'printed' } } })).toBe(true);
    clock.increment(1);
    expect(flowOf(actor.getSnapshot())).toBe('home');
    expect(actor.getSnapshot().context.ticket).toBeNull();
    expect(actor.getSnapshot().context.serviceId).toBeNull();
  });

  it('passes the priority category chosen in one touch', async () => {
    const { actor, issueSpy } = start(async ({ priority }) => ticket({ priority }));
    await toPriorityQuestion(actor);
    actor.send({ type: 'priority.chosen', priority: 'pregnant' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
    expect(issueSpy).toHaveBeenCalledWith({ serviceId: 'tu-phap', priority: 'pregnant' });
    expect(actor.getSnapshot().context.ticket?.priority).toBe('pregnant');
  });

  it('printer failure: the number is shown (unprinted) for longer before going home', async () => {
    const { actor, clock } = start(async () => ticket({ printed: false, printError: { code: 'PRINTER_PAPER_OUT', message: 'hết giấy' } }));
    await toPriorityQuestion(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ session: { flow: { showingTicket: 'unprinted' } } }));
    clock.increment(15_000);
    expect(actor.getSnapshot().matches({ session: { flow: { showingTicket: 'unprinted' } } })).toBe(true);
    clock.increment(30_000);
    expect(flowOf(actor.getSnapshot())).toBe('home');
  });

  it('a failed issue shows the error code and can be retried with the same choice', async () => {
    let calls = 0;
    const { actor, issueSpy } = start(async () => {
      calls += 1;
      if (calls === 1) throw new AgentRequestError('NETWORK_ERROR', 'down', 0);
      return ticket();
    });
    await toPriorityQuestion(actor);
    actor.send({ type: 'priority.chosen', priority: 'merit' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'issueFailed' } }));
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK_ERROR');
    actor.send({ type: 'issue.retry' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
    expect(issueSpy).toHaveBeenLastCalledWith({ serviceId: 'tu-phap', priority: 'merit' });
    expect(actor.getSnapshot().context.errorCode).toBeNull();
  });

  it('a service list that fails to load can be retried', async () => {
    const { actor, loadServices } = start();
    loadServices.mockRejectedValueOnce(new AgentRequestError('NETWORK_TIMEOUT', 'slow', 0));
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'home.takeTicket' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'failed' } } }));
    expect(actor.getSnapshot().context.errorCode).toBe('NETWORK_TIMEOUT');
    actor.send({ type: 'services.retry' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'ready' } } }));
    expect(actor.getSnapshot().context.services).toHaveLength(2);
  });

  it('ignores a service that is not in the list', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'home.takeTicket' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'ready' } } }));
    actor.send({ type: 'service.selected', serviceId: 'khong-co' });
    expect(actor.getSnapshot().matches({ session: { flow: { choosingService: 'ready' } } })).toBe(true);
  });

  it('idle timeout returns to attract; each touch re-arms it', async () => {
    const { actor, clock } = start();
    await toPriorityQuestion(actor);
    clock.increment(50_000);
    actor.send({ type: 'nav.back' }); // activity at 50 s
    clock.increment(50_000);
    expect(actor.getSnapshot().matches('session')).toBe(true);
    clock.increment(10_000);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('returning to attract clears every trace of the previous citizen', async () => {
    const { actor, clock } = start(async () => ticket({ printed: false }));
    await toPriorityQuestion(actor);
    actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
    clock.increment(60_000);
    const ctx = actor.getSnapshot().context;
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect({ ticket: ctx.ticket, serviceId: ctx.serviceId, priority: ctx.priority, services: ctx.services, errorCode: ctx.errorCode }).toEqual({
      ticket: null,
      serviceId: null,
      priority: null,
      services: [],
      errorCode: null,
    });
  });

  it('retries the boot by itself when the agent is not up yet', async () => {
    const clock = new SimulatedClock();
    let up = false;
    const actor = createActor(
      takeTicketMachine.provide({
        actors: {
          loadKiosk: fromPromise(async () => {
            if (!up) throw new AgentRequestError('NETWORK_ERROR', 'refused', 0);
            return INFO;
          }),
        },
      }),
      { clock, input: TIMING },
    ).start();
    await waitFor(actor, (s) => s.matches('bootFailed'));
    expect(actor.getSnapshot().context.info).toBeNull();
    up = true;
    clock.increment(5_000);
    await waitFor(actor, (s) => s.matches('attract'));
    // Nobody touched it: the kiosk came back with the centre's details, ready for the first visitor.
    expect(actor.getSnapshot().context.info).toEqual(INFO);
  });
});
