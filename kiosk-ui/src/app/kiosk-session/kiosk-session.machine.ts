/**
 * The kiosk's session: attract screen → home → one of the flows run as children — taking a ticket
 * (flows/take-ticket), collecting a result (flows/collect-result), checking in (flows/check-in) or looking up a
 * procedure (flows/procedures) — and home again. It owns what belongs to the
 * visitor rather than to a flow: the language and display modes, the idle timer (every touch re-arms it; when it
 * fires the session ends on the attract screen with every trace of the visitor cleared), the camera, and slips
 * scanned on any screen. It lives in app/ because it is the one machine that composes flows; flows never import
 * each other. No React and no IO here: `loadKiosk`, `scanSource` and `cameraScanner` are provided by
 * kiosk-session.actors.ts or by tests, the children by their own actors.
 */
import { assign, fromCallback, fromPromise, raise, sendTo, setup } from 'xstate';
import type { KioskInfo } from '../../../../shared/api-schemas';
import { errorEventCode } from '../../agent-client/agent-client';
import { isAppointmentQr } from '../../../../shared/appointment-code';
import { procedureCodeIn } from '../../../../shared/dossier-code';
import { proceduresMachine } from '../../flows/procedures/procedures.machine';
import { checkInMachine } from '../../flows/check-in/check-in.machine';
import { collectResultMachine } from '../../flows/collect-result/collect-result.machine';
import { takeTicketMachine } from '../../flows/take-ticket/take-ticket.machine';
import { toggled } from '../../ui/preferences';
import { forwardToTicket, freshSession, rearmIdle } from './kiosk-session.events';
import { DEFAULT_TIMING, type KioskSessionContext, type KioskSessionEvent, type KioskSessionInput, type SpeakerCommand } from './kiosk-session.types';

/**
 * A flow that ends asking for a ticket (check-in too late, a procedure's "Lấy số", a result at the counter) names the
 * service: the ticket flow starts for it at the priority question; any other end goes home.
 */
type FlowEnd = { output: { next: 'ticket'; serviceId: string } | { next: string } };
const wantsTicket = ({ event }: { event: FlowEnd }): boolean => event.output.next === 'ticket';
const ticketServiceOf = ({ event }: { event: FlowEnd }): string | null => ('serviceId' in event.output ? event.output.serviceId : null);

export { DEFAULT_TIMING, type KioskSessionContext, type KioskSessionEvent, type KioskSessionInput, type SpeakerCommand };

export const kioskSessionMachine = setup({
  types: {
    context: {} as KioskSessionContext,
    events: {} as KioskSessionEvent,
    input: {} as KioskSessionInput | undefined,
    children: {} as { takeTicket: 'takeTicket'; collectResult: 'collectResult'; checkIn: 'checkIn'; procedures: 'procedures'; speaker: 'guidanceSpeaker' },
  },
  actors: {
    loadKiosk: fromPromise<KioskInfo>(async () => {
      throw new Error('loadKiosk not provided');
    }),
    takeTicket: takeTicketMachine,
    collectResult: collectResultMachine,
    checkIn: checkInMachine,
    procedures: proceduresMachine,
    /** Sends `scan.received` for every slip scanned (serial scanner events, keyboard wedge); provided by the app. */
    scanSource: fromCallback<KioskSessionEvent>(() => () => undefined),
    /** While the camera is open: `scan.received` for the code it reads, or `camera.failed`; provided by the app. */
    cameraScanner: fromCallback<KioskSessionEvent>(() => () => undefined),
    /** While the attract screen shows: `opening.changed` whenever whether any service issues changes; provided by the app. */
    watchOpening: fromCallback<KioskSessionEvent>(() => () => undefined),
    /** Speaks what it is told (`SpeakerCommand`) and falls silent when stopped; provided by the app. */
    guidanceSpeaker: fromCallback<SpeakerCommand>(() => () => undefined),
  },
  delays: {
    idleTimeout: ({ context }) => context.timing.idleTimeoutMs,
    idleWarning: ({ context }) => context.timing.idleWarningMs,
    bootRetry: ({ context }) => context.timing.bootRetryMs,
  },
  actions: {
    clearSession: assign(() => freshSession()),
    rememberScan: assign({ pendingScan: ({ event }) => (event.type === 'scan.received' ? event.code : null) }),
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
  },
  guards: {
    /** A scan that is an appointment's QR (`LH:…`), not a dossier slip: the check-in flow takes it. */
    appointmentScan: ({ event }) => event.type === 'scan.received' && isAppointmentQr(event.code),
    /** A procedure's code or the QR posted in the centre (a URL holding it): the procedure lookup opens it. */
    procedureScan: ({ event }) => event.type === 'scan.received' && procedureCodeIn(event.code) !== undefined,
    /** The centre's catalogue has procedures: "Tra cứu thủ tục" is on the home screen (kiosk info `procedures`). */
    proceduresOffered: ({ context }) => context.info?.procedures === true,
  },
}).createMachine({
  id: 'kiosk',
  context: ({ input }) => ({ info: null, opening: null, ...freshSession(), timing: { ...DEFAULT_TIMING, ...input } }),
  invoke: [{ src: 'scanSource' }, { id: 'speaker', src: 'guidanceSpeaker' }],
  on: {
    // In the language the visitor has chosen by now (a switch re-renders the screen, which asks again).
    'guidance.say': { actions: sendTo('speaker', ({ context, event }): SpeakerCommand => ({ type: 'say', text: event.text, lang: context.prefs.lang })) },
    'guidance.stop': { actions: sendTo('speaker', (): SpeakerCommand => ({ type: 'stop' })) },
  },
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
      invoke: [
        // Outside the hours the attract screen says when the centre opens and offers the lockers (open at any hour).
        { src: 'watchOpening' },
        // The kiosk info again for the next visitor: a catalogue imported since the boot puts "Tra cứu thủ tục" on
        // the home screen without restarting the kiosk. Unanswered, the info from before stands.
        { src: 'loadKiosk', onDone: { actions: assign({ info: ({ event }) => event.output }) }, onError: { actions: [] } },
      ],
      on: {
        'opening.changed': { actions: assign({ opening: ({ event }) => ({ closed: event.closed, opensAt: event.opensAt }) }) },
        'kiosk.collect': '#collectingResult',
        'kiosk.touched': 'session',
        'kiosk.priorityTouched': { target: '#kiosk.session.flow.takingTicket', actions: assign({ priorityPath: true }) },
        'scan.received': [
          { guard: 'appointmentScan', target: '#checkingIn', actions: 'rememberScan' },
          { guard: 'procedureScan', target: '#browsingProcedures', actions: 'rememberScan' },
          { target: '#collectingResult', actions: 'rememberScan' },
        ],
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
            'scan.received': [
              { guard: 'appointmentScan', target: '.checkingIn', actions: 'rememberScan' },
              { guard: 'procedureScan', target: '.browsingProcedures', actions: 'rememberScan' },
              { target: '.collectingResult', actions: 'rememberScan' },
            ],
            'prefs.language': { actions: assign({ prefs: ({ context, event }) => ({ ...context.prefs, lang: event.lang }) }) },
            'prefs.toggle': { actions: assign({ prefs: ({ context, event }) => toggled(context.prefs, event.pref) }) },
          },
          states: {
            home: {
              entry: assign({ priorityPath: false, ticketServiceId: null, pendingScan: null }),
              on: { 'home.takeTicket': 'takingTicket', 'home.collectResult': 'collectingResult', 'home.checkIn': 'checkingIn', 'home.procedures': { guard: 'proceduresOffered', target: 'browsingProcedures' } },
            },
            takingTicket: {
              invoke: {
                id: 'takeTicket',
                src: 'takeTicket',
                input: ({ context }) => ({
                  serviceId: context.ticketServiceId,
                  priorityPath: context.priorityPath,
                  priorityCategories: context.info?.priorityCategories ?? [],
                  pickupLockers: context.info?.pickup.lockers ?? false,
                  timing: { ticketShownMs: context.timing.ticketShownMs, unprintedShownMs: context.timing.unprintedShownMs },
                }),
                onDone: [
                  // A slip scanned while choosing: the pickup flow takes over with it (the check-in, for an appointment's QR).
                  {
                    guard: ({ event }) => event.output.next === 'collect' && event.output.code !== null && isAppointmentQr(event.output.code),
                    target: 'checkingIn',
                    actions: assign({ pendingScan: ({ event }) => (event.output.next === 'collect' ? event.output.code : null) }),
                  },
                  // A procedure's QR scanned while choosing: the procedure lookup opens it.
                  {
                    guard: ({ event }) => event.output.next === 'collect' && event.output.code !== null && procedureCodeIn(event.output.code) !== undefined,
                    target: 'browsingProcedures',
                    actions: assign({ pendingScan: ({ event }) => (event.output.next === 'collect' ? event.output.code : null) }),
                  },
                  { guard: ({ event }) => event.output.next === 'collect', target: 'collectingResult', actions: assign({ pendingScan: ({ event }) => (event.output.next === 'collect' ? event.output.code : null) }) },
                  { target: 'home' },
                ],
              },
              // The ticket flow decides about a scan (not while a ticket is being printed), so it is passed on.
              on: forwardToTicket,
            },
            checkingIn: {
              id: 'checkingIn',
              invoke: {
                id: 'checkIn',
                src: 'checkIn',
                input: ({ context }) => ({ code: context.pendingScan, timing: { ticketShownMs: context.timing.ticketShownMs } }),
                onDone: [
                  // Too late for the appointment: a walk-in ticket for its service.
                  { guard: wantsTicket, target: 'takingTicket', actions: assign({ ticketServiceId: ticketServiceOf, pendingScan: null }) },
                  { target: 'home' },
                ],
              },
              on: {
                'scan.received': [
                  { guard: 'appointmentScan', actions: sendTo('checkIn', ({ event }) => ({ type: 'checkin.scanned' as const, code: event.type === 'scan.received' ? event.code : '' })) },
                  { guard: 'procedureScan', target: 'browsingProcedures', actions: 'rememberScan' },
                  { target: 'collectingResult', actions: 'rememberScan' },
                ],
              },
            },
            browsingProcedures: {
              id: 'browsingProcedures',
              invoke: {
                id: 'procedures',
                src: 'procedures',
                input: ({ context }) => ({ code: context.pendingScan === null ? null : (procedureCodeIn(context.pendingScan) ?? null) }),
                onDone: [
                  // "Lấy số cho thủ tục này": a ticket for the procedure's service.
                  { guard: wantsTicket, target: 'takingTicket', actions: assign({ ticketServiceId: ticketServiceOf, pendingScan: null }) },
                  { target: 'home' },
                ],
              },
              on: {
                'scan.received': [
                  { guard: 'procedureScan', actions: sendTo('procedures', ({ event }) => ({ type: 'procedures.scanned' as const, code: event.type === 'scan.received' ? (procedureCodeIn(event.code) ?? '') : '' })) },
                  { guard: 'appointmentScan', target: 'checkingIn', actions: 'rememberScan' },
                  { target: 'collectingResult', actions: 'rememberScan' },
                ],
              },
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
                  // A ticket for the result counter.
                  { guard: wantsTicket, target: 'takingTicket', actions: assign({ ticketServiceId: ticketServiceOf, pendingScan: null }) },
                  { target: 'home' },
                ],
              },
              on: { 'scan.received': { actions: sendTo('collectResult', ({ event }) => ({ type: 'slip.scanned', code: event.code })) } },
              // However the flow ends (done, home button, idle timeout), the idle timer runs again.
              exit: raise({ type: 'session.release' }),
            },
          },
        },
      },
    },
  },
});

export type KioskSessionMachine = typeof kioskSessionMachine;
