/**
 * The statistics page (/stats) for the centre's head: pick a range of days, read per day and service (issued,
 * waits, service time, no-shows) and per counter (served, satisfaction), save the CSV. Staff token as on the
 * counter console. No React and no IO: `loadStats` and `saveCsv` are provided by the page or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LocalizedText } from '../../../../shared/api-schemas';
import type { Stats } from '../../../../shared/counter-schemas';

/** The figures with the names of the services and counters they mention. */
export interface StatsView {
  stats: Stats;
  serviceNames: Record<string, LocalizedText>;
  counterNames: Record<string, LocalizedText>;
}
import { signInRefusal, type SignInRefusal } from '../../agent-client/sign-in-refusal';
import { errorCodeOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

export interface StatsRange {
  from?: string;
  to?: string;
}

export interface StaffStatsContext {
  token: string | null;
  range: StatsRange;
  stats: StatsView | null;
  errorCode: AgentErrorCode | null;
  saved: boolean;
  /** Why the last sign-in was refused, with its facts (attempts left, locked until). */
  refusal: SignInRefusal | null;
}

export type StaffStatsEvent =
  | { type: 'token.submitted'; token: string }
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: 'range.set'; from: string; to: string }
  | { type: 'csv.save' }
  | { type: 'retry' }
  | { type: 'signOut' };

type Job = { token: string; range: StatsRange };

export const staffStatsMachine = setup({
  types: {
    context: {} as StaffStatsContext,
    events: {} as StaffStatsEvent,
    input: {} as { token?: string | null },
  },
  actors: {
    loadStats: fromPromise<StatsView, Job>(async () => {
      throw new Error('loadStats not provided');
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
  },
  guards: {
    hasToken: ({ context }) => !!context.token,
    unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
  },
}).createMachine({
  id: 'stats',
  context: ({ input }) => ({ token: input.token ?? null, range: {}, stats: null, errorCode: null, saved: false, refusal: null }),
  initial: 'starting',
  on: { signOut: { target: '.signedOut', actions: [assign({ token: null, stats: null, errorCode: null }), 'forgetToken'] } },
  states: {
    starting: { always: [{ guard: 'hasToken', target: 'loading' }, { target: 'signedOut' }] },
    signedOut: {
      on: {
        'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' },
        'token.submitted': {
          guard: ({ event }) => event.token.trim() !== '',
          target: 'loading',
          actions: assign({ token: ({ event }) => event.token.trim(), errorCode: null }),
        },
      },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ event }) => {
          const e = event as Extract<StaffStatsEvent, { type: 'credentials.submitted' }>;
          return { username: e.username.trim(), password: e.password };
        },
        onDone: { target: 'loading', actions: assign({ token: ({ event }) => event.output.token, errorCode: null, refusal: null }) },
        onError: { target: 'signedOut', actions: assign({ errorCode: ({ event }) => errorEventCode(event), refusal: ({ event }) => signInRefusal(event) }) },
      },
    },
    loading: {
      invoke: {
        src: 'loadStats',
        input: ({ context }) => ({ token: context.token!, range: context.range }),
        onDone: {
          target: 'ready',
          actions: [assign({ stats: ({ event }) => event.output, errorCode: null, range: ({ event }) => ({ from: event.output.stats.from, to: event.output.stats.to }) }), 'saveToken'],
        },
        onError: [
          { guard: 'unauthorized', target: 'signedOut', actions: [assign({ token: null, errorCode: 'UNAUTHORIZED' }), 'forgetToken'] },
          // A bad range (from after to) is the officer's to fix: stay on the figures shown, with the message.
          { guard: ({ context }) => context.stats !== null, target: 'ready', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
          { target: 'failed', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
        ],
      },
    },
    failed: { on: { retry: 'loading' } },
    ready: {
      initial: 'idle',
      states: {
        idle: {
          on: {
            'range.set': { target: '#stats.loading', actions: assign({ range: ({ event }) => ({ from: event.from, to: event.to }), saved: false }) },
            'csv.save': 'saving',
          },
        },
        saving: {
          invoke: {
            src: 'saveCsv',
            input: ({ context }) => ({ token: context.token!, range: context.range }),
            onDone: { target: 'idle', actions: assign({ saved: true, errorCode: null }) },
            onError: { target: 'idle', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
          },
        },
      },
    },
  },
});
