/**
 * What a staff report page's machine does by the options its page gives it (ui/staff-report.machine.ts), with a
 * small report and the agent as a double: only the page's own period event is acted on; with no check of its own a
 * backwards period goes to the agent and its refusal is shown over the figures; a typed-in token is taken only where
 * the page allows it; a session that ends while the CSV is saved signs the page out and forgets the figures, so
 * the next officer signs in to their own. The pages' own behaviour is in service-quality.machine.test.ts and
 * staff-stats.machine.test.ts.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { staffReportMachine, type ReportPeriod, type StaffReportOptions } from '../../kiosk-ui/src/ui/staff-report.machine';

interface Tally {
  days: { first: string; last: string };
  served: number;
}

/** The agent: yesterday and today when no period is given; refuses a backwards one; `tok-ok` is the session, live until ended. */
function start(options: Partial<StaffReportOptions<Tally>> = {}, token: string | null = 'tok-ok') {
  let sessionLive = true;
  const load = vitest.fn(async (period: ReportPeriod, tok: string): Promise<Tally> => {
    if (!sessionLive || tok !== 'tok-ok') throw new AgentRequestError('UNAUTHORIZED', 'no', 401);
    const first = period.from ?? '2026-11-22';
    const last = period.to ?? '2026-11-23';
    if (first > last) throw new AgentRequestError('VALIDATION_FAILED', 'from after to', 400);
    return { days: { first, last }, served: 12 };
  });
  const save = vitest.fn(async () => {
    if (!sessionLive) throw new AgentRequestError('UNAUTHORIZED', 'no', 401);
  });
  const forgetToken = vitest.fn();
  const machine = staffReportMachine<Tally>({ id: 'tally', periodEvent: 'range.set', periodOf: (t) => ({ from: t.days.first, to: t.days.last }), ...options }).provide({
    actors: {
      loadReport: fromPromise(({ input }) => load(input.period, input.token)),
      saveCsv: fromPromise(save),
      signIn: fromPromise(async ({ input }) => {
        if (input.password !== 'mat-khau-2026') throw new AgentRequestError('STAFF_CREDENTIALS_INVALID', 'wrong', 401, { attemptsLeft: 4 });
        sessionLive = true;
        return { token: 'tok-ok' };
      }),
    },
    actions: { forgetToken },
  });
  const actor = createActor(machine, { input: { token } }).start();
  return { actor, load, save, forgetToken, endSession: () => (sessionLive = false) };
}

describe('staff report machine', () => {
  it("acts on the page's own period event only, and reads the period covered from the figures", async () => {
    const { actor, load } = start();
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    expect(actor.getSnapshot().context.period).toEqual({ from: '2026-11-22', to: '2026-11-23' });
    actor.send({ type: 'period.set', from: '2026-11-01', to: '2026-11-23' });
    expect(actor.getSnapshot().matches({ ready: 'idle' })).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
    actor.send({ type: 'range.set', from: '2026-11-01', to: '2026-11-23' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.report?.days.first === '2026-11-01');
    expect(load).toHaveBeenLastCalledWith({ from: '2026-11-01', to: '2026-11-23' }, 'tok-ok');
  });

  it("without a check of the page's own, a backwards period is asked for and the agent's refusal shown over the figures", async () => {
    const { actor, load } = start();
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'range.set', from: '2026-11-23', to: '2026-11-01' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.errorCode !== null);
    expect(load).toHaveBeenCalledTimes(2);
    expect(actor.getSnapshot().context).toMatchObject({ errorCode: 'VALIDATION_FAILED', problem: null, report: { days: { first: '2026-11-22' } } });

    // With one, the same period is refused before asking, with the page's reason.
    const checked = start({ periodProblem: (from, to) => (from > to ? 'order' : null) });
    await waitFor(checked.actor, (s) => s.matches({ ready: 'idle' }));
    checked.actor.send({ type: 'range.set', from: '2026-11-23', to: '2026-11-01' });
    expect(checked.actor.getSnapshot().context).toMatchObject({ problem: 'order', errorCode: null });
    expect(checked.load).toHaveBeenCalledTimes(1);
  });

  it('takes a typed-in token only where the page allows it', async () => {
    const closed = start({}, null);
    closed.actor.send({ type: 'token.submitted', token: ' tok-ok ' });
    expect(closed.actor.getSnapshot().value).toBe('signedOut');
    expect(closed.load).not.toHaveBeenCalled();

    const open = start({ acceptsToken: true }, null);
    open.actor.send({ type: 'token.submitted', token: '   ' });
    expect(open.actor.getSnapshot().value).toBe('signedOut');
    open.actor.send({ type: 'token.submitted', token: ' tok-ok ' });
    await waitFor(open.actor, (s) => s.matches('ready'));
    expect(open.load).toHaveBeenLastCalledWith({}, 'tok-ok');
  });

  it('a session that ends while the CSV is saved signs the page out and forgets the figures; signing in loads afresh', async () => {
    const { actor, save, forgetToken, endSession, load } = start();
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    actor.send({ type: 'csv.save' });
    await waitFor(actor, (s) => s.context.saved);
    endSession();
    actor.send({ type: 'csv.save' });
    await waitFor(actor, (s) => s.matches('signedOut'));
    expect(save).toHaveBeenCalledTimes(2);
    expect(forgetToken).toHaveBeenCalledTimes(1);
    // The sign-in form says the session ended, and no figures are left to show behind it.
    expect(actor.getSnapshot().context).toMatchObject({ token: null, report: null, errorCode: 'UNAUTHORIZED', saved: false });

    actor.send({ type: 'credentials.submitted', username: 'hoa', password: 'mat-khau-2026' });
    const loading = await waitFor(actor, (s) => s.matches('loading'));
    expect(loading.context.report).toBeNull();
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }));
    expect(load).toHaveBeenCalledTimes(2);
  });
});
