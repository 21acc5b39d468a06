/**
 * The counter rating tablet (`/rate/:counterId`): it shows the officer and the ticket being served; when the officer
 * finishes a visit the agent's screen carries `ask`, and the tablet asks the citizen for a level (3 or 5), then —
 * below the top level, when the centre lists reasons — which reasons, then thanks and clears. One rating per visit:
 * a visit rated or skipped here is not asked about again, and the agent refuses a second rating anyway.
 *
 * The screen is re-read on every call or update at this counter, after a reconnection, and every `pollMs` (the
 * question's time runs out on the agent's clock). No React and no IO: `loadScreen`, `rate` and `updates` are provided.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { CounterRatingScreen } from '../../../../shared/rating-schemas';
import { errorCodeOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { noAgentUpdates, type AgentUpdate } from '../../agent-client/agent-updates';

export interface RateVisitContext {
  counterId: string;
  screen: CounterRatingScreen | null;
  errorCode: AgentErrorCode | null;
  /** The visit being rated now, the level chosen and the reasons ticked. */
  ticketId: string | null;
  level: number | null;
  reasons: string[];
  /** The last visit rated, skipped or refused here: never asked about again on this tablet. */
  doneTicketId: string | null;
  retryMs: number;
  pollMs: number;
  thanksMs: number;
  /** A citizen who chose a level and walked away: the level is sent after this long. */
  idleMs: number;
}

export type RateVisitEvent = { type: 'rate.level'; level: number } | { type: 'rate.reason'; id: string } | { type: 'rate.send' } | { type: 'rate.skip' };

const COUNTER_EVENTS = new Set(['ticket.called', 'ticket.updated']);

const askOf = (c: RateVisitContext) => (c.screen?.ask && c.screen.ask.ticketId !== c.doneTicketId ? c.screen.ask : null);

export const rateVisitMachine = setup({
  types: {
    context: {} as RateVisitContext,
    events: {} as AgentUpdate | RateVisitEvent,
    input: {} as { counterId: string; retryMs?: number; pollMs?: number; thanksMs?: number; idleMs?: number },
  },
  actors: {
    loadScreen: fromPromise<CounterRatingScreen, { counterId: string }>(async () => {
      throw new Error('loadScreen not provided');
    }),
    rate: fromPromise<unknown, { counterId: string; ticketId: string; level: number; reasons: string[] }>(async () => {
      throw new Error('rate not provided');
    }),
    updates: noAgentUpdates,
  },
  guards: {
    atThisCounter: ({ context, event }) =>
      event.type === 'agent.event' && COUNTER_EVENTS.has(event.event.type) && (event.event.data as { counterId?: string }).counterId === context.counterId,
    reconnected: ({ event }) => event.type === 'agent.connection' && event.connected,
    lost: ({ event }) => event.type === 'agent.connection' && !event.connected,
    asked: ({ context }) => askOf(context) !== null,
    askGone: ({ context }) => askOf(context)?.ticketId !== context.ticketId,
    validLevel: ({ context, event }) => event.type === 'rate.level' && event.level >= 1 && event.level <= (context.screen?.scale ?? 3),
    wantsReasons: ({ context, event }) => event.type === 'rate.level' && event.level < (context.screen?.scale ?? 3) && (context.screen?.reasons.length ?? 0) > 0,
    refused: ({ event }) => errorEventCode(event) === 'RATING_NOT_ALLOWED',
  },
  actions: {
    startAsking: assign({ ticketId: ({ context }) => askOf(context)?.ticketId ?? null, level: null, reasons: [], errorCode: null }),
    chooseLevel: assign({ level: ({ event }) => (event.type === 'rate.level' ? event.level : null) }),
    toggleReason: assign({
      reasons: ({ context, event }) =>
        event.type !== 'rate.reason' || !context.screen?.reasons.some((r) => r.id === event.id)
          ? context.reasons
          : context.reasons.includes(event.id)
            ? context.reasons.filter((r) => r !== event.id)
            : [...context.reasons, event.id],
    }),
    closeVisit: assign({ doneTicketId: ({ context }) => context.ticketId }),
  },
  delays: {
    retry: ({ context }) => context.retryMs,
    poll: ({ context }) => context.pollMs,
    thanks: ({ context }) => context.thanksMs,
    idle: ({ context }) => context.idleMs,
  },
}).createMachine({
  id: 'rateVisit',
  context: ({ input }) => ({
    counterId: input.counterId,
    screen: null,
    errorCode: null,
    ticketId: null,
    level: null,
    reasons: [],
    doneTicketId: null,
    retryMs: input.retryMs ?? 5_000,
    pollMs: input.pollMs ?? 10_000,
    thanksMs: input.thanksMs ?? 6_000,
    idleMs: input.idleMs ?? 45_000,
  }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadScreen',
        input: ({ context }) => ({ counterId: context.counterId }),
        onDone: { target: 'live', actions: assign({ screen: ({ event }) => event.output, errorCode: null }) },
        onError: { target: 'failed', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
      },
    },
    // A tablet without its counter token, a counter that does not exist: said once and retried (a technician may fix it).
    failed: { after: { retry: 'loading' } },
    live: {
      type: 'parallel',
      invoke: { src: 'updates' },
      states: {
        data: {
          initial: 'steady',
          states: {
            steady: {
              after: { poll: 'refreshing' },
              on: {
                'agent.event': { guard: 'atThisCounter', target: 'refreshing' },
                'agent.connection': { guard: 'reconnected', target: 'refreshing' },
              },
            },
            refreshing: {
              on: { 'agent.event': { guard: 'atThisCounter', target: 'refreshing', reenter: true } },
              invoke: {
                src: 'loadScreen',
                input: ({ context }) => ({ counterId: context.counterId }),
                onDone: { target: 'steady', actions: assign({ screen: ({ event }) => event.output }) },
                // Keep showing what was there; the link region says the connection is down.
                onError: { target: 'steady' },
              },
            },
          },
        },
        ui: {
          initial: 'idle',
          states: {
            idle: { always: { guard: 'asked', target: 'asking' } },
            asking: {
              entry: 'startAsking',
              always: [{ guard: 'askGone', target: 'idle' }],
              on: {
                'rate.level': [
                  { guard: 'wantsReasons', target: 'reasons', actions: 'chooseLevel' },
                  { guard: 'validLevel', target: 'sending', actions: 'chooseLevel' },
                ],
                'rate.skip': { target: 'idle', actions: 'closeVisit' },
              },
            },
            reasons: {
              after: { idle: 'sending' },
              on: {
                'rate.reason': { actions: 'toggleReason' },
                'rate.send': 'sending',
              },
            },
            sending: {
              invoke: {
                src: 'rate',
                input: ({ context }) => ({ counterId: context.counterId, ticketId: context.ticketId!, level: context.level!, reasons: context.reasons }),
                onDone: { target: 'thanks', actions: 'closeVisit' },
                onError: [
                  // Rated already (another tap, another screen) or no longer open: nothing to retry.
                  { guard: 'refused', target: 'refused', actions: ['closeVisit', assign({ errorCode: 'RATING_NOT_ALLOWED' })] },
                  { target: 'unsent', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
                ],
              },
            },
            unsent: {
              after: { idle: { target: 'idle', actions: 'closeVisit' } },
              on: { 'rate.send': 'sending' },
            },
            thanks: { after: { thanks: 'idle' } },
            refused: { after: { thanks: { target: 'idle', actions: assign({ errorCode: null }) } } },
          },
        },
        link: {
          initial: 'online',
          states: {
            online: { on: { 'agent.connection': { guard: 'lost', target: 'offline' } } },
            offline: { on: { 'agent.connection': { guard: 'reconnected', target: 'online' } } },
          },
        },
      },
    },
  },
});
