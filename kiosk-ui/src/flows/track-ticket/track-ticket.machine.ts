/**
 * The tracking page (/track/:id, the QR on the ticket): a citizen's phone shows the ticket's status, the people
 * ahead and the estimated wait, live. Every call or update anywhere can move the position, so each queue event
 * refetches the ticket; after a lost connection comes back the ticket is fetched again (catch-up). No React and
 * no IO: `loadTracking` (first load, with the centre and service names), `loadTicket` and `updates` are provided.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { LocalizedText, TicketView } from '../../../../shared/api-schemas';
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
}

const QUEUE_EVENTS = new Set(['ticket.called', 'ticket.updated', 'ticket.issued']);

export const trackTicketMachine = setup({
  types: {
    context: {} as TrackTicketContext,
    events: {} as AgentUpdate,
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
  },
  guards: {
    notFound: ({ event }) => errorEventCode(event) === 'TICKET_NOT_FOUND',
    // A new ticket issued behind this one does not move it, but one issued with priority does: any event counts.
    queueChanged: ({ event }) => event.type === 'agent.event' && QUEUE_EVENTS.has(event.event.type),
    reconnected: ({ event }) => event.type === 'agent.connection' && event.connected,
    lost: ({ event }) => event.type === 'agent.connection' && !event.connected,
  },
  delays: { retry: ({ context }) => context.retryMs },
}).createMachine({
  id: 'track',
  context: ({ input }) => ({ ticketId: input.ticketId, tracking: null, errorCode: null, retryMs: input.retryMs ?? 5_000 }),
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
            steady: {},
            refreshing: {
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
          on: {
            'agent.event': { guard: 'queueChanged', target: '.refreshing', reenter: true },
            'agent.connection': { guard: 'reconnected', target: '.refreshing', reenter: true },
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
