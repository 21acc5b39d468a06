/**
 * Taking a queue ticket: service → priority (one touch) → printing → the number → done. A child of the kiosk
 * session (app/kiosk-session/), which starts it from the home screen, from the attract screen's priority button
 * (straight to the services, as a priority visitor) or from the pickup flow (a ticket for the result counter:
 * straight to the priority question). It ends with where to go next. No React and no IO here: the agent is
 * reached only through the `loadServices` and `issueTicket` actors (take-ticket.actors.ts, or tests).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { IssuedTicket, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import { errorEventCode } from '../../agent-client/agent-client';
import type { TakeTicketContext, TakeTicketEvent, TakeTicketInput, TakeTicketOutput } from './take-ticket.types';

export { DEFAULT_TICKET_TIMING, type TakeTicketContext, type TakeTicketEvent, type TakeTicketInput, type TakeTicketOutput } from './take-ticket.types';

export const takeTicketMachine = setup({
  types: {
    context: {} as TakeTicketContext,
    events: {} as TakeTicketEvent,
    input: {} as TakeTicketInput,
    output: {} as TakeTicketOutput,
  },
  actors: {
    loadServices: fromPromise<ServiceSummary[]>(async () => {
      throw new Error('loadServices not provided');
    }),
    issueTicket: fromPromise<IssuedTicket, { serviceId: string; priority: PriorityCategory | null }>(async () => {
      throw new Error('issueTicket not provided');
    }),
  },
  delays: {
    ticketShown: ({ context }) => context.timing.ticketShownMs,
    unprintedShown: ({ context }) => context.timing.unprintedShownMs,
  },
  actions: {
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
    goHome: assign({ exit: { next: 'home' } as TakeTicketOutput }),
  },
  guards: {
    knownService: ({ context, event }) => event.type === 'service.selected' && context.services.some((s) => s.id === event.serviceId),
    wasPrinted: ({ context }) => context.ticket?.printed === true,
    serviceChosen: ({ context }) => context.serviceId !== null,
  },
}).createMachine({
  id: 'takeTicket',
  context: ({ input }) => ({
    services: [],
    serviceId: input.serviceId,
    priority: null,
    ticket: null,
    errorCode: null,
    priorityPath: input.priorityPath,
    priorityCategories: input.priorityCategories,
    timing: input.timing,
    exit: null,
  }),
  initial: 'starting',
  on: {
    'nav.home': { target: '.done', actions: 'goHome' },
    'scan.received': { target: '.done', actions: assign({ exit: ({ event }) => ({ next: 'collect' as const, code: event.code }) }) },
  },
  states: {
    starting: { always: [{ guard: 'serviceChosen', target: 'askingPriority' }, { target: 'choosingService' }] },
    choosingService: {
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'loadServices',
            onDone: { target: 'ready', actions: assign({ services: ({ event }) => event.output }) },
            onError: { target: 'failed', actions: 'rememberError' },
          },
        },
        ready: {
          on: {
            'service.selected': { guard: 'knownService', target: '#takeTicket.askingPriority', actions: assign({ serviceId: ({ event }) => event.serviceId }) },
          },
        },
        failed: { on: { 'services.retry': 'loading' } },
      },
      on: { 'nav.back': { target: 'done', actions: 'goHome' } },
    },
    askingPriority: {
      on: {
        'priority.chosen': { target: 'issuing', actions: assign({ priority: ({ event }) => event.priority ?? null }) },
        // Back to the loaded list; a ticket offered by the pickup flow has no list behind it: home.
        'nav.back': [{ guard: ({ context }) => context.services.length > 0, target: 'choosingService.ready' }, { target: 'done', actions: 'goHome' }],
      },
    },
    issuing: {
      on: { 'scan.received': {} }, // a ticket is being printed: a stray scan must not abandon it
      invoke: {
        src: 'issueTicket',
        input: ({ context }) => ({ serviceId: context.serviceId!, priority: context.priority }),
        onDone: { target: 'showingTicket', actions: assign({ ticket: ({ event }) => event.output, errorCode: null }) },
        onError: { target: 'issueFailed', actions: 'rememberError' },
      },
    },
    showingTicket: {
      initial: 'deciding',
      states: {
        deciding: { always: [{ guard: 'wasPrinted', target: 'printed' }, { target: 'unprinted' }] },
        printed: { after: { ticketShown: { target: '#takeTicket.done', actions: 'goHome' } } },
        unprinted: { after: { unprintedShown: { target: '#takeTicket.done', actions: 'goHome' } } },
      },
      on: { 'ticket.done': { target: 'done', actions: 'goHome' } },
    },
    issueFailed: {
      on: { 'issue.retry': 'issuing' },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.exit ?? { next: 'home' },
});

export type TakeTicketMachine = typeof takeTicketMachine;
