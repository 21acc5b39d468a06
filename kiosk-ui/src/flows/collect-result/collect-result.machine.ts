/**
 * Collecting a result: slip (scanned, or typed on the on-screen keypad) → lookup → either the dossier's status in
 * plain words with the next step, or the pickup code → the compartment opens → the citizen takes the papers and
 * shuts the door → receipt → a satisfaction rating → home. Anything that goes wrong ends on a screen that says
 * what to do, with a ticket for the result counter where the site has one.
 *
 * A child of the kiosk session (app/kiosk-session/): it finishes with an output telling the parent where to go (home, or issue a
 * ticket for the result counter). No React and no IO here: the agent is reached through the actors, provided by
 * collect-result.actors.ts or by tests.
 */
import { assign, fromCallback, fromPromise, sendParent, setup } from 'xstate';
import type { DossierLookup } from '../../../../shared/dossier-schemas';
import type { DossierPayment } from '../../../../shared/payment-schemas';
import { errorCodeOf, errorFactOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

export const PICKUP_CODE_LENGTH = 6;
export const SLIP_CODE_MAX = 40;

export interface CollectResultInput {
  /** A code already scanned (the flow starts with the lookup), or null to ask for the slip. */
  code: string | null;
  resultServiceId: string | null;
  ratingScale: 3 | 5;
  timing?: Partial<CollectResultTiming>;
}

export interface CollectResultTiming {
  /** How long the door may stay open before the kiosk gives up waiting and sends the citizen to staff. */
  doorWaitMs: number;
  ratingShownMs: number;
  thanksShownMs: number;
  /** How long the payment screen waits for the bank's confirmation before the kiosk goes home (the citizen rescans). */
  paymentWaitMs: number;
}

export const DEFAULT_COLLECT_TIMING: CollectResultTiming = { doorWaitMs: 300_000, ratingShownMs: 30_000, thanksShownMs: 5_000, paymentWaitMs: 600_000 };

export type CollectResultOutput = { next: 'home' } | { next: 'ticket'; serviceId: string };

export interface Compartment {
  board: number;
  lock: number;
}

export interface CollectResultContext {
  code: string | null;
  /** What the citizen has typed on the slip keypad. */
  entry: string;
  dossier: DossierLookup | null;
  pickupCode: string;
  attemptsLeft: number | null;
  retryAfterMinutes: number | null;
  /** What went wrong: the agent's code, or the kiosk's own DOOR_LEFT_OPEN (the door wait ran out). */
  errorCode: AgentErrorCode | 'DOOR_LEFT_OPEN' | null;
  compartment: Compartment | null;
  doorReminder: boolean;
  receiptPrinted: boolean | null;
  rated: number | null;
  /** Set when the citizen chose a ticket for the result counter; read by `output`. */
  wantsTicket: boolean;
  resultServiceId: string | null;
  ratingScale: 3 | 5;
  timing: CollectResultTiming;
}

export type CollectResultEvent =
  | { type: 'slip.scanned'; code: string }
  | { type: 'slip.key'; key: string }
  | { type: 'slip.delete' }
  | { type: 'slip.submit' }
  | { type: 'pin.digit'; digit: string }
  | { type: 'pin.delete' }
  | { type: 'pin.submit' }
  | { type: 'pickup.scanAgain' }
  | { type: 'pickup.takeTicket' }
  | { type: 'pickup.finish' }
  | { type: 'door.reminder' }
  // receiptPrinted is null when the kiosk learned of the handover by polling and does not know about the receipt.
  | { type: 'pickup.completed'; receiptPrinted: boolean | null }
  // From the payment watch: what is still due now (null: nothing, the citizen goes on to the pickup code).
  | { type: 'payment.updated'; payment: DossierPayment | null }
  | { type: 'rating.chosen'; level: number }
  | { type: 'rating.skip' };


export const collectResultMachine = setup({
  types: {
    context: {} as CollectResultContext,
    events: {} as CollectResultEvent,
    input: {} as CollectResultInput,
    output: {} as CollectResultOutput,
  },
  actors: {
    lookupDossier: fromPromise<DossierLookup, { code: string }>(async () => {
      throw new Error('lookupDossier not provided');
    }),
    openCompartment: fromPromise<{ compartment: Compartment }, { code: string; pickupCode: string }>(async () => {
      throw new Error('openCompartment not provided');
    }),
    sendRating: fromPromise<unknown, { reference: string; level: number }>(async () => {
      throw new Error('sendRating not provided');
    }),
    /** Reports `payment.updated` for this dossier while its fees are due (the agent's `payment.received`, and a poll). */
    watchPayment: fromCallback<CollectResultEvent, { dossierCode: string }>(() => () => undefined),
    /** Reports `door.reminder` and `pickup.completed` for this dossier (WS events from the agent). */
    watchPickup: fromCallback<CollectResultEvent, { dossierCode: string }>(() => () => undefined),
  },
  delays: {
    doorWait: ({ context }) => context.timing.doorWaitMs,
    ratingShown: ({ context }) => context.timing.ratingShownMs,
    thanksShown: ({ context }) => context.timing.thanksShownMs,
    paymentWait: ({ context }) => context.timing.paymentWaitMs,
  },
  actions: {
    /** A sound when the door opens, so a citizen looking at the lockers knows which way to turn (provided by the app). */
    cueDoorOpen: () => undefined,
    // While a door is open the citizen is at the lockers, not at the screen: the kiosk must not time out.
    holdSession: sendParent({ type: 'session.hold' }),
    releaseSession: sendParent({ type: 'session.release' }),
    rememberError: assign(({ event }) => {
      const error = (event as { error?: unknown }).error;
      return { errorCode: errorCodeOf(error), attemptsLeft: errorFactOf(error, 'attemptsLeft'), retryAfterMinutes: errorFactOf(error, 'retryAfterMinutes') };
    }),
    clearPin: assign({ pickupCode: '' }),
  },
  guards: {
    hasCode: ({ context }) => context.code !== null,
    inLocker: ({ context }) => context.dossier?.inLocker === true,
    paymentRequired: ({ event }) => errorEventCode(event) === 'PAYMENT_REQUIRED',
    entryNotEmpty: ({ context }) => context.entry.trim().length > 0,
    pinComplete: ({ context }) => context.pickupCode.length === PICKUP_CODE_LENGTH,
    wrongCode: ({ event }) => errorEventCode(event) === 'PICKUP_CODE_INVALID',
    slipProblem: ({ event }) => ['SLIP_CODE_INVALID', 'DOSSIER_NOT_FOUND', 'VALIDATION_FAILED'].includes(errorEventCode(event)),
    hasResultCounter: ({ context }) => context.resultServiceId !== null,
  },
}).createMachine({
  id: 'collectResult',
  context: ({ input }) => ({
    code: input.code,
    entry: '',
    dossier: null,
    pickupCode: '',
    attemptsLeft: null,
    retryAfterMinutes: null,
    errorCode: null,
    compartment: null,
    doorReminder: false,
    receiptPrinted: null,
    rated: null,
    wantsTicket: false,
    resultServiceId: input.resultServiceId,
    ratingScale: input.ratingScale,
    timing: { ...DEFAULT_COLLECT_TIMING, ...input.timing },
  }),
  initial: 'starting',
  // A slip scanned on any screen that is not busy with a compartment starts again with that slip.
  on: {
    'slip.scanned': { target: '.lookingUp', actions: assign({ code: ({ event }) => event.code, entry: '', errorCode: null }) },
    'pickup.finish': '.done',
    'pickup.takeTicket': { guard: 'hasResultCounter', target: '.ticket', actions: assign({ wantsTicket: true }) },
  },
  states: {
    starting: { always: [{ guard: 'hasCode', target: 'lookingUp' }, { target: 'waitingForSlip' }] },
    waitingForSlip: {
      on: {
        'slip.key': { guard: ({ context }) => context.entry.length < SLIP_CODE_MAX, actions: assign({ entry: ({ context, event }) => context.entry + event.key }) },
        'slip.delete': { actions: assign({ entry: ({ context }) => context.entry.slice(0, -1) }) },
        'slip.submit': { guard: 'entryNotEmpty', target: 'lookingUp', actions: assign({ code: ({ context }) => context.entry.trim() }) },
      },
    },
    lookingUp: {
      invoke: {
        src: 'lookupDossier',
        input: ({ context }) => ({ code: context.code! }),
        onDone: [
          // Fees still due: the VietQR first; the pickup code once the bank has confirmed.
          { guard: ({ event }) => event.output.inLocker && (event.output.payment?.due ?? 0) > 0, target: 'paying', actions: assign({ dossier: ({ event }) => event.output, pickupCode: '', attemptsLeft: null, errorCode: null }) },
          { guard: ({ event }) => event.output.inLocker, target: 'enteringCode', actions: assign({ dossier: ({ event }) => event.output, pickupCode: '', attemptsLeft: null }) },
          { target: 'showingStatus', actions: assign({ dossier: ({ event }) => event.output }) },
        ],
        onError: [
          { guard: 'slipProblem', target: 'slipProblem', actions: 'rememberError' },
          { target: 'problem', actions: 'rememberError' },
        ],
      },
    },
    // Not in a locker: where the dossier stands, the due date and what to do next (screens read `dossier`).
    showingStatus: {},
    slipProblem: {
      on: { 'pickup.scanAgain': { target: 'waitingForSlip', actions: assign({ entry: '', code: null, errorCode: null }) } },
    },
    // The amount and the VietQR on screen (payment-screen.tsx); goes on by itself when the payment arrives. The
    // citizen is busy with a phone, not the screen: the session waits (up to paymentWait).
    paying: {
      entry: 'holdSession',
      exit: 'releaseSession',
      invoke: { src: 'watchPayment', input: ({ context }) => ({ dossierCode: context.dossier!.code }) },
      on: {
        'payment.updated': [
          {
            guard: ({ event }) => event.payment === null || event.payment.due <= 0,
            target: 'enteringCode',
            actions: assign({ dossier: ({ context }) => (context.dossier ? { ...context.dossier, payment: undefined } : null) }),
          },
          // Part paid (a short transfer): the rest, and its QR, on screen.
          { actions: assign({ dossier: ({ context, event }) => (context.dossier && event.payment ? { ...context.dossier, payment: event.payment } : context.dossier) }) },
        ],
      },
      after: { paymentWait: 'done' },
    },
    enteringCode: {
      on: {
        'pin.digit': {
          guard: ({ context, event }) => context.pickupCode.length < PICKUP_CODE_LENGTH && /^\d$/.test(event.digit),
          actions: assign({ pickupCode: ({ context, event }) => context.pickupCode + event.digit }),
        },
        'pin.delete': { actions: assign({ pickupCode: ({ context }) => context.pickupCode.slice(0, -1) }) },
        'pin.submit': { guard: 'pinComplete', target: 'opening' },
      },
    },
    opening: {
      // The scanner must not restart the flow while the agent may be opening a door.
      on: { 'slip.scanned': {}, 'pickup.finish': {}, 'pickup.takeTicket': {} },
      invoke: {
        src: 'openCompartment',
        input: ({ context }) => ({ code: context.dossier!.code, pickupCode: context.pickupCode }),
        onDone: { target: 'doorOpen', actions: [assign({ compartment: ({ event }) => event.output.compartment, pickupCode: '', errorCode: null }), 'cueDoorOpen'] },
        onError: [
          { guard: 'wrongCode', target: 'enteringCode', actions: ['rememberError', 'clearPin'] },
          // Fees still due (another payment reversed, or fees set since the lookup): look up again for the QR.
          { guard: 'paymentRequired', target: 'lookingUp', actions: 'clearPin' },
          // Anything else (a lockout, a pause, a compartment that did not open) is a problem screen that says what
          // to do; the screen picks its words from the code (pickup-problem-screen.tsx).
          { target: 'problem', actions: ['rememberError', 'clearPin'] },
        ],
      },
    },
    doorOpen: {
      entry: 'holdSession',
      exit: 'releaseSession',
      on: { 'slip.scanned': {}, 'pickup.finish': {}, 'pickup.takeTicket': {}, 'door.reminder': { actions: assign({ doorReminder: true }) }, 'pickup.completed': { target: 'rating', actions: assign({ receiptPrinted: ({ event }) => event.receiptPrinted }) } },
      invoke: { src: 'watchPickup', input: ({ context }) => ({ dossierCode: context.dossier!.code }) },
      after: { doorWait: { target: 'problem', actions: assign({ errorCode: 'DOOR_LEFT_OPEN' }) } },
    },
    rating: {
      on: {
        'rating.chosen': {
          guard: ({ context, event }) => event.level >= 1 && event.level <= context.ratingScale,
          target: 'sendingRating',
          actions: assign({ rated: ({ event }) => event.level }),
        },
        'rating.skip': 'done',
      },
      after: { ratingShown: 'done' },
    },
    sendingRating: {
      // A rating that does not reach the agent is not the citizen's problem: thank them either way.
      invoke: { src: 'sendRating', input: ({ context }) => ({ reference: context.dossier!.code, level: context.rated! }), onDone: 'thanks', onError: 'thanks' },
    },
    thanks: { after: { thanksShown: 'done' } },
    // Locked out, a compartment that would not open, already collected, no connection: what to do next.
    problem: {},
    ticket: { type: 'final' },
    done: { type: 'final' },
  },
  output: ({ context }): CollectResultOutput =>
    context.wantsTicket && context.resultServiceId ? { next: 'ticket', serviceId: context.resultServiceId } : { next: 'home' },
});

export type CollectResultMachine = typeof collectResultMachine;
