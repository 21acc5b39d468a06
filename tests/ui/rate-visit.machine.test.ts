/** The counter rating tablet's machine: asks after a visit ends, reasons below the top level, one rating per visit. */
import { describe, expect, it, vi as vitest } from 'vitest';
import { SimulatedClock, createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import type { TicketView } from '../../shared/api-schemas';
import type { CounterRatingScreen } from '../../shared/rating-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import type { AgentUpdate } from '../../kiosk-ui/src/agent-client/agent-updates';
import { rateVisitMachine } from '../../kiosk-ui/src/flows/rate-visit/rate-visit.machine';

const base: CounterRatingScreen = {
  counter: { id: '1', name: { vi: 'Quầy số 1', en: 'Counter 1' } },
  officer: { name: 'Nguyễn Thị Lan' },
  current: { number: 'A001', serviceName: { vi: 'Tư pháp', en: 'Justice' } },
  ask: null,
  scale: 3,
  reasons: [
    { id: 'thai-do', label: { vi: 'Thái độ phục vụ', en: 'Attitude' } },
    { id: 'thoi-gian-cho', label: { vi: 'Thời gian chờ lâu', en: 'Long wait' } },
  ],
};
const asking = (ticketId = 't1', number = 'A001'): CounterRatingScreen => ({
  ...base,
  current: null,
  ask: { ticketId, number, finishedAt: '2026-12-02T02:00:00.000Z', until: '2026-12-02T02:01:30.000Z' },
});
const view = { id: 't1', number: 'A001', serviceId: 'tu-phap', priority: null, issuedAt: 'x', status: 'done', ahead: 0, estimatedWaitMinutes: 0 } as TicketView;
const finishedAt = (counterId: string): AgentUpdate => ({ type: 'agent.event', event: { type: 'ticket.updated', at: 'x', data: { ticket: view, action: 'finish', counterId } } });

function start(
  rate: (input: { ticketId: string; level: number; reasons: string[] }) => Promise<unknown> = async () => ({ id: 1, level: 3, scale: 3 }),
  first: CounterRatingScreen = base,
) {
  const clock = new SimulatedClock();
  let server = first;
  const loadScreen = vitest.fn(async () => server);
  const sent = vitest.fn(rate);
  let push: ((u: AgentUpdate) => void) | undefined;
  const machine = rateVisitMachine.provide({
    actors: {
      loadScreen: fromPromise(() => loadScreen()),
      rate: fromPromise(({ input }) => sent(input)),
      updates: fromCallback<AgentUpdate>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { counterId: '1', pollMs: 10_000, thanksMs: 5_000, idleMs: 30_000 } }).start();
  return { actor, clock, loadScreen, sent, push: (u: AgentUpdate) => push?.(u), setServer: (s: CounterRatingScreen) => (server = s) };
}

const ui = (a: ReturnType<typeof start>['actor'], s: 'idle' | 'reasons' | 'thanks') => a.getSnapshot().matches({ live: { ui: s } });

describe('rate-visit machine', () => {
  it('asks when this counter finishes a visit; the top level is sent at once, then thanks and back to idle', async () => {
    const d = start();
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'idle' } }));
    // Another counter's event does not make it ask or even re-read.
    const reads = d.loadScreen.mock.calls.length;
    d.setServer(asking());
    d.push(finishedAt('2'));
    expect(d.loadScreen.mock.calls.length).toBe(reads);
    d.push(finishedAt('1'));
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    d.actor.send({ type: 'rate.level', level: 3 });
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'thanks' } }));
    expect(d.sent).toHaveBeenCalledWith({ counterId: '1', ticketId: 't1', level: 3, reasons: [] });
    // The agent still lists the question until its next read: this tablet does not ask again about t1.
    d.clock.increment(5_000);
    expect(ui(d.actor, 'idle')).toBe(true);
  });

  it('below the top level it offers the reasons; ticking twice unticks; an unknown id is ignored', async () => {
    const d = start(undefined, asking());
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    d.actor.send({ type: 'rate.level', level: 1 });
    expect(ui(d.actor, 'reasons')).toBe(true);
    d.actor.send({ type: 'rate.reason', id: 'thai-do' });
    d.actor.send({ type: 'rate.reason', id: 'thoi-gian-cho' });
    d.actor.send({ type: 'rate.reason', id: 'thai-do' });
    d.actor.send({ type: 'rate.reason', id: 'tien-boi-duong' });
    d.actor.send({ type: 'rate.send' });
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'thanks' } }));
    expect(d.sent).toHaveBeenCalledWith({ counterId: '1', ticketId: 't1', level: 1, reasons: ['thoi-gian-cho'] });
  });

  it('a citizen who chose a level and walked away: the level is sent after the idle time', async () => {
    const d = start(undefined, asking());
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    d.actor.send({ type: 'rate.level', level: 2 });
    d.clock.increment(29_000);
    expect(d.sent).not.toHaveBeenCalled();
    d.clock.increment(1_000);
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'thanks' } }));
    expect(d.sent).toHaveBeenCalledWith({ counterId: '1', ticketId: 't1', level: 2, reasons: [] });
  });

  it('the question goes when the agent stops asking (time up); skip closes it for this tablet', async () => {
    const d = start(undefined, asking());
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    d.setServer(base);
    d.clock.increment(10_000); // the poll
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'idle' } }));

    d.setServer(asking('t2', 'A002'));
    d.push(finishedAt('1'));
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }) && s.context.ticketId === 't2');
    d.actor.send({ type: 'rate.skip' });
    expect(ui(d.actor, 'idle')).toBe(true);
    d.push(finishedAt('1'));
    await waitFor(d.actor, (s) => s.matches({ live: { data: 'steady' } }));
    expect(ui(d.actor, 'idle')).toBe(true);
    expect(d.sent).not.toHaveBeenCalled();
  });

  it('already rated: says so and clears; a network failure keeps the choice to send again', async () => {
    const refused = start(async () => Promise.reject(new AgentRequestError('RATING_NOT_ALLOWED', 'rated', 409)), asking());
    await waitFor(refused.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    refused.actor.send({ type: 'rate.level', level: 3 });
    await waitFor(refused.actor, (s) => s.matches({ live: { ui: 'refused' } }));
    refused.clock.increment(5_000);
    expect(ui(refused.actor, 'idle')).toBe(true);

    let down = true;
    const d = start(async () => (down ? Promise.reject(new AgentRequestError('NETWORK_ERROR', 'down', 0)) : { id: 2, level: 3, scale: 3 }), asking());
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'asking' } }));
    d.actor.send({ type: 'rate.level', level: 3 });
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'unsent' } }));
    expect(d.actor.getSnapshot().context.errorCode).toBe('NETWORK_ERROR');
    down = false;
    d.actor.send({ type: 'rate.send' });
    await waitFor(d.actor, (s) => s.matches({ live: { ui: 'thanks' } }));
    expect(d.sent).toHaveBeenCalledTimes(2);
  });

  it('a tablet without its counter token says why and tries again by itself', async () => {
    let token = false;
    const clock = new SimulatedClock();
    const machine = rateVisitMachine.provide({
      actors: { loadScreen: fromPromise(async () => (token ? base : Promise.reject(new AgentRequestError('COUNTER_TABLET_ONLY', 'no', 403)))) },
    });
    const actor = createActor(machine, { clock, input: { counterId: '1', retryMs: 5_000 } }).start();
    await waitFor(actor, (s) => s.matches('failed'));
    expect(actor.getSnapshot().context.errorCode).toBe('COUNTER_TABLET_ONLY');
    token = true;
    clock.increment(5_000);
    await waitFor(actor, (s) => s.matches('live'));
  });
});
