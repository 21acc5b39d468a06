/** The take-ticket machine beyond the main path: raw touches, the "Không" answer without a category, dead ends. */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromPromise, waitFor, type SnapshotFrom } from 'xstate';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../shared/api-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { DEFAULT_TIMING, takeTicketMachine } from '../../kiosk-ui/src/flows/take-ticket/take-ticket.machine';

const INFO: KioskInfo = { centerName: 'UBND xã Cát Tiên', timezone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420, demo: true, priorityCategories: ['elderly'], pickup: { lockers: true, resultServiceId: null }, ratingScale: 3 };
const SERVICES: ServiceSummary[] = [{ id: 'chung-thuc', prefix: 'B', name: { vi: 'Chứng thực', en: 'Certification' }, waiting: 1, estimatedWaitMinutes: 4 }];
const TICKET: IssuedTicket = {
  id: 't1',
  number: 'B007',
  serviceId: 'chung-thuc',
  priority: null,
  issuedAt: '2026-11-23T01:00:00.000Z',
  ahead: 1,
  estimatedWaitMinutes: 4,
  trackUrl: 'http://127.0.0.1:8080/track/t1',
  printed: true,
};

type IssueInput = { serviceId: string; priority: PriorityCategory | null };

function start(issue: (input: IssueInput) => Promise<IssuedTicket> = async () => TICKET) {
  const clock = new SimulatedClock();
  const inputs: IssueInput[] = [];
  const machine = takeTicketMachine.provide({
    actors: {
      loadKiosk: fromPromise(async () => INFO),
      loadServices: fromPromise(async () => SERVICES),
      issueTicket: fromPromise(({ input }) => {
        inputs.push(input);
        return issue(input);
      }),
    },
  });
  // Empty input: the defaults (60 s idle timeout) are what a real kiosk runs with.
  const actor = createActor(machine, { clock, input: {} }).start();
  return { actor, clock, inputs };
}

type Actor = ReturnType<typeof start>['actor'];
const flowOf = (s: SnapshotFrom<typeof takeTicketMachine>) => (s.value as { session?: { flow?: unknown } }).session?.flow;

async function toPriority(actor: Actor) {
  await waitFor(actor, (s) => s.matches('attract'));
  actor.send({ type: 'kiosk.touched' });
  actor.send({ type: 'home.takeTicket' });
  await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'ready' } } }));
  actor.send({ type: 'service.selected', serviceId: 'chung-thuc' });
}

describe('take-ticket machine: activity and edges', () => {
  it('after 60 s of silence asks "Cần thêm thời gian?" for 15 s, then ends the session', async () => {
    const { actor, clock } = start();
    await toPriority(actor);
    clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    expect(actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    expect(flowOf(actor.getSnapshot())).toBe('askingPriority'); // the screen stays under the question
    clock.increment(DEFAULT_TIMING.idleWarningMs - 1);
    expect(actor.getSnapshot().matches('session')).toBe(true);
    clock.increment(1);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('"Cần thêm thời gian?" answered yes gives the full time again, where the visitor was', async () => {
    const { actor, clock } = start();
    await toPriority(actor);
    clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    actor.send({ type: 'idle.extend' });
    expect(actor.getSnapshot().matches({ session: { idle: 'counting' } })).toBe(true);
    clock.increment(DEFAULT_TIMING.idleTimeoutMs - 1);
    expect(flowOf(actor.getSnapshot())).toBe('askingPriority');
  });

  it('a touch that changes nothing on screen still re-arms the idle timer', async () => {
    const { actor, clock } = start();
    await toPriority(actor);
    clock.increment(59_000);
    actor.send({ type: 'user.activity' });
    expect(flowOf(actor.getSnapshot())).toBe('askingPriority');
    clock.increment(59_000);
    expect(flowOf(actor.getSnapshot())).toBe('askingPriority');
    clock.increment(1_000);
    expect(actor.getSnapshot().matches({ session: { idle: 'warning' } })).toBe(true);
    clock.increment(DEFAULT_TIMING.idleWarningMs);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
  });

  it('"Không" may be sent without a category: the ticket is a normal one', async () => {
    const { actor, inputs } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { showingTicket: 'printed' } } }));
    expect(inputs).toEqual([{ serviceId: 'chung-thuc', priority: null }]);
  });

  it('"Xong" on the ticket goes home at once and forgets the ticket', async () => {
    const { actor } = start();
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: 'elderly' });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'showingTicket' } }));
    actor.send({ type: 'ticket.done' });
    expect(flowOf(actor.getSnapshot())).toBe('home');
    expect(actor.getSnapshot().context).toMatchObject({ ticket: null, serviceId: null, priority: null });
  });

  it('an unknown service (stale list) is reported by code, and "Về trang chủ" leaves the error behind', async () => {
    const { actor } = start(async () => {
      throw new AgentRequestError('SERVICE_NOT_FOUND', 'không có', 404);
    });
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'issueFailed' } }));
    expect(actor.getSnapshot().context.errorCode).toBe('SERVICE_NOT_FOUND');
    actor.send({ type: 'nav.home' });
    expect(flowOf(actor.getSnapshot())).toBe('home');
    expect(actor.getSnapshot().context.errorCode).toBeNull();
  });

  it('an error that is not the agent\'s is still a code the screen can branch on', async () => {
    const { actor } = start(async () => {
      throw new Error('boom');
    });
    await toPriority(actor);
    actor.send({ type: 'priority.chosen', priority: null });
    await waitFor(actor, (s) => s.matches({ session: { flow: 'issueFailed' } }));
    expect(actor.getSnapshot().context.errorCode).toBe('UNKNOWN');
  });

  it('"Quay lại" from the priority question returns to the loaded service list without reloading it', async () => {
    const { actor } = start();
    await toPriority(actor);
    actor.send({ type: 'nav.back' });
    expect(actor.getSnapshot().matches({ session: { flow: { choosingService: 'ready' } } })).toBe(true);
    expect(actor.getSnapshot().context.services).toHaveLength(1);
  });

  it('the priority button on the attract screen goes straight to the services as a priority visitor', async () => {
    const { actor } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.priorityTouched' });
    await waitFor(actor, (s) => s.matches({ session: { flow: { choosingService: 'ready' } } }));
    expect(actor.getSnapshot().context.priorityPath).toBe(true);
    actor.send({ type: 'nav.home' });
    expect(actor.getSnapshot().context.priorityPath).toBe(false);
  });

  it('language and display modes last for the session and are cleared for the next visitor', async () => {
    const { actor, clock } = start();
    await waitFor(actor, (s) => s.matches('attract'));
    actor.send({ type: 'kiosk.touched' });
    actor.send({ type: 'prefs.language', lang: 'en' });
    actor.send({ type: 'prefs.toggle', pref: 'largeText' });
    actor.send({ type: 'prefs.toggle', pref: 'reach' });
    actor.send({ type: 'prefs.toggle', pref: 'reach' });
    actor.send({ type: 'home.takeTicket' });
    expect(actor.getSnapshot().context.prefs).toEqual({ lang: 'en', largeText: true, highContrast: false, reach: false });
    clock.increment(DEFAULT_TIMING.idleTimeoutMs);
    clock.increment(DEFAULT_TIMING.idleWarningMs);
    expect(actor.getSnapshot().matches('attract')).toBe(true);
    expect(actor.getSnapshot().context.prefs).toEqual({ lang: 'vi', largeText: false, highContrast: false, reach: false });
  });
});
