/**
 * The lobby display machine with a zone and with pages, on a simulated clock: a display learns its zone, announces
 * only its counters' calls, says so when its address names no display, turns its pages every PAGE_TURN_MS when
 * the zone does not fit, and turns at once to a new call's page, keeping it there a whole interval.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import type { Announcement } from '../../kiosk-ui/src/flows/lobby-display/announcement';
import { PAGE_TURN_MS } from '../../kiosk-ui/src/flows/lobby-display/display-paging';
import { layoutOf } from '../../kiosk-ui/src/flows/lobby-display/lobby-display.context';
import { lobbyDisplayMachine, type LobbyDisplayInput } from '../../kiosk-ui/src/flows/lobby-display/lobby-display.machine';
import type { DisplaySnapshot } from '../../shared/counter-schemas';
import type { DisplayZone } from '../../shared/display-schemas';
import type { AgentEvent } from '../../shared/ws-events';

const NOW = Date.parse('2026-11-23T02:10:00.000Z');
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
const name = (id: string) => ({ vi: `Quầy số ${id}`, en: `Counter ${id}` });
const snapshot: DisplaySnapshot = {
  centerName: 'Trung tâm Phục vụ hành chính công tỉnh',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  calls: [],
  counters: ids(1, 40).map((id) => ({ id, name: name(id) })),
  services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp', en: 'Justice' }, waiting: 3 }],
};
const zoneA: DisplayZone = { id: 'tang-1', name: { vi: 'Tầng 1', en: 'Floor 1' }, counters: ids(1, 20).map((id) => ({ id, name: name(id) })), services: snapshot.services };
const called = (number: string, counterId: string, second: number): AgentEvent => {
  const at = `2026-11-23T02:10:${String(second).padStart(2, '0')}.000Z`;
  return {
    type: 'ticket.called',
    at,
    data: {
      ticket: { id: `t-${number}`, number, serviceId: 'tu-phap', priority: null, issuedAt: at, status: 'called', counterId, ahead: 0, estimatedWaitMinutes: 0 },
      counterId,
      counterName: name(counterId),
      recall: false,
      calledAt: at,
    },
  };
};

const recent = (number: string, counterId: string) => {
  const { data } = called(number, counterId, 0) as Extract<AgentEvent, { type: 'ticket.called' }>;
  return { ticketId: data.ticket.id, number, counterId, counterName: data.counterName, serviceId: 'tu-phap', at: data.calledAt, recall: false };
};

function start(input: LobbyDisplayInput, loadZone: (id: string) => Promise<DisplayZone> = async () => zoneA, server: () => DisplaySnapshot = () => snapshot) {
  const clock = new SimulatedClock();
  const spoken: string[] = [];
  const zoneRequests: string[] = [];
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = lobbyDisplayMachine.provide({
    actors: {
      loadZone: fromPromise<DisplayZone, string>(({ input: id }) => (zoneRequests.push(id), loadZone(id))),
      loadSnapshot: fromPromise(async () => server()),
      // Each announcement "speaks" until the simulated clock ends it (the announce timeout).
      announce: fromPromise<void, Announcement>(({ input: a }) => (spoken.push(a.text), new Promise<void>(() => undefined))),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { now: () => NOW, retryMs: 1_000, ...input } }).start();
  return { actor, clock, spoken, zoneRequests, push: (u: AgentUpdate) => push?.(u), page: () => actor.getSnapshot().context.page };
}

describe('lobby display: zones', () => {
  it('/display/tang-1 learns its zone, shows and announces only its counters\' calls', async () => {
    const d = start({ displayId: 'tang-1' });
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(d.zoneRequests).toEqual(['tang-1']);
    expect(d.actor.getSnapshot().context.zone?.counters).toHaveLength(20);
    d.push({ type: 'agent.event', event: called('B005', '30', 1) });
    d.push({ type: 'agent.event', event: called('A007', '12', 2) });
    await waitFor(d.actor, (s) => s.context.speaking !== null);
    expect(d.spoken).toEqual(['Mời công dân có số A007 đến Quầy số 12']);
    expect(d.actor.getSnapshot().context.queue).toEqual([]);
  });

  it('/display (no id) asks for no zone and announces every counter', async () => {
    const d = start({});
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(d.zoneRequests).toEqual([]);
    d.push({ type: 'agent.event', event: called('B005', '30', 1) });
    expect(d.spoken).toEqual(['Mời công dân có số B005 đến Quầy số 30']);
  });

  it('catching up after a reconnect announces the missed calls of its zone only', async () => {
    let server = snapshot;
    const d = start({ displayId: 'tang-1' }, undefined, () => server);
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.matches({ link: 'online', data: 'live' }));
    d.push({ type: 'agent.connection', connected: false });
    const missed = (n: string, counterId: string) => ({ ...recent(n, counterId), at: '2026-11-23T02:09:30.000Z' });
    server = { ...snapshot, calls: [missed('B009', '33'), missed('A009', '7')] };
    d.push({ type: 'agent.connection', connected: true });
    await waitFor(d.actor, (s) => s.context.snapshot?.calls.length === 2 && s.context.speaking !== null);
    expect(d.spoken).toEqual(['Mời công dân có số A009 đến Quầy số 7']);
    expect(d.actor.getSnapshot().context.queue).toEqual([]);
  });

  it('an unknown display stops at unknownDisplay; a network failure retries by itself', async () => {
    const unknown = start({ displayId: 'tang-9' }, async () => Promise.reject(new AgentRequestError('DISPLAY_NOT_FOUND', 'Không có màn hình', 404)));
    await waitFor(unknown.actor, (s) => s.matches({ data: 'unknownDisplay' }));
    unknown.clock.increment(10_000);
    expect(unknown.actor.getSnapshot().matches({ data: 'unknownDisplay' })).toBe(true);
    expect(unknown.actor.getSnapshot().context.snapshot).toBeNull();

    let fails = 1;
    const flaky = start({ displayId: 'tang-1' }, async () => (fails-- > 0 ? Promise.reject(new AgentRequestError('NETWORK_ERROR', 'down', 0)) : zoneA));
    await waitFor(flaky.actor, (s) => s.matches({ data: 'zoneFailed' }));
    flaky.clock.increment(1_000);
    await waitFor(flaky.actor, (s) => s.matches({ data: 'live' }));
    expect(flaky.zoneRequests).toEqual(['tang-1', 'tang-1']);
  });
});

describe('lobby display: pages', () => {
  it('40 counters on a 1080p TV: three pages turning every 8 s, back to the first', async () => {
    const d = start({ viewport: { width: 1920, height: 1080 } });
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(layoutOf(d.actor.getSnapshot().context).tiles.pages).toBe(3);
    const seen = [d.page().tiles];
    for (let i = 0; i < 3; i += 1) {
      d.clock.increment(PAGE_TURN_MS - 1);
      expect(d.page().tiles).toBe(seen.at(-1));
      d.clock.increment(1);
      seen.push(d.page().tiles);
    }
    expect(seen).toEqual([0, 1, 2, 0]);
  });

  it('a new call turns to its counter\'s page at once and holds it a whole interval', async () => {
    const d = start({ viewport: { width: 1920, height: 1080 } });
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    d.clock.increment(PAGE_TURN_MS - 1_000);
    d.push({ type: 'agent.event', event: called('A040', '40', 5) });
    expect(d.page().tiles).toBe(2);
    d.clock.increment(PAGE_TURN_MS - 1);
    expect(d.page().tiles).toBe(2);
    d.clock.increment(1);
    expect(d.page().tiles).toBe(0);
  });

  it("a call outside the zone neither turns the page nor restarts the interval", async () => {
    const d = start({ displayId: 'tang-1', viewport: { width: 1280, height: 720 } });
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(layoutOf(d.actor.getSnapshot().context).tiles.pages).toBe(2);
    d.clock.increment(PAGE_TURN_MS - 1_000);
    d.push({ type: 'agent.event', event: called('B005', '35', 5) });
    expect(d.page().tiles).toBe(0);
    d.clock.increment(1_000);
    expect(d.page().tiles).toBe(1);
  });

  it('one page never turns; a larger screen after a resize brings the pages down and the page back in range', async () => {
    const d = start({ displayId: 'tang-1', viewport: { width: 1280, height: 720 } });
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    d.clock.increment(PAGE_TURN_MS);
    expect(d.page().tiles).toBe(1);
    d.actor.send({ type: 'display.resized', width: 3840, height: 1200 });
    const layout = layoutOf(d.actor.getSnapshot().context);
    expect(layout.tiles.pages).toBe(1);
    d.clock.increment(PAGE_TURN_MS);
    expect(d.page().tiles).toBe(0);
    d.clock.increment(PAGE_TURN_MS);
    expect(d.page().tiles).toBe(0);
  });
});
