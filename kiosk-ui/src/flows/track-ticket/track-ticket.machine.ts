/**
 * The tracking page (/track/:id, the QR on the ticket): a citizen's phone shows the ticket's status, the people
 * ahead and the estimated wait, live. Every call or update anywhere can move the position, so each queue event
 * refetches the ticket; after a lost connection comes back the ticket is fetched again (catch-up). Beside it, while
 * the ticket waits, the citizen may leave a phone for the messages before the turn, or withdraw it (issue 18); the
 * page keeps following meanwhile. No React and no IO: `loadTracking` (first load, with the centre and service
 * names), `loadTicket`, `updates`, `leavePhone` and `withdrawPhone` are provided.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LocalizedText, TicketView } from '../../../../shared/api-schemas';
import { isVietnameseMobile } from '../../../../shared/phone-number';
import { errorCodeOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { noAgentUpdates, type AgentUpdate } from '../../agent-client/agent-updates';

export interface Tracking {
  ticket: TicketView;
  centerName: string;
  timezone: string;
  serviceNames: Record<string, LocalizedText>;
}

export interface TrackTicketContext {
  ticketId: string;
  tracking: Tracking | null;
  errorCode: AgentErrorCode | null;
  retryMs: number;
  /** The phone left for the messages, masked as the agent answered it; null when none was left here. */
  phoneMasked: string | null;
  /** Why leaving or withdrawing the phone failed (VALIDATION_FAILED before asking, else the agent's code). */
  phoneError: AgentErrorCode | null;
  /** The phone was withdrawn on this page. */
  phoneWithdrawn: boolean;
}

/** The citizen's own actions on the page: a phone typed and sent, or withdrawn. */
export type TrackPhoneEvent = { type: 'phone.submit'; phone: string } | { type: 'phone.withdraw' };

const QUEUE_EVENTS = new Set(['ticket.called', 'ticket.updated', 'ticket.issued']);

export const trackTicketMachine = setup({
  types: {
    context: {} as TrackTicketContext,
    events: {} as AgentUpdate | TrackPhoneEvent,
    input: {} as { ticketId: string; retryMs?: number },
  },
  actors: {
    loadTracking: fromPromise<Tracking, { ticketId: string }>(async () => {
      throw new Error('loadTracking not provided');
    }),
    loadTicket: fromPromise<TicketView, { ticketId: string }>(async () => {
      throw new Error('loadTicket not provided');
    }),
    updates: noAgentUpdates,
    leavePhone: fromPromise<{ phone: string }, { ticketId: string; phone: string }>(async () => {
      throw new Error('leavePhone not provided');
    }),
    withdrawPhone: fromPromise<unknown, { ticketId: string }>(async () => {
      throw new Error('withdrawPhone not provided');
    }),
  },
  guards: {
    notFound: ({ event }) => errorEventCode(event) === 'TICKET_NOT_FOUND',
    // A new ticket issued behind this one does not move it, but one issued with priority does: any event counts.
    queueChanged: ({ event }) => event.type === 'agent.event' && QUEUE_EVENTS.has(event.event.type),
    reconnected: ({ event }) => event.type === 'agent.connection' && event.connected,
    lost: ({ event }) => event.type === 'agent.connection' && !event.connected,
    mobileNumber: ({ event }) => event.type === 'phone.submit' && isVietnameseMobile(phoneOf(event.phone)),
  },
  delays: { retry: ({ context }) => context.retryMs },
}).createMachine({
  id: 'track',
  context: ({ input }) => ({ ticketId: input.ticketId, tracking: null, errorCode: null, retryMs: input.retryMs ?? 5_000, phoneMasked: null, phoneError: null, phoneWithdrawn: false }),
  initial: 'loading',
  states: {
    loading: {
      invoke: {
        src: 'loadTracking',
        input: ({ context }) => ({ ticketId: context.ticketId }),
        onDone: { target: 'tracking', actions: assign({ tracking: ({ event }) => event.output, errorCode: null }) },
        onError: [
          { guard: 'notFound', target: 'notFound' },
          { target: 'failed', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
        ],
      },
    },
    failed: { after: { retry: 'loading' } },
    notFound: {},
    tracking: {
      invoke: { src: 'updates' },
      type: 'parallel',
      states: {
        data: {
          initial: 'steady',
          states: {
            // Declared on each state rather than on `data`: a re-entering transition there would re-enter every region
            // of `tracking`, and a queue event would wipe the phone the citizen just left.
            steady: {
              on: {
                'agent.event': { guard: 'queueChanged', target: 'refreshing' },
                'agent.connection': { guard: 'reconnected', target: 'refreshing' },
              },
            },
            refreshing: {
              on: {
                'agent.event': { guard: 'queueChanged', target: 'refreshing', reenter: true },
                'agent.connection': { guard: 'reconnected', target: 'refreshing', reenter: true },
              },
              invoke: {
                src: 'loadTicket',
                input: ({ context }) => ({ ticketId: context.ticketId }),
                onDone: {
                  target: 'steady',
                  actions: assign({ tracking: ({ context, event }) => ({ ...context.tracking!, ticket: event.output }), errorCode: null }),
                },
                onError: { target: 'steady', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
              },
            },
          },
        },
        // The phone for the messages before the turn: a form while none is left here, then what was left.
        phone: {
          initial: 'form',
          states: {
            form: {
              on: {
                'phone.submit': [
                  { guard: 'mobileNumber', target: 'sending' },
                  { actions: assign({ phoneError: 'VALIDATION_FAILED' }) },
                ],
              },
            },
            sending: {
              invoke: {
                src: 'leavePhone',
                input: ({ context, event }) => ({ ticketId: context.ticketId, phone: phoneOf((event as TrackPhoneEvent & { type: 'phone.submit' }).phone) }),
                onDone: { target: 'left', actions: assign({ phoneMasked: ({ event }) => event.output.phone, phoneError: null, phoneWithdrawn: false }) },
                onError: { target: 'form', actions: assign({ phoneError: ({ event }) => errorEventCode(event) }) },
              },
            },
            left: { on: { 'phone.withdraw': 'withdrawing' } },
            withdrawing: {
              invoke: {
                src: 'withdrawPhone',
                input: ({ context }) => ({ ticketId: context.ticketId }),
                onDone: { target: 'form', actions: assign({ phoneMasked: null, phoneError: null, phoneWithdrawn: true }) },
                onError: { target: 'left', actions: assign({ phoneError: ({ event }) => errorEventCode(event) }) },
              },
            },
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

/** What a phone's keyboard gives, as the agent takes it: spaces, dots and dashes people type are dropped. */
export function phoneOf(typed: string): string {
  return typed.replace(/[\s.-]/g, '');
}
