/**
 * The service-quality report page's machine with its IO doubled: a supervisor signs in and sees this month (the
 * agent's choice), picks a period, saves the CSV and prints; an officer is told the page is for supervisors; a
 * period the agent would refuse is refused before asking; a session that ended signs the page out.
 */
import { describe, expect, it, vi as vitest } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { monthRange, reportRangeProblem, type QualityFigures, type ServiceQualityReport } from '../../shared/report-schemas';
import { AgentRequestError } from '../../kiosk-ui/src/agent-client/agent-client';
import { serviceQualityMachine, type ReportPeriod } from '../../kiosk-ui/src/flows/service-quality/service-quality.machine';

const none: QualityFigures = {
  served: 0,
  noShows: 0,
  averageWaitMinutes: null,
  averageServiceMinutes: null,
  ratings: { scale3: [0, 0, 0], scale5: [0, 0, 0, 0, 0], total: 0, satisfied: 0, satisfactionPercent: null },
  handoversOnTime: 0,
  handoversLate: 0,
};
const report = (from: string, to: string): ServiceQualityReport => ({
  from,
  to,
  centerName: 'Trung tâm Phục vụ hành chính công xã Cát Tiên',
  timezone: 'Asia/Ho_Chi_Minh',
  ratingScale: 3,
  officers: [{ officerId: 7, name: 'Nguyễn Thị Lan', username: 'lan', ...none, served: 3 }],
  services: [],
  cells: [],
  centre: { ...none, served: 3 },
});

/** The agent: this month when no period is given; `lan` is an officer, `hoa` a supervisor. */
function start(options: { token?: string | null; period?: ReportPeriod; load?: (period: ReportPeriod, token: string) => Promise<ServiceQualityReport> } = {}) {
  const load = vitest.fn(
    options.load ??
      (async (period: ReportPeriod, token: string) => {
        if (token === 'tok-lan') throw new AgentRequestError('STAFF_ROLE_REQUIRED', 'supervisors only', 403);
        if (token !== 'tok-hoa') throw new AgentRequestError('UNAUTHORIZED', 'no', 401);
        return period.from && period.to ? report(period.from, period.to) : report('2026-11-01', '2026-11-30');
      }),
  );
  const save = vitest.fn(async (_period: ReportPeriod) => undefined);
  const actions = { forgetToken: vitest.fn(), saveToken: vitest.fn(), printPage: vitest.fn() };
  const machine = serviceQualityMachine.provide({
    actors: {
      loadReport: fromPromise(({ input }) => load(input.period, input.token)),
      saveCsv: fromPromise(({ input }) => save(input.period)),
      signIn: fromPromise(async ({ input }) => {
        if (input.password !== 'mat-khau-2026') throw new AgentRequestError('STAFF_CREDENTIALS_INVALID', 'wrong', 401, { attemptsLeft: 4 });
        return { token: `tok-${input.username}` };
      }),
    },
    actions,
  });
  const actor = createActor(machine, { input: { token: options.token ?? null, ...(options.period ? { period: options.period } : {}) } }).start();
  return { actor, load, save, ...actions };
}

describe('service-quality report page machine', () => {
  it('signs a supervisor in, shows this month, then a chosen period; saves its CSV and prints', async () => {
    const { actor, load, save, saveToken, printPage } = start();
    expect(actor.getSnapshot().value).toBe('signedOut');
    actor.send({ type: 'credentials.submitted', username: ' hoa ', password: 'sai' });
    await waitFor(actor, (s) => s.matches('signedOut') && s.context.refusal !== null);
    expect(actor.getSnapshot().context.refusal).toMatchObject({ code: 'STAFF_CREDENTIALS_INVALID', attemptsLeft: 4 });

    actor.send({ type: 'credentials.submitted', username: ' hoa ', password: 'mat-khau-2026' });
    await waitFor(actor, (s) => s.matches('ready'));
    expect(load).toHaveBeenLastCalledWith({}, 'tok-hoa');
    expect(saveToken).toHaveBeenCalled();
    expect(actor.getSnapshot().context.period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(actor.getSnapshot().context.report?.officers[0]?.name).toBe('Nguyễn Thị Lan');

    actor.send({ type: 'period.set', from: '2026-10-01', to: '2026-10-31' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.report?.from === '2026-10-01');
    actor.send({ type: 'csv.save' });
    await waitFor(actor, (s) => s.context.saved);
    expect(save).toHaveBeenCalledWith({ from: '2026-10-01', to: '2026-10-31' });
    actor.send({ type: 'print' });
    expect(printPage).toHaveBeenCalledTimes(1);
  });

  it('refuses a backwards or over-long period before asking, keeping the figures shown', async () => {
    const { actor, load } = start({ token: 'tok-hoa' });
    await waitFor(actor, (s) => s.matches('ready'));
    const calls = load.mock.calls.length;
    actor.send({ type: 'period.set', from: '2026-11-30', to: '2026-11-01' });
    expect(actor.getSnapshot().context.problem).toBe('order');
    actor.send({ type: 'period.set', from: '2025-01-01', to: '2026-11-30' });
    expect(actor.getSnapshot().context.problem).toBe('tooLong');
    expect(load.mock.calls.length).toBe(calls);
    expect(actor.getSnapshot().context.report?.from).toBe('2026-11-01');
    // A right period clears the reason.
    actor.send({ type: 'period.set', from: '2025-12-01', to: '2026-11-30' });
    await waitFor(actor, (s) => s.matches({ ready: 'idle' }) && s.context.report?.from === '2025-12-01');
    expect(actor.getSnapshot().context.problem).toBeNull();
  });

  it('an officer is told the page is for supervisors and may sign in as someone else', async () => {
    const { actor, forgetToken } = start({ token: 'tok-lan' });
    await waitFor(actor, (s) => s.matches('notSupervisor'));
    expect(actor.getSnapshot().context.errorCode).toBe('STAFF_ROLE_REQUIRED');
    // The officer's token is not thrown away by being refused here (their counter console still uses it).
    expect(forgetToken).not.toHaveBeenCalled();
    actor.send({ type: 'signOut' });
    expect(actor.getSnapshot().value).toBe('signedOut');
    expect(forgetToken).toHaveBeenCalled();
  });

  it('the print view loads its month; a session that ended signs out; a failure offers a retry', async () => {
    const printed = start({ token: 'tok-hoa', period: monthRange('2026-02') });
    await waitFor(printed.actor, (s) => s.matches('ready'));
    expect(printed.load).toHaveBeenLastCalledWith({ from: '2026-02-01', to: '2026-02-28' }, 'tok-hoa');

    const ended = start({ token: 'tok-old' });
    await waitFor(ended.actor, (s) => s.matches('signedOut'));
    expect([ended.actor.getSnapshot().context.errorCode, ended.forgetToken.mock.calls.length]).toEqual(['UNAUTHORIZED', 1]);

    let n = 0;
    const flaky = start({ token: 'tok-hoa', load: async () => (n++ === 0 ? Promise.reject(new AgentRequestError('NETWORK_ERROR', 'down', 0)) : report('2026-11-01', '2026-11-30')) });
    await waitFor(flaky.actor, (s) => s.matches('failed'));
    expect(flaky.actor.getSnapshot().context.errorCode).toBe('NETWORK_ERROR');
    flaky.actor.send({ type: 'retry' });
    await waitFor(flaky.actor, (s) => s.matches('ready'));
  });

  it('months and periods: leap years, the 366-day limit', () => {
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(reportRangeProblem('2028-01-01', '2028-12-31')).toBeNull(); // 366 days
    expect(reportRangeProblem('2027-01-01', '2028-01-01')).toBeNull(); // 366 days
    expect(reportRangeProblem('2027-01-01', '2028-01-02')).toBe('tooLong');
    expect(reportRangeProblem('2026-11-02', '2026-11-01')).toBe('order');
  });
});
