/**
 * Technician diagnostics (/diagnostics, reached from the kiosk by a hidden long press): the PIN, then screens
 * for each device, with actions (test print, open a compartment, self-test). Wrong PINs count down; after the
 * agent locks entry the PIN pad waits out the lockout. The session ends by itself after the agent's idle time
 * without a touch, or at once when the agent says it has ended; the technician can end it. No React and no IO:
 * the agent is reached through the `openSession`, `loadSection`, `runAction` and `endSession` actors, given by the
 * page (diagnostics.actors.ts) or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { TechnicianSession } from '../../../../shared/diagnostics-schemas';
import { AgentRequestError, errorCodeOf, errorFactOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import type { ActionResult, DiagnosticsAction, Section, SectionData } from './diagnostics.types';

/** A text fact the agent attached to an error (the dossier in a compartment), if any. */
function errorTextOf(err: unknown, name: string): string | null {
  const value = err instanceof AgentRequestError ? err.details[name] : undefined;
  return typeof value === 'string' ? value : null;
}

export { SECTIONS, type ActionResult, type DiagnosticsAction, type Section, type SectionData } from './diagnostics.types';

export interface DiagnosticsContext {
  token: string | null;
  idleMs: number;
  section: Section;
  /** The section's data as the agent sent it, with the section it is for. */
  data: SectionData | null;
  /** Why the last PIN was refused: the code and, for a wrong PIN, the tries left. */
  pinError: { code: string; attemptsLeft: number | null } | null;
  lockedMinutes: number;
  /** The last action's result (the screen shows it) or its error code. */
  result: ActionResult | null;
  errorCode: AgentErrorCode | null;
  /** Why the last action failed (paper out, a lock that did not answer): kept while the section reloads to show it. */
  actionError: string | null;
  /** The action being run. */
  pending: DiagnosticsAction | null;
  /** Set when the agent refused an open without a reason: the dossier inside. */
  needsReason: { board: number; lock: number; dossierCode: string | null } | null;
}

export type DiagnosticsEvent =
  | { type: 'pin.submit'; pin: string }
  | { type: 'section.show'; section: Section }
  | { type: 'refresh' }
  | { type: 'action'; action: DiagnosticsAction }
  | { type: 'reason.cancel' }
  | { type: 'user.activity' }
  | { type: 'end' };

const SESSION_ENDED = 'TECHNICIAN_SESSION_REQUIRED';

/** Sections whose screen follows the device as it happens (a scan appears within a second). */
const LIVE_SECTIONS = new Set<Section>(['scanner', 'log']);
const LIVE_MS = 1_000;

export const diagnosticsMachine = setup({
  types: {
    context: {} as DiagnosticsContext,
    events: {} as DiagnosticsEvent,
    input: {} as { section?: Section } | undefined,
  },
  actors: {
    openSession: fromPromise<TechnicianSession, { pin: string }>(async () => {
      throw new Error('openSession not provided');
    }),
    loadSection: fromPromise<SectionData, { token: string; section: Section }>(async () => {
      throw new Error('loadSection not provided');
    }),
    runAction: fromPromise<ActionResult, { token: string; action: DiagnosticsAction }>(async () => {
      throw new Error('runAction not provided');
    }),
    endSession: fromPromise<void, { token: string }>(async () => undefined),
  },
  delays: {
    idle: ({ context }) => context.idleMs,
    live: LIVE_MS,
    lockout: ({ context }) => context.lockedMinutes * 60_000,
  },
  guards: {
    liveSection: ({ context }) => LIVE_SECTIONS.has(context.section),
    locked: ({ event }) => errorEventCode(event) === 'TECHNICIAN_LOCKED',
    sessionEnded: ({ event }) => errorEventCode(event) === SESSION_ENDED,
    reasonRequired: ({ event }) => errorEventCode(event) === 'REASON_REQUIRED',
  },
  actions: {
    forgetSession: assign({ token: null, data: null, result: null, errorCode: null, actionError: null, pending: null, needsReason: null }),
  },
}).createMachine({
  id: 'diagnostics',
  context: ({ input }) => ({
    token: null,
    idleMs: 5 * 60_000,
    section: input?.section ?? 'overview',
    data: null,
    pinError: null,
    lockedMinutes: 0,
    result: null,
    errorCode: null,
    actionError: null,
    pending: null,
    needsReason: null,
  }),
  initial: 'entering',
  states: {
    entering: {
      on: { 'pin.submit': { target: 'signingIn', guard: ({ event }) => event.pin.length > 0 } },
    },
    signingIn: {
      invoke: {
        src: 'openSession',
        input: ({ event }) => ({ pin: (event as { pin: string }).pin }),
        onDone: {
          target: 'open',
          actions: assign({ token: ({ event }) => event.output.token, idleMs: ({ event }) => event.output.idleSeconds * 1000, pinError: null }),
        },
        onError: [
          { guard: 'locked', target: 'locked', actions: assign({ lockedMinutes: ({ event }) => errorFactOf(event.error, 'retryAfterMinutes') ?? 15, pinError: null }) },
          {
            target: 'entering',
            actions: assign({ pinError: ({ event }) => ({ code: errorCodeOf(event.error), attemptsLeft: errorFactOf(event.error, 'attemptsLeft') }) }),
          },
        ],
      },
    },
    locked: {
      after: { lockout: { target: 'entering', actions: assign({ lockedMinutes: 0 }) } },
    },
    open: {
      type: 'parallel',
      on: { end: { target: 'ending' } },
      states: {
        // Any touch keeps the session; without one for the agent's idle time it has ended there too.
        idle: {
          initial: 'watching',
          states: {
            watching: {
              after: { idle: { target: '#diagnostics.ended', actions: 'forgetSession' } },
              on: { 'user.activity': { target: 'watching', reenter: true } },
            },
          },
        },
        screen: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadSection',
                input: ({ context }) => ({ token: context.token!, section: context.section }),
                onDone: { target: 'showing', actions: assign({ data: ({ event }) => event.output, errorCode: null }) },
                onError: [
                  { guard: 'sessionEnded', target: '#diagnostics.ended', actions: 'forgetSession' },
                  { target: 'showing', actions: assign({ data: null, errorCode: ({ event }) => errorCodeOf(event.error) }) },
                ],
              },
            },
            showing: {
              // The scanner's frames and the log are watched live: fetched again every LIVE_MS while shown.
              after: { live: { guard: 'liveSection', target: 'loading' } },
              on: {
                // The old section's data goes at once: no screen is ever drawn with another screen's data.
                'section.show': { target: 'loading', actions: assign({ section: ({ event }) => event.section, data: null, result: null, errorCode: null, actionError: null, needsReason: null }) },
                refresh: { target: 'loading' },
                action: { target: 'acting', actions: assign({ pending: ({ event }) => event.action, result: null, actionError: null, needsReason: null }) },
                'reason.cancel': { actions: assign({ needsReason: null }) },
              },
            },
            acting: {
              invoke: {
                src: 'runAction',
                input: ({ context }) => ({ token: context.token!, action: context.pending! }),
                onDone: {
                  target: 'loading', // the screen shows the state the action left
                  actions: assign({ result: ({ event }) => event.output, pending: null }),
                },
                onError: [
                  { guard: 'sessionEnded', target: '#diagnostics.ended', actions: 'forgetSession' },
                  {
                    guard: 'reasonRequired',
                    target: 'showing',
                    actions: assign({
                      needsReason: ({ context, event }) =>
                        context.pending?.kind === 'open-compartment'
                          ? { board: context.pending.board, lock: context.pending.lock, dossierCode: errorTextOf(event.error, 'dossierCode') }
                          : null,
                      actionError: ({ context }) => (context.pending?.kind === 'open-compartment' ? null : 'REASON_REQUIRED'),
                      pending: null,
                    }),
                  },
                  // The device's state after the failure is fetched again, so its card shows what to check.
                  { target: 'loading', actions: assign({ actionError: ({ event }) => errorCodeOf(event.error), pending: null }) },
                ],
              },
            },
          },
        },
      },
    },
    ending: {
      invoke: { src: 'endSession', input: ({ context }) => ({ token: context.token! }), onDone: 'done', onError: 'done' },
      exit: 'forgetSession',
    },
    /** The session ended (idle, or the agent says so): the PIN again, or back to the kiosk. */
    ended: {
      on: { 'pin.submit': { target: 'signingIn', guard: ({ event }) => event.pin.length > 0 } },
    },
    done: { type: 'final' },
  },
});
