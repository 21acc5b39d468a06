import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { DisplaySnapshot, RecentCall } from '../../shared/counter-schemas';
import type { AgentEvent } from '../../shared/ws-events';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import type { Announcement } from '../../kiosk-ui/src/flows/lobby-display/announcement';
import { lobbyDisplayMachine } from '../../kiosk-ui/src/flows/lobby-display/lobby-display.machine';

const NOW = Date.parse('2026-11-23T02:10:00.000Z');
const recent = (ticketId: string, number: string, at: string, counterId = '1'): RecentCall => ({
  ticketId,
  number,
  counterId,
  counterName: { vi: `Quầy số ${counterId}`, en: `Counter ${counterId}` },
  serviceId: 'tu-phap',
  at,
  recall: false,
});
const snapshotWith = (calls: RecentCall[], waiting = 3): DisplaySnapshot => ({
  centerName: 'UBND xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  calls,
  counters: ['1', '2', '3', '4'].map((id) => ({ id, name: { vi: `Quầy số ${id}`, en: `Counter ${id}` } })),
  services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp', en: 'Justice' }, waiting }],
});
const called = (ticketId: string, number: string, at: string, counterId = '2', recall = false): AgentEvent => ({
  type: 'ticket.called',
  at,
  data: {
    ticket: { id: ticketId, number, serviceId: 'tu-phap', priority: null, issuedAt: at, status: 'called', counterId, ahead: 0, estimatedWaitMinutes: 0 },
    counterId,
    counterName: { vi: `Quầy số ${counterId}`, en: `Counter ${counterId}` },
    recall,
    calledAt: at,
  },
});

/** The voice under test control: each announcement finishes when the test says so. */
function start(initial: DisplaySnapshot) {
  const clock = new SimulatedClock();
  let server = initial;
  const load = vitest.fn(async () => server);
  const spoken: string[] = [];
  const finishers: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = lobbyDisplayMachine.provide({
    actors: {
      loadSnapshot: fromPromise(() => load()),
      announce: fromPromise<void, Announcement>(({ input }) => {
        spoken.push(input.text);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return new Promise<void>((resolve) => finishers.push(() => ((inFlight -= 1), resolve())));
      }),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { now: () => NOW, announceTimeoutMs: 15_000, connectGraceMs: 3_000, retryMs: 1_000 } }).start();
  return {
    actor,
    clock,
    load,
    spoken,
    maxInFlight: () => maxInFlight,
    finishOne: async () => {
      finishers.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    push: (u: AgentUpdate) => push?.(u),
    setServer: (s: DisplaySnapshot) => (server = s),
  };
}

describe('lobby display machine', () => {
  it('shows the calls already made without announcing them again on start', async () => {
    const d = start(snapshotWith([recent('a', 'A001', '2026-11-23T02:09:00.000Z')]));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    expect(d.actor.getSnapshot().context.snapshot?.calls).toHaveLength(1);
    expect(d.spoken).toEqual([]);
  });

  it('announces every call in order, one at a time, and a recall again', async () => {
    const d = start(snapshotWith([]));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    d.push({ type: 'agent.event', event: called('b', 'A002', '2026-11-23T02:10:01.000Z') });
    d.push({ type: 'agent.event', event: called('c', 'A003', '2026-11-23T02:10:02.000Z', '3') });
    d.push({ type: 'agent.event', event: called('b', 'A002', '2026-11-23T02:10:03.000Z', '2', true) });
    const snap = d.actor.getSnapshot();
    expect(snap.context.speaking?.text).toBe('Mời công dân có số A002 đến Quầy số 2');
    expect(snap.context.queue.map((a) => a.text)).toEqual(['Mời công dân có số A003 đến Quầy số 3', 'Mời công dân có số A002 đến Quầy số 2']);
    expect(snap.context.snapshot?.calls.map((c) => c.number)).toEqual(['A002', 'A003', 'A002']);
    await d.finishOne();
    await d.finishOne();
    await d.finishOne();
    await waitFor(d.actor, (s) => s.context.speaking === null && s.context.queue.length === 0);
    expect(d.spoken).toEqual([
      'Mời công dân có số A002 đến Quầy số 2',
      'Mời công dân có số A003 đến Quầy số 3',
      'Mời công dân có số A002 đến Quầy số 2',
    ]);
    expect(d.maxInFlight()).toBe(1);
  });

  it('an announcement that hangs is given up after the timeout so the queue moves on', async () => {
    const d = start(snapshotWith([]));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    d.push({ type: 'agent.event', event: called('b', 'A002', '2026-11-23T02:10:01.000Z') });
    d.push({ type: 'agent.event', event: called('c', 'A003', '2026-11-23T02:10:02.000Z') });
    d.clock.increment(15_000);
    expect(d.actor.getSnapshot().context.speaking?.call.number).toBe('A003');
  });

  it('says it is reconnecting when the link drops, then catches up and announces the calls it missed', async () => {
    const d = start(snapshotWith([recent('a', 'A001', '2026-11-23T02:00:00.000Z')]));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.matches({ link: 'online', data: 'live' }));
    d.push({ type: 'agent.connection', connected: false });
    expect(d.actor.getSnapshot().matches({ link: 'reconnecting' })).toBe(true);

    // Meanwhile two calls: one a minute ago (still worth announcing), one long ago (only shown).
    d.setServer(
      snapshotWith([
        recent('m', 'A005', '2026-11-23T02:09:00.000Z', '4'),
        recent('old', 'A004', '2026-11-23T01:00:00.000Z'),
        recent('a', 'A001', '2026-11-23T02:00:00.000Z'),
      ]),
    );
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.matches({ link: 'online', data: 'live' }) && s.context.snapshot?.calls.length === 3);
    expect(d.spoken).toEqual(['Mời công dân có số A005 đến Quầy số 4']);
  });

  it('shows "reconnecting" when the live link never comes up, and refreshes waiting counts on queue changes', async () => {
    const d = start(snapshotWith([], 3));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    d.clock.increment(3_000);
    expect(d.actor.getSnapshot().matches({ link: 'reconnecting' })).toBe(true);
    d.setServer(snapshotWith([], 4));
    d.push({ type: 'agent.event', event: { type: 'ticket.updated', at: '2026-11-23T02:10:00.000Z', data: { ticket: (called('x', 'A009', 'x') as Extract<AgentEvent, { type: 'ticket.called' }>).data.ticket, action: 'transfer', counterId: '1' } } });
    await waitFor(d.actor, (s) => s.context.snapshot?.services[0]?.waiting === 4);
  });

  it('a park empties the counter\'s tile from the refetched picture and is never announced', async () => {
    const d = start(snapshotWith([recent('a', 'A001', '2026-11-23T02:09:00.000Z', '1'), recent('b', 'A002', '2026-11-23T02:09:30.000Z', '2')]));
    await waitFor(d.actor, (s) => s.context.snapshot !== null);
    // The agent's picture after counter 1 parked A001: no call of counter 1 (GET /api/display, counter-repository.ts).
    d.setServer(snapshotWith([recent('b', 'A002', '2026-11-23T02:09:30.000Z', '2')]));
    const parked = (called('a', 'A001', '2026-11-23T02:10:00.000Z', '1') as Extract<AgentEvent, { type: 'ticket.called' }>).data.ticket;
    d.push({ type: 'agent.event', event: { type: 'ticket.updated', at: '2026-11-23T02:10:00.000Z', data: { ticket: { ...parked, status: 'parked' }, action: 'park', counterId: '1' } } });
    await waitFor(d.actor, (s) => s.context.snapshot?.calls.every((c) => c.counterId !== '1') === true);
    expect(d.actor.getSnapshot().context.snapshot?.calls.map((c) => c.number)).toEqual(['A002']);
    expect([d.spoken, d.actor.getSnapshot().context.queue]).toEqual([[], []]);
  });

  it('retries the first load by itself when the agent is not up yet', async () => {
    const d = start(snapshotWith([]));
    d.load.mockImplementationOnce(async () => Promise.reject(new Error('down')));
    // The machine started before the mock was set: restart it with the failing first load.
    d.actor.stop();
    const again = createActor(
      lobbyDisplayMachine.provide({ actors: { loadSnapshot: fromPromise(() => d.load()), announce: fromPromise<void, Announcement>(async () => undefined) } }),
      { clock: d.clock, input: { retryMs: 1_000 } },
    ).start();
    await waitFor(again, (s) => s.matches({ data: 'failed' }));
    expect(again.getSnapshot().context.snapshot).toBeNull();
    d.clock.increment(1_000);
    await waitFor(again, (s) => s.matches({ data: 'live' }) && s.context.snapshot !== null);
  });
});
