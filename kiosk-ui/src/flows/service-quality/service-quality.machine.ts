/**
 * The service-quality report page (/reports/service-quality) and its monthly print view for one officer
 * (/reports/service-quality/print): a supervisor signs in as on /stats, picks a period (this month at first: the
 * agent decides which month that is in the centre's days), reads the figures per officer, per service and for the
 * centre, saves the CSV or prints. An officer who is not a supervisor is told so (403 STAFF_ROLE_REQUIRED). A
 * period the agent would refuse (from after to, over 366 days) is refused here first with the same reason.
 * No React and no IO: `loadReport`, `saveCsv`, `signIn` and the `printPage` action are provided by the page
 * (service-quality.actors.ts) or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import { reportRangeProblem, type ServiceQualityReport } from '../../../../shared/report-schemas';
import { errorCodeOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { signInRefusal, type SignInRefusal } from '../../agent-client/sign-in-refusal';

export interface ReportPeriod {
  from?: string;
  to?: string;
}

export interface ServiceQualityContext {
  token: string | null;
  period: ReportPeriod;
  report: ServiceQualityReport | null;
  errorCode: AgentErrorCode | null;
  /** A period refused before asking: its reason. */
  problem: 'order' | 'tooLong' | null;
  saved: boolean;
  refusal: SignInRefusal | null;
}

export type ServiceQualityEvent =
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: 'period.set'; from: string; to: string }
  | { type: 'csv.save' }
  | { type: 'print' }
  | { type: 'retry' }
  | { type: 'signOut' };

type Job = { token: string; period: ReportPeriod };

export const serviceQualityMachine = setup({
  types: {
    context: {} as ServiceQualityContext,
    events: {} as ServiceQualityEvent,
    /** `period`: the print view's month; none on the report page (this month). */
    input: {} as { token?: string | null; period?: ReportPeriod },
  },
  actors: {
    loadReport: fromPromise<ServiceQualityReport, Job>(async () => {
      throw new Error('loadReport not provided');
    }),
    saveCsv: fromPromise<void, Job>(async () => {
      throw new Error('saveCsv not provided');
    }),
    signIn: fromPromise<{ token: string }, { username: string; password: string }>(async () => {
      throw new Error('signIn not provided');
    }),
  },
  actions: {
    saveToken: () => undefined,
    forgetToken: () => undefined,
    printPage: () => undefined,
  },
  guards: {
    hasToken: ({ context }) => !!context.token,
    unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
    notSupervisor: ({ event }) => errorEventCode(event) === 'STAFF_ROLE_REQUIRED',
    shown: ({ context }) => context.report !== null,
  },
}).createMachine({
  id: 'serviceQuality',
  context: ({ input }) => ({ token: input.token ?? null, period: input.period ?? {}, report: null, errorCode: null, problem: null, saved: false, refusal: null }),
  initial: 'starting',
  on: { signOut: { target: '.signedOut', actions: [assign({ token: null, report: null, errorCode: null, problem: null }), 'forgetToken'] } },
  states: {
    starting: { always: [{ guard: 'hasToken', target: 'loading' }, { target: 'signedOut' }] },
    signedOut: {
      on: { 'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' } },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ event }) => {
          const e = event as Extract<ServiceQualityEvent, { type: 'credentials.submitted' }>;
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
          actions: [assign({ report: ({ event }) => event.output, errorCode: null, period: ({ event }) => ({ from: event.output.from, to: event.output.to }) }), 'saveToken'],
        },
        onError: [
          { guard: 'unauthorized', target: 'signedOut', actions: [assign({ token: null, report: null, errorCode: 'UNAUTHORIZED' }), 'forgetToken'] },
          // Signed in, but not a supervisor: the token stays (it still works at the counter console).
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
            'period.set': [
              {
                guard: ({ event }) => reportRangeProblem(event.from, event.to) !== null,
                actions: assign({ problem: ({ event }) => reportRangeProblem(event.from, event.to), saved: false }),
              },
              { target: '#serviceQuality.loading', actions: assign({ period: ({ event }) => ({ from: event.from, to: event.to }), problem: null, errorCode: null, saved: false }) },
            ],
            'csv.save': { target: 'saving', actions: assign({ saved: false, errorCode: null }) },
            print: { actions: 'printPage' },
          },
        },
        saving: {
          invoke: {
            src: 'saveCsv',
            input: ({ context }) => ({ token: context.token!, period: context.period }),
            onDone: { target: 'idle', actions: assign({ saved: true }) },
            onError: [
              { guard: 'unauthorized', target: '#serviceQuality.signedOut', actions: [assign({ token: null, report: null, errorCode: 'UNAUTHORIZED' }), 'forgetToken'] },
              { target: 'idle', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
            ],
          },
        },
      },
    },
  },
});
