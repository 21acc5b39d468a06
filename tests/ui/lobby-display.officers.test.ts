/**
 * The lobby display with `display.showOfficer` (issue 19): each tile names the officer signed in at its counter, as
 * the agent's picture says; `counter.officerChanged` (a sign-in or sign-out) fetches the picture again, so the name
 * follows who sits there; a picture without `officers` (the flag off) leaves no line for a name at all.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { DisplaySnapshot } from '../../shared/counter-schemas';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import { zoneBoard } from '../../kiosk-ui/src/flows/lobby-display/display-board';
import { layoutOf } from '../../kiosk-ui/src/flows/lobby-display/lobby-display.context';
import { lobbyDisplayMachine } from '../../kiosk-ui/src/flows/lobby-display/lobby-display.machine';

const picture = (officers?: DisplaySnapshot['officers']): DisplaySnapshot => ({
  centerName: 'UBND xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  utcOffsetMinutes: 420,
  calls: [],
  counters: ['1', '2'].map((id) => ({ id, name: { vi: `Quầy số ${id}`, en: `Counter ${id}` } })),
  ...(officers ? { officers } : {}),
  services: [{ id: 'tu-phap', prefix: 'A', name: { vi: 'Tư pháp', en: 'Justice' }, waiting: 0 }],
});

function start(initial: DisplaySnapshot) {
  let server = initial;
  const load = vitest.fn(async () => server);
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = lobbyDisplayMachine.provide({
    actors: {
      loadSnapshot: fromPromise(() => load()),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    },
  });
  const actor = createActor(machine, { clock: new SimulatedClock(), input: { now: () => Date.parse('2026-11-23T02:10:00.000Z') } }).start();
  const officers = () => {
    const { snapshot, zone } = actor.getSnapshot().context;
    return snapshot ? zoneBoard(snapshot, zone).tiles.map((t) => [t.counter.name.vi, t.officer]) : [];
  };
  return { actor, load, officers, push: (u: AgentUpdate) => push?.(u), setServer: (s: DisplaySnapshot) => (server = s) };
}

describe('lobby display: the officer at each counter', () => {
  it('names the officer signed in at a counter, and follows a sign-in and a sign-out', async () => {
    const d = start(picture([{ counterId: '2', name: 'Nguyễn Thị Lan' }]));
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(d.officers()).toEqual([
      ['Quầy số 1', null],
      ['Quầy số 2', 'Nguyễn Thị Lan'],
    ]);
    expect(layoutOf(d.actor.getSnapshot().context).officerPx).toBeGreaterThan(0);

    // Minh signs in at counter 1 and Lan signs out of counter 2: the agent says so, the display asks again.
    d.setServer(picture([{ counterId: '1', name: 'Trần Văn Minh' }]));
    d.push({ type: 'agent.event', event: { type: 'counter.officerChanged', at: '2026-11-23T02:11:00.000Z', data: { counterId: '1' } } });
    await waitFor(d.actor, (s) => s.matches({ data: { live: 'steady' } }) && d.load.mock.calls.length === 2);
    expect(d.officers()).toEqual([
      ['Quầy số 1', 'Trần Văn Minh'],
      ['Quầy số 2', null],
    ]);
  });

  it('a picture without officers (display.showOfficer off) names no one and keeps no line for a name', async () => {
    const d = start(picture());
    await waitFor(d.actor, (s) => s.matches({ data: 'live' }));
    expect(d.officers()).toEqual([
      ['Quầy số 1', null],
      ['Quầy số 2', null],
    ]);
    expect(layoutOf(d.actor.getSnapshot().context).officerPx).toBe(0);
  });
});
