/**
 * The kiosk's main flow: attract screen → home → service → priority (one touch) → printing → the number → home.
 * No React and no IO here: the agent is reached only through the `loadKiosk`, `loadServices` and `issueTicket`
 * actors, provided by the app (take-ticket.actors.ts) or by tests. While a citizen is using the kiosk an idle
 * timer runs in a parallel region; every touch re-arms it, and when it fires the session ends on the attract
 * screen with every trace of the citizen cleared.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import { errorCodeOf } from '../../agent-client/agent-client';

export interface TakeTicketInput {
  idleTimeoutMs?: number;
  ticketShownMs?: number;
  unprintedShownMs?: number;
  placeholderShownMs?: number;
  bootRetryMs?: number;
}

export interface TakeTicketContext {
  info: KioskInfo | null;
  services: ServiceSummary[];
  serviceId: string | null;
  priority: PriorityCategory | null;
  ticket: IssuedTicket | null;
  errorCode: string | null;
  timing: Required<TakeTicketInput>;
}

export type TakeTicketEvent =
  | { type: 'kiosk.touched' }
  | { type: 'home.takeTicket' }
  | { type: 'home.collectResult' }
  | { type: 'service.selected'; serviceId: string }
  | { type: 'services.retry' }
  // No priority (or null) is the "Không" answer.
  | { type: 'priority.chosen'; priority?: PriorityCategory | null }
  | { type: 'issue.retry' }
  | { type: 'ticket.done' }
  | { type: 'nav.back' }
  | { type: 'nav.home' }
  // Any touch on the kiosk (scrolling a list, reading with a finger on the glass): keeps the session alive.
  | { type: 'user.activity' };

export const DEFAULT_TIMING: Required<TakeTicketInput> = {
  idleTimeoutMs: 60_000,
  ticketShownMs: 15_000,
  unprintedShownMs: 45_000,
  placeholderShownMs: 20_000,
  bootRetryMs: 5_000,
};

/** Events that mean a person is using the kiosk: each one re-arms the idle timer. */
const USER_EVENTS = [
  'home.takeTicket',
  'home.collectResult',
  'service.selected',
  'services.retry',
  'priority.chosen',
  'issue.retry',
  'ticket.done',
  'nav.back',
  'nav.home',
  'user.activity',
] as const;
// A self-transition of the atomic `counting` state: re-entering a parent instead would conflict with the flow
// region's transition for the same event and swallow it.
const rearmIdle = Object.fromEntries(USER_EVENTS.map((e) => [e, { target: 'counting', reenter: true }]));

export const takeTicketMachine = setup({
  types: {
    context: {} as TakeTicketContext,
    events: {} as TakeTicketEvent,
    input: {} as TakeTicketInput | undefined,
  },
  actors: {
    loadKiosk: fromPromise<KioskInfo>(async () => {
      throw new Error('loadKiosk not provided');
    }),
    loadServices: fromPromise<ServiceSummary[]>(async () => {
      throw new Error('loadServices not provided');
    }),
    issueTicket: fromPromise<IssuedTicket, { serviceId: string; priority: PriorityCategory | null }>(async () => {
      throw new Error('issueTicket not provided');
    }),
  },
  delays: {
    idleTimeout: ({ context }) => context.timing.idleTimeoutMs,
    ticketShown: ({ context }) => context.timing.ticketShownMs,
    unprintedShown: ({ context }) => context.timing.unprintedShownMs,
    placeholderShown: ({ context }) => context.timing.placeholderShownMs,
    bootRetry: ({ context }) => context.timing.bootRetryMs,
  },
  actions: {
    clearSession: assign({ services: [], serviceId: null, priority: null, ticket: null, errorCode: null }),
    clearChoice: assign({ serviceId: null, priority: null, ticket: null, errorCode: null }),
    rememberError: assign({ errorCode: ({ event }) => errorCodeOf((event as { error?: unknown }).error) }),
  },
  guards: {
    knownService: ({ context, event }) => event.type === 'service.selected' && context.services.some((s) => s.id === event.serviceId),
    wasPrinted: ({ context }) => context.ticket?.printed === true,
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({
    info: null,
    services: [],
    serviceId: null,
    priority: null,
    ticket: null,
    errorCode: null,
    timing: { ...DEFAULT_TIMING, ...input },
  }),
  initial: 'booting',
  states: {
    booting: {
      invoke: {
        src: 'loadKiosk',
        onDone: { target: 'attract', actions: assign({ info: ({ event }) => event.output }) },
        onError: { target: 'bootFailed', actions: 'rememberError' },
      },
    },
    bootFailed: {
      // The kiosk must come back by itself when the agent does: retry without anyone touching it.
      after: { bootRetry: 'booting' },
    },
    attract: {
      entry: 'clearSession',
      on: { 'kiosk.touched': 'session' },
    },
    session: {
      type: 'parallel',
      states: {
        idle: {
          initial: 'counting',
          states: { counting: { after: { idleTimeout: '#kiosk.attract' }, on: rearmIdle } },
        },
        flow: {
          initial: 'home',
          on: { 'nav.home': '.home' },
          states: {
            home: {
              entry: 'clearChoice',
              on: { 'home.takeTicket': 'choosingService', 'home.collectResult': 'pickupPlaceholder' },
            },
            // Nothing to do here yet: go home by itself so the next citizen does not find a dead end.
            pickupPlaceholder: { after: { placeholderShown: 'home' } },
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
                    'service.selected': {
                      guard: 'knownService',
                      target: '#kiosk.session.flow.askingPriority',
                      actions: assign({ serviceId: ({ event }) => event.serviceId }),
                    },
                  },
                },
                failed: { on: { 'services.retry': 'loading' } },
              },
              on: { 'nav.back': 'home' },
            },
            askingPriority: {
              on: {
                'priority.chosen': { target: 'issuing', actions: assign({ priority: ({ event }) => event.priority ?? null }) },
                'nav.back': 'choosingService.ready',
              },
            },
            issuing: {
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
                printed: { after: { ticketShown: '#kiosk.session.flow.home' } },
                unprinted: { after: { unprintedShown: '#kiosk.session.flow.home' } },
              },
              on: { 'ticket.done': 'home' },
            },
            issueFailed: {
              on: { 'issue.retry': 'issuing' },
            },
          },
        },
      },
    },
  },
});

export type TakeTicketMachine = typeof takeTicketMachine;
