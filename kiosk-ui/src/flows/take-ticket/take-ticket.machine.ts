/**
 * The kiosk's main flow: attract screen → home → service → priority (one touch) → printing → the number → home,
 * and result pickup (collect-result.machine.ts, a child) from the home button or from a slip scanned anywhere.
 * No React and no IO here: the agent is reached only through the `loadKiosk`, `loadServices` and `issueTicket`
 * actors, provided by the app (take-ticket.actors.ts) or by tests. While a citizen is using the kiosk an idle
 * timer runs in a parallel region; every touch re-arms it, and when it fires the session ends on the attract
 * screen with every trace of the citizen cleared.
 */
import { assign, fromCallback, fromPromise, raise, sendTo, setup } from 'xstate';
import type { IssuedTicket, KioskInfo, PriorityCategory, ServiceSummary } from '../../../../shared/api-schemas';
import { errorEventCode } from '../../agent-client/agent-client';
import { collectResultMachine } from '../collect-result/collect-result.machine';
import { DEFAULT_PREFERENCES, toggled } from '../../ui/preferences';
import { DEFAULT_TIMING, type TakeTicketContext, type TakeTicketEvent, type TakeTicketInput } from './take-ticket.types';

export { DEFAULT_TIMING, type TakeTicketContext, type TakeTicketEvent, type TakeTicketInput };

/** Everything one visitor's session may leave behind, as the next visitor must find it. */
function freshSession(): Omit<TakeTicketContext, 'info' | 'timing'> {
  return {
    services: [],
    serviceId: null,
    priority: null,
    ticket: null,
    errorCode: null,
    pendingScan: null,
    cameraError: null,
    prefs: DEFAULT_PREFERENCES,
    priorityPath: false,
  };
}

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
  'scan.received',
  'prefs.language',
  'prefs.toggle',
  'idle.extend',
  'camera.open',
  'camera.close',
] as const;
// A self-transition of the atomic `counting` state: re-entering a parent instead would conflict with the flow
// region's transition for the same event and swallow it.
const rearmIdle = Object.fromEntries(USER_EVENTS.map((e) => [e, { target: 'counting', reenter: true }]));

export const takeTicketMachine = setup({
  types: {
    context: {} as TakeTicketContext,
    events: {} as TakeTicketEvent,
    input: {} as TakeTicketInput | undefined,
    children: {} as { collectResult: 'collectResult' },
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
    collectResult: collectResultMachine,
    /** Sends `scan.received` for every slip scanned (serial scanner events, keyboard wedge); provided by the app. */
    scanSource: fromCallback<TakeTicketEvent>(() => () => undefined),
    /** While the camera is open: `scan.received` for the code it reads, or `camera.failed`; provided by the app. */
    cameraScanner: fromCallback<TakeTicketEvent>(() => () => undefined),
  },
  delays: {
    idleTimeout: ({ context }) => context.timing.idleTimeoutMs,
    idleWarning: ({ context }) => context.timing.idleWarningMs,
    ticketShown: ({ context }) => context.timing.ticketShownMs,
    unprintedShown: ({ context }) => context.timing.unprintedShownMs,
    bootRetry: ({ context }) => context.timing.bootRetryMs,
  },
  actions: {
    clearSession: assign(() => freshSession()),
    clearChoice: assign({ serviceId: null, priority: null, ticket: null, errorCode: null, pendingScan: null }),
    rememberScan: assign({ pendingScan: ({ event }) => (event.type === 'scan.received' ? event.code : null) }),
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
  },
  guards: {
    knownService: ({ context, event }) => event.type === 'service.selected' && context.services.some((s) => s.id === event.serviceId),
    wasPrinted: ({ context }) => context.ticket?.printed === true,
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({ info: null, ...freshSession(), timing: { ...DEFAULT_TIMING, ...input } }),
  invoke: { src: 'scanSource' },
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
      on: {
        'kiosk.touched': 'session',
        'kiosk.priorityTouched': { target: '#kiosk.session.flow.choosingService', actions: assign({ priorityPath: true }) },
        'scan.received': { target: '#collectingResult', actions: 'rememberScan' },
      },
    },
    session: {
      type: 'parallel',
      states: {
        idle: {
          initial: 'counting',
          states: {
            counting: {
              after: { idleTimeout: [{ guard: ({ context }) => context.timing.idleWarningMs > 0, target: 'warning' }, { target: '#kiosk.attract' }] },
              on: { ...rearmIdle, 'session.hold': 'held' },
            },
            // "Cần thêm thời gian?": any touch (or the button) gives the visitor the full time again.
            warning: { after: { idleWarning: '#kiosk.attract' }, on: { ...rearmIdle, 'session.hold': 'held' } },
            held: { on: { 'session.release': 'counting' } },
          },
        },
        // The camera is on only while this region says so: leaving the session (idle timeout) turns it off.
        camera: {
          initial: 'off',
          states: {
            off: { on: { 'camera.open': { target: 'on', actions: assign({ cameraError: null }) } } },
            on: {
              invoke: { src: 'cameraScanner' },
              on: {
                'camera.close': 'off',
                'scan.received': 'off',
                'camera.failed': { target: 'failed', actions: assign({ cameraError: ({ event }) => event.code }) },
              },
            },
            failed: {
              on: {
                'camera.close': { target: 'off', actions: assign({ cameraError: null }) },
                'camera.open': { target: 'on', actions: assign({ cameraError: null }) },
              },
            },
          },
        },
        flow: {
          initial: 'home',
          // Here rather than on `session`: a parallel state's own transitions only run when no region takes the
          // event, and the idle region takes every user event to re-arm its timer.
          on: {
            'nav.home': '.home',
            'scan.received': { target: '.collectingResult', actions: 'rememberScan' },
            'prefs.language': { actions: assign({ prefs: ({ context, event }) => ({ ...context.prefs, lang: event.lang }) }) },
            'prefs.toggle': { actions: assign({ prefs: ({ context, event }) => toggled(context.prefs, event.pref) }) },
          },
          states: {
            home: {
              entry: ['clearChoice', assign({ priorityPath: false })],
              on: { 'home.takeTicket': 'choosingService', 'home.collectResult': 'collectingResult' },
            },
            collectingResult: {
              id: 'collectingResult',
              invoke: {
                id: 'collectResult',
                src: 'collectResult',
                input: ({ context }) => ({
                  code: context.pendingScan,
                  resultServiceId: context.info?.pickup.resultServiceId ?? null,
                  ratingScale: context.info?.ratingScale ?? 3,
                }),
                onDone: [
                  {
                    // A ticket for the result counter: the usual priority question, then printing.
                    guard: ({ event }) => event.output.next === 'ticket',
                    target: 'askingPriority',
                    actions: assign({ serviceId: ({ event }) => (event.output.next === 'ticket' ? event.output.serviceId : null) }),
                  },
                  { target: 'home' },
                ],
              },
              on: { 'scan.received': { actions: sendTo('collectResult', ({ event }) => ({ type: 'slip.scanned', code: event.code })) } },
              // However the flow ends (done, home button, idle timeout), the idle timer runs again.
              exit: raise({ type: 'session.release' }),
            },
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
                // Back to the loaded list; a ticket offered by the pickup flow has no list behind it: home.
                'nav.back': [{ guard: ({ context }) => context.services.length > 0, target: 'choosingService.ready' }, { target: 'home' }],
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
