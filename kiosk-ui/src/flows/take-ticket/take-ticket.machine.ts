/**
 * Taking a queue ticket: service → priority (one touch) → printing → the number → done; from the number, optionally,
 * a phone for the messages before the turn (keypad → sending → confirmation → done). A child of the kiosk
 * session (app/kiosk-session/), which starts it from the home screen, from the attract screen's priority button
 * (straight to the services, as a priority visitor) or from the pickup flow (a ticket for the result counter:
 * straight to the priority question). It ends with where to go next. No React and no IO here: the agent is
 * reached only through the `loadServices`, `issueTicket` and `leavePhone` actors (take-ticket.actors.ts, or tests).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { IssuedTicket, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import { isVietnameseMobile, MOBILE_DIGITS } from '../../../../shared/phone-number';
import { AgentRequestError, errorEventCode } from '../../agent-client/agent-client';
import { isShut, noneIssues } from './service-availability';
import type { TakeTicketContext, TakeTicketEvent, TakeTicketInput, TakeTicketOutput } from './take-ticket.types';

export { DEFAULT_TICKET_TIMING, TICKET_PHONE_EVENTS, type TakeTicketContext, type TakeTicketEvent, type TakeTicketInput, type TakeTicketOutput } from './take-ticket.types';

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
    /** PUT /api/tickets/:id/phone: the answer carries the phone masked. */
    leavePhone: fromPromise<{ phone: string }, { ticketId: string; phone: string }>(async () => {
      throw new Error('leavePhone not provided');
    }),
  },
  delays: {
    ticketShown: ({ context }) => context.timing.ticketShownMs,
    unprintedShown: ({ context }) => context.timing.unprintedShownMs,
  },
  actions: {
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event), errorAt: ({ event }) => refusalInstant(event) }),
    rememberServices: assign({ services: ({ event }) => (event as unknown as { output: ServiceSummary[] }).output }),
    goHome: assign({ exit: { next: 'home' } as TakeTicketOutput }),
  },
  guards: {
    // A closed or full service is greyed on the screen; touched anyway, nothing is asked of the agent.
    knownService: ({ context, event }) => event.type === 'service.selected' && context.services.some((s) => s.id === event.serviceId && !isShut(s)),
    noneIssues: ({ event }) => noneIssues((event as unknown as { output: ServiceSummary[] }).output),
    hasLockers: ({ context }) => context.pickupLockers,
    hasList: ({ context }) => context.services.length > 0,
    wasPrinted: ({ context }) => context.ticket?.printed === true,
    serviceChosen: ({ context }) => context.serviceId !== null,
    phoneRoom: ({ context, event }) => event.type === 'phone.digit' && /^\d$/.test(event.digit) && context.phoneDigits.length < MOBILE_DIGITS,
    phoneValid: ({ context }) => isVietnameseMobile(context.phoneDigits),
  },
}).createMachine({
  id: 'takeTicket',
  context: ({ input }) => ({
    services: [],
    serviceId: input.serviceId,
    priority: null,
    ticket: null,
    errorCode: null,
    errorAt: null,
    pickupLockers: input.pickupLockers ?? false,
    priorityPath: input.priorityPath,
    priorityCategories: input.priorityCategories,
    timing: input.timing,
    phoneDigits: '',
    phoneMasked: null,
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
            onDone: [
              { guard: 'noneIssues', target: 'noneIssuing', actions: 'rememberServices' },
              { target: 'ready', actions: 'rememberServices' },
            ],
            onError: { target: 'failed', actions: 'rememberError' },
          },
        },
        ready: {
          on: {
            'service.selected': { guard: 'knownService', target: '#takeTicket.askingPriority', actions: assign({ serviceId: ({ event }) => event.serviceId }) },
          },
        },
        failed: { on: { 'services.retry': 'loading' } },
        // Every service closed or full: when the centre opens next, and the lockers if the kiosk has them.
        noneIssuing: {
          on: { 'pickup.chosen': { guard: 'hasLockers', target: '#takeTicket.done', actions: assign({ exit: { next: 'collect', code: null } as TakeTicketOutput }) } },
        },
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
        onDone: { target: 'showingTicket', actions: assign({ ticket: ({ event }) => event.output, errorCode: null, errorAt: null }) },
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
      on: {
        'ticket.done': { target: 'done', actions: 'goHome' },
        'phone.start': { target: 'enteringPhone', actions: assign({ phoneDigits: '', errorCode: null }) },
      },
    },
    // The optional phone: the ticket's own timer stops here; the session's idle timer still brings the kiosk home.
    enteringPhone: {
      on: {
        'phone.digit': { guard: 'phoneRoom', actions: assign({ phoneDigits: ({ context, event }) => context.phoneDigits + event.digit, errorCode: null }) },
        'phone.delete': { actions: assign({ phoneDigits: ({ context }) => context.phoneDigits.slice(0, -1), errorCode: null }) },
        'phone.submit': [{ guard: 'phoneValid', target: 'sendingPhone' }, { actions: assign({ errorCode: 'VALIDATION_FAILED' }) }],
        'phone.skip': { target: 'showingTicket', actions: assign({ phoneDigits: '', errorCode: null }) },
      },
    },
    sendingPhone: {
      on: { 'scan.received': {} }, // the number is on its way: a stray scan must not abandon it
      invoke: {
        src: 'leavePhone',
        input: ({ context }) => ({ ticketId: context.ticket!.id, phone: context.phoneDigits }),
        onDone: { target: 'phoneSent', actions: assign({ phoneMasked: ({ event }) => event.output.phone, phoneDigits: '', errorCode: null }) },
        onError: { target: 'enteringPhone', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
      },
    },
    phoneSent: {
      after: { ticketShown: { target: 'done', actions: 'goHome' } },
      on: { 'ticket.done': { target: 'done', actions: 'goHome' } },
    },
    issueFailed: {
      on: {
        'issue.retry': 'issuing',
        // Refused for the hours (the service closed since the list was read): the list again, as it is now.
        'nav.back': [{ guard: 'hasList', target: 'choosingService.loading', actions: assign({ serviceId: null, priority: null }) }, { target: 'done', actions: 'goHome' }],
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.exit ?? { next: 'home' },
});

export type TakeTicketMachine = typeof takeTicketMachine;

/** The instant a refusal for the hours carries: `opensAt` (closed, full) or `closesAt` (closing). */
function refusalInstant(event: unknown): string | null {
  const error = (event as { error?: unknown } | null)?.error;
  const details = error instanceof AgentRequestError ? error.details : {};
  const at = details.opensAt ?? details.closesAt;
  return typeof at === 'string' ? at : null;
}
