import { describe, expect, it, vi as vitest } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { staffStatsMachine, type StatsRange, type StatsView } from '../../kiosk-ui/src/flows/staff-stats/staff-stats.machine';

const view = (from = '2026-11-23', to = from): StatsView => ({
  stats: { from, to, ratingScale: 3, services: [], counters: [] },
  serviceNames: {},
  counterNames: {},
});

function start(load: (range: StatsRange, token: string) => Promise<StatsView>, token: string | null = null) {
  const loadSpy = vitest.fn(load);
  const save = vitest.fn(async (_range: StatsRange) => undefined);
  const forgetToken = vitest.fn();
  const machine = staffStatsMachine.provide({
    actors: {
      loadReport: fromPromise(({ input }) => loadSpy(input.period, input.token)),
      saveCsv: fromPromise(async ({ input }) => save(input.period)),
    },
    actions: { forgetToken },
  });
  return { actor: createActor(machine, { input: { token } }).start(), loadSpy, save, forgetToken };
}

describe('statistics page machine', () => {
  it('signs in, shows today (the agent decides which day that is), then a chosen range, and saves its CSV', async () => {
    const { actor, loadSpy, save } = start(async (r) => view(r.from, r.to));
    expect(actor.getSnapshot().value).toBe('signedOut');
    actor.send({ type: 'token.submitted', token: 'tok-tok-tok-tok-tok' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(loadSpy).toHaveBeenLastCalledWith({}, 'tok-tok-tok-tok-tok');
    actor.send({ type: 'range.set', from: '2026-11-01', to: '2026-11-23' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.period.from === '2026-11-01');
    actor.send({ type: 'csv.save' });
    await waitFor(actor, (s) => s.context.saved);
    expect(save).toHaveBeenCalledWith({ from: '2026-11-01', to: '2026-11-23' });
  });

  it('a bad range keeps the figures on screen with the reason; a refused token signs out', async () => {
    let n = 0;
    const { actor } = start(async () => (n++ === 0 ? view() : Promise.reject(new AgentRequestError('VALIDATION_FAILED', 'from after to', 400))), 'tok');
    await waitFor(actor, (s) => s.matches('ready'));
    actor.send({ type: 'range.set', from: '2026-11-23', to: '2026-11-01' });
    await waitFor(actor, (s) => s.matches('ready') && s.context.errorCode === 'VALIDATION_FAILED');
    expect(actor.getSnapshot().context.report?.stats.from).toBe('2026-11-23');

    const refused = start(async () => Promise.reject(new AgentRequestError('UNAUTHORIZED', 'no', 401)), 'old');
    await waitFor(refused.actor, (s) => s.matches('signedOut') && s.context.errorCode === 'UNAUTHORIZED');
    expect(refused.forgetToken).toHaveBeenCalled();
  });
});
