/**
 * The machine behind a staff report page (/stats, /reports/service-quality and its print view), made once here so
 * the pages cannot drift apart: the staff sign-in gate, loading the figures for a period (the agent picks the
 * period when none is given), "not a supervisor", a failure with a retry, saving the CSV, printing. A page makes
 * its own with `staffReportMachine()` — its id, the name of its period event, where its figures say which days
 * they cover, and a check of a period before asking — and provides its IO in its actors file: `loadReport`,
 * `saveCsv`, `signIn`, and the `saveToken`, `forgetToken` and `printPage` actions. No React and no IO here.
 */
import { assign, fromPromise, setup } from 'xstate';
import { errorCodeOf, errorEventCode, type AgentErrorCode } from '../agent-client/agent-client';
import { signInRefusal, type SignInRefusal } from '../agent-client/sign-in-refusal';

/** The days asked for (YYYY-MM-DD, the centre's days); none: the agent's default (today, this month). */
export interface ReportPeriod {
  from?: string;
  to?: string;
}

/** Why a period is refused before asking (shared/report-schemas.ts reportRangeProblem). */
export type PeriodProblem = 'order' | 'tooLong';

export interface StaffReportContext<R> {
  token: string | null;
  period: ReportPeriod;
  report: R | null;
  errorCode: AgentErrorCode | null;
  /** A period refused before asking: its reason. */
  problem: PeriodProblem | null;
  saved: boolean;
  /** Why the last sign-in was refused, with its facts (attempts left, locked until). */
  refusal: SignInRefusal | null;
}

/**
 * Choosing a period is `period.set` on the service-quality pages and `range.set` on /stats, the names they had
 * before they shared this machine; each machine acts on its own name only (StaffReportOptions.periodEvent).
 */
export type PeriodEventType = 'period.set' | 'range.set';

export type StaffReportEvent =
  | { type: 'token.submitted'; token: string }
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: PeriodEventType; from: string; to: string }
  | { type: 'csv.save' }
  | { type: 'print' }
  | { type: 'retry' }
  | { type: 'signOut' };

/** What the IO actors are given: the token and the period asked for. */
export interface ReportJob {
  token: string;
  period: ReportPeriod;
}

export interface StaffReportOptions<R> {
  id: string;
  periodEvent: PeriodEventType;
  /** The days the figures cover: the period asked for, or the agent's choice when none was. */
  periodOf: (report: R) => { from: string; to: string };
  /** A period the agent would refuse, refused here first with the same reason; none: the agent's answer says. */
  periodProblem?: (from: string, to: string) => PeriodProblem | null;
  /** Whether a token may be typed in (`token.submitted`) instead of an officer's username and password. */
  acceptsToken?: boolean;
}

export function staffReportMachine<R>(options: StaffReportOptions<R>) {
  // The period event's transition is keyed by options.periodEvent, a computed key, so XState cannot type its event:
  // these say what it is (only that event reaches them).
  type Chosen = { event: Extract<StaffReportEvent, { type: PeriodEventType }> };
  const problemOf = ({ event }: Chosen) => options.periodProblem?.(event.from, event.to) ?? null;
  return setup({
    types: {
      context: {} as StaffReportContext<R>,
      events: {} as StaffReportEvent,
      /** `period`: the days to load first (the print view's month); none: the agent's default. */
      input: {} as { token?: string | null; period?: ReportPeriod },
    },
    actors: {
      loadReport: fromPromise<R, ReportJob>(async () => {
        throw new Error('loadReport not provided');
      }),
      saveCsv: fromPromise<void, ReportJob>(async () => {
        throw new Error('saveCsv not provided');
      }),
      signIn: fromPromise<{ token: string }, { username: string; password: string }>(async () => {
        throw new Error('signIn not provided');
      }),
    },
    actions: {
      // The agent no longer takes the token (a session ended, or was ended elsewhere): sign in again.
      sessionEnded: assign({ token: null, report: null, errorCode: 'UNAUTHORIZED' }),
      saveToken: () => undefined,
      forgetToken: () => undefined,
      // A page without a print view leaves it so: `print` then does nothing.
      printPage: () => undefined,
    },
    guards: {
      hasToken: ({ context }) => !!context.token,
      unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
      notSupervisor: ({ event }) => errorEventCode(event) === 'STAFF_ROLE_REQUIRED',
      shown: ({ context }) => context.report !== null,
    },
  }).createMachine({
    id: options.id,
    context: ({ input }) => ({ token: input.token ?? null, period: input.period ?? {}, report: null, errorCode: null, problem: null, saved: false, refusal: null }),
    initial: 'starting',
    on: { signOut: { target: '.signedOut', actions: [assign({ token: null, report: null, errorCode: null, problem: null }), 'forgetToken'] } },
    states: {
      starting: { always: [{ guard: 'hasToken', target: 'loading' }, { target: 'signedOut' }] },
      signedOut: {
        on: {
          'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' },
          'token.submitted': {
            guard: ({ event }) => options.acceptsToken === true && event.token.trim() !== '',
            target: 'loading',
            actions: assign({ token: ({ event }) => event.token.trim(), errorCode: null }),
          },
        },
      },
      signingIn: {
        invoke: {
          src: 'signIn',
          input: ({ event }) => {
            const e = event as Extract<StaffReportEvent, { type: 'credentials.submitted' }>;
            return { username: e.username.trim(), password: e.password };
          },
          onDone: { target: 'loading', actions: assign({ token: ({ event }) => event.output.token, errorCode: null, refusal: null }) },
          onError: { target: 'signedOut', actions: assign({ errorCode: ({ event }) => errorEventCode(event), refusal: ({ event }) => signInRefusal(event) }) },
        },
      },
      loading: {
        invoke: {
          src: 'loadReport',
          input: ({ context }) => ({ token: context.token!, period: context.period }),
          onDone: {
            target: 'ready',
            actions: [assign({ report: ({ event }) => event.output, errorCode: null, period: ({ event }) => options.periodOf(event.output) }), 'saveToken'],
          },
          onError: [
            { guard: 'unauthorized', target: 'signedOut', actions: ['sessionEnded', 'forgetToken'] },
            // Signed in, but not a supervisor: the token stays (it still works at the counter console). A report open
            // to every officer (/api/stats) never answers this.
            { guard: 'notSupervisor', target: 'notSupervisor', actions: assign({ report: null, errorCode: 'STAFF_ROLE_REQUIRED' }) },
            // The figures already shown stay, with the reason the new period failed.
            { guard: 'shown', target: 'ready', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
            { target: 'failed', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
          ],
        },
      },
      notSupervisor: {},
      failed: { on: { retry: 'loading' } },
      ready: {
        initial: 'idle',
        states: {
          idle: {
            on: {
              [options.periodEvent]: [
                { guard: (a: Chosen) => problemOf(a) !== null, actions: assign({ problem: (a: Chosen) => problemOf(a), saved: false }) },
                {
                  target: `#${options.id}.loading`,
                  actions: assign({ period: ({ event }: Chosen) => ({ from: event.from, to: event.to }), problem: null, errorCode: null, saved: false }),
                },
              ],
              'csv.save': { target: 'saving', actions: assign({ saved: false, errorCode: null }) },
              print: { actions: 'printPage' },
            },
          },
          saving: {
            invoke: {
              src: 'saveCsv',
              input: ({ context }) => ({ token: context.token!, period: context.period }),
              onDone: { target: 'idle', actions: assign({ saved: true, errorCode: null }) },
              onError: [
                { guard: 'unauthorized', target: `#${options.id}.signedOut`, actions: ['sessionEnded', 'forgetToken'] },
                { target: 'idle', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
              ],
            },
          },
        },
      },
    },
  });
}
