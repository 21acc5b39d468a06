/**
 * Checking in a booked visit: the code on the keypad (or a scanned appointment QR, given as input) → the agent →
 * the ticket with its booked time, printed. Too early: when to come back. Too late: a walk-in ticket for the same
 * service is offered (the session starts the ticket flow with it). A child of the kiosk session
 * (app/kiosk-session/); no React and no IO here: the agent is reached only through the `checkIn` actor
 * (check-in.actors.ts, or tests).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { CheckInResponse } from '../../../../shared/appointment-schemas';
import { AgentRequestError, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

export const APPOINTMENT_CODE_LENGTH = 8;

export interface CheckInInput {
  /** A code scanned before the flow started (an appointment QR on any screen). */
  code: string | null;
  timing?: { ticketShownMs?: number };
}

export type CheckInOutput = { next: 'home' } | { next: 'ticket'; serviceId: string };

export interface CheckInContext {
  code: string;
  result: CheckInResponse | null;
  errorCode: AgentErrorCode | null;
  /**
   * The agent's last refusal, kept while the citizen types again (errorCode clears at the first digit): the keypad's
   * spoken guidance says "not found" once, and does not switch back and speak again at that digit.
   */
  lastRefusal: AgentErrorCode | null;
  /** From the refusal's details: when check-in opens (too early), the booked time, the service (expired). */
  checkInFrom: string | null;
  start: string | null;
  serviceId: string | null;
  ticketShownMs: number;
  exit: CheckInOutput | null;
}

export type CheckInEvent =
  | { type: 'checkin.digit'; digit: string }
  | { type: 'checkin.delete' }
  | { type: 'checkin.submit' }
  | { type: 'checkin.scanned'; code: string }
  | { type: 'checkin.retry' }
  | { type: 'checkin.walkIn' }
  | { type: 'checkin.done' };

/** A QR scanned on a screen that waits for the citizen: checked at once (never while checking or showing the ticket). */
const scannedAgain = { 'checkin.scanned': { target: '#checkIn.checking', actions: 'takeScan' } } as const;

const detail = (event: unknown, key: string): string | null => {
  const error = (event as { error?: unknown } | null)?.error;
  const value = error instanceof AgentRequestError ? error.details[key] : undefined;
  return typeof value === 'string' ? value : null;
};

export const checkInMachine = setup({
  types: {
    context: {} as CheckInContext,
    events: {} as CheckInEvent,
    input: {} as CheckInInput,
    output: {} as CheckInOutput,
  },
  actors: {
    checkIn: fromPromise<CheckInResponse, { code: string }>(async () => {
      throw new Error('checkIn not provided');
    }),
  },
  delays: { ticketShown: ({ context }) => context.ticketShownMs },
  actions: {
    rememberRefusal: assign({
      errorCode: ({ event }) => errorEventCode(event),
      lastRefusal: ({ event }) => errorEventCode(event),
      checkInFrom: ({ event }) => detail(event, 'checkInFrom'),
      start: ({ event }) => detail(event, 'start'),
      serviceId: ({ event }) => detail(event, 'serviceId'),
    }),
    goHome: assign({ exit: { next: 'home' } as CheckInOutput }),
    takeScan: assign({ code: ({ event }) => (event.type === 'checkin.scanned' ? event.code : ''), errorCode: null }),
  },
  guards: {
    complete: ({ context }) => context.code.length === APPOINTMENT_CODE_LENGTH,
    scanned: ({ context }) => context.code !== '',
    refusedAs: ({ event }, code: AgentErrorCode) => errorEventCode(event) === code,
    walkInOffered: ({ context }) => context.serviceId !== null,
  },
}).createMachine({
  id: 'checkIn',
  context: ({ input }) => ({
    ...{ code: input.code ?? '', result: null, errorCode: null, lastRefusal: null, checkInFrom: null, start: null, serviceId: null },
    ...{ ticketShownMs: input.timing?.ticketShownMs ?? 15_000, exit: null },
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'scanned', target: 'checking' }, { target: 'entering' }] },
    entering: {
      on: {
        'checkin.digit': {
          guard: ({ context, event }) => context.code.length < APPOINTMENT_CODE_LENGTH && /^\d$/.test(event.digit),
          actions: assign({ code: ({ context, event }) => context.code + event.digit, errorCode: null }),
        },
        'checkin.delete': { actions: assign({ code: ({ context }) => context.code.slice(0, -1), errorCode: null }) },
        'checkin.submit': { guard: 'complete', target: 'checking' },
        'checkin.done': { target: 'done', actions: 'goHome' },
        ...scannedAgain,
      },
    },
    checking: {
      invoke: {
        src: 'checkIn',
        input: ({ context }) => ({ code: context.code }),
        onDone: { target: 'checkedIn', actions: assign({ result: ({ event }) => event.output, errorCode: null }) },
        onError: [
          // A typo: the keypad again, emptied, with the reason; a scanned code that is unknown likewise.
          { guard: { type: 'refusedAs', params: 'APPOINTMENT_NOT_FOUND' }, target: 'entering', actions: ['rememberRefusal', assign({ code: '' })] },
          { guard: { type: 'refusedAs', params: 'APPOINTMENT_TOO_EARLY' }, target: 'tooEarly', actions: 'rememberRefusal' },
          { guard: { type: 'refusedAs', params: 'APPOINTMENT_EXPIRED' }, target: 'expired', actions: 'rememberRefusal' },
          { target: 'failed', actions: 'rememberRefusal' },
        ],
      },
    },
    checkedIn: {
      after: { ticketShown: { target: 'done', actions: 'goHome' } },
      on: { 'checkin.done': { target: 'done', actions: 'goHome' } },
    },
    tooEarly: { on: { 'checkin.done': { target: 'done', actions: 'goHome' }, ...scannedAgain } },
    expired: {
      on: {
        'checkin.walkIn': { guard: 'walkInOffered', target: 'done', actions: assign({ exit: ({ context }) => ({ next: 'ticket', serviceId: context.serviceId! }) }) },
        'checkin.done': { target: 'done', actions: 'goHome' },
        ...scannedAgain,
      },
    },
    failed: {
      on: {
        'checkin.retry': 'checking',
        // A cancelled booking: a walk-in ticket for its service, as for a missed time.
        'checkin.walkIn': { guard: 'walkInOffered', target: 'done', actions: assign({ exit: ({ context }) => ({ next: 'ticket', serviceId: context.serviceId! }) }) },
        'checkin.done': { target: 'done', actions: 'goHome' },
        ...scannedAgain,
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.exit ?? { next: 'home' },
});

export type CheckInMachine = typeof checkInMachine;
