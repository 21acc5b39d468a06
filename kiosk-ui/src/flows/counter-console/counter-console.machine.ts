/**
 * The counter console (/counter/:id): a counter officer signs in with a username and password (an integration
 * token still works for a machine), then calls, recalls,
 * serves, finishes, marks no-shows, transfers, parks a ticket (the citizen went to fetch a paper) and calls it back
 * from the parked list, and calls particular numbers. The view is the agent's CounterState,
 * refetched after every action and whenever the queue changes (agent events), and after the live connection
 * comes back (events sent while it was down are lost, so the picture is fetched whole). No React and no IO here:
 * the agent is reached through the `loadCounter` and `runCommand` actors, the token kept by `saveToken` /
 * `forgetToken`, all provided by the page (counter-console.actors.ts) or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { CounterActionResponse, CounterState, TransferRequest } from '../../../../shared/counter-schemas';
import { canDo, type CounterAction } from '../../../../shared/ticket-transitions';
import { errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { noAgentUpdates, type AgentUpdate } from '../../agent-client/agent-updates';
import { signInRefusal, type SignInRefusal } from '../../agent-client/sign-in-refusal';
import type { OfficerView } from '../../../../shared/staff-schemas';

export type CurrentAction = 'recall' | 'start' | 'finish' | 'no-show' | 'park';
export type CounterCommand =
  /** `dossierCode`: finish the open visit with that dossier first (call-next finishes it anyway). */
  | { kind: 'call-next'; dossierCode?: string }
  | { kind: Exclude<CurrentAction, 'finish'> }
  /** `dossierCode`: the dossier received or returned in this visit; the citizen's rating is tied to it. */
  | { kind: 'finish'; dossierCode?: string }
  | { kind: 'call'; number: string }
  /** Call back a ticket of this counter's parked list. */
  | { kind: 'call-back'; ticketId: string }
  | { kind: 'transfer'; to: Omit<TransferRequest, 'ticketId'> };

export interface CounterConsoleInput {
  counterId: string;
  /** A token kept from an earlier sign-in in this browser session, if any. */
  token?: string | null;
  retryMs?: number;
}

export interface CounterConsoleContext {
  counterId: string;
  token: string | null;
  /** Who signed in (none for an integration token or a token kept from before a reload). */
  officer: OfficerView | null;
  /** Why the last sign-in was refused, with its facts (attempts left, locked until). */
  refusal: SignInRefusal | null;
  view: CounterState | null;
  errorCode: AgentErrorCode | null;
  /** What the last action did, for the officer's confirmation line. */
  notice: { kind: CounterCommand['kind']; number: string } | null;
  /** The command being sent. */
  pending: CounterCommand | null;
  /** The dossier code the officer typed for the open visit, sent with its finish (or the call-next that ends it). */
  dossierCode: string;
  connected: boolean;
  retryMs: number;
}

export type CounterConsoleEvent =
  | { type: 'token.submitted'; token: string }
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: 'signOut' }
  | { type: 'retry' }
  | { type: 'command'; command: CounterCommand }
  | { type: 'dialog.transfer' }
  | { type: 'dialog.callNumber' }
  | { type: 'dialog.cancel' }
  | { type: 'dossier.typed'; code: string }
  | AgentUpdate;

/** The console's action names for the agent's (shared/ticket-transitions.ts): "start" is the agent's "serve". */
const AGENT_ACTION: Record<CurrentAction | 'transfer', CounterAction> = {
  recall: 'recall',
  start: 'serve',
  finish: 'finish',
  'no-show': 'no-show',
  park: 'park',
  transfer: 'transfer',
};

/**
 * Whether a command makes sense for the counter's current ticket: buttons and shortcuts use the agent's own rule.
 * Calling back needs a ticket on the counter's parked list (`ticketId`; without one, whether there is any).
 */
export function commandAllowed(kind: CounterCommand['kind'], view: CounterState | null, ticketId?: string): boolean {
  if (!view) return false;
  if (kind === 'call-next' || kind === 'call') return true;
  if (kind === 'call-back') return view.parked.some((p) => ticketId === undefined || p.id === ticketId);
  const current = view.current;
  return current !== null && canDo(AGENT_ACTION[kind], { status: current.status, counterId: current.counterId ?? null }, view.counter.id) === 'ok';
}

const QUEUE_EVENTS = new Set(['ticket.issued', 'ticket.called', 'ticket.updated']);

/** What the officer may start while the console is idle or refreshing in the background. */
const officerActions = {
  command: { guard: 'allowed', target: 'acting', actions: 'takeCommand' },
  'dialog.transfer': { guard: 'canTransfer', target: 'transferDialog' },
  'dialog.callNumber': { target: 'callNumberDialog' },
} as const;

export const counterConsoleMachine = setup({
  types: {
    context: {} as CounterConsoleContext,
    events: {} as CounterConsoleEvent,
    input: {} as CounterConsoleInput,
  },
  actors: {
    loadCounter: fromPromise<CounterState, { counterId: string; token: string }>(async () => {
      throw new Error('loadCounter not provided');
    }),
    runCommand: fromPromise<CounterActionResponse, { counterId: string; token: string; command: CounterCommand }>(async () => {
      throw new Error('runCommand not provided');
    }),
    signIn: fromPromise<{ token: string; officer: OfficerView }, { username: string; password: string; counterId: string }>(async () => {
      throw new Error('signIn not provided');
    }),
    /** Ends the session at the agent; the console is signed out whatever it answers. */
    signOut: fromPromise<unknown, { token: string }>(async () => undefined),
    updates: noAgentUpdates,
  },
  actions: {
    /** Keeps the token for this browser session (sessionStorage on the page); replaced by the page. */
    saveToken: () => undefined,
    forgetToken: () => undefined,
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
    takeCommand: assign({
      pending: ({ context, event }) => {
        if (event.type !== 'command') return null;
        const code = context.dossierCode.trim();
        const open = context.view?.current?.status === 'called' || context.view?.current?.status === 'serving';
        if (code && (event.command.kind === 'finish' || (event.command.kind === 'call-next' && open))) return { kind: event.command.kind, dossierCode: code };
        return event.command;
      },
    }),
    /** The visit the code belonged to is over (or another was called): the field starts empty for the next one. */
    clearDossierWhenVisitEnds: assign({
      dossierCode: ({ context }) => (context.pending && ['recall', 'start', 'park'].includes(context.pending.kind) ? context.dossierCode : ''),
    }),
  },
  guards: {
    hasToken: ({ context }) => context.token !== null && context.token !== '',
    unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
    unknownCounter: ({ event }) => errorEventCode(event) === 'COUNTER_NOT_FOUND',
    allowed: ({ context, event }) =>
      event.type === 'command' && commandAllowed(event.command.kind, context.view, event.command.kind === 'call-back' ? event.command.ticketId : undefined),
    canTransfer: ({ context }) => commandAllowed('transfer', context.view),
    queueChanged: ({ event }) => event.type === 'agent.event' && QUEUE_EVENTS.has(event.event.type),
    reconnected: ({ event }) => event.type === 'agent.connection' && event.connected,
    /**
     * A supervisor ended this officer's sessions (disabled the account, reset its password). A console that does not
     * know who signed in (a token kept from before a reload, an integration token) checks too: one request more.
     */
    sessionsEnded: ({ context, event }) =>
      event.type === 'agent.event' && event.event.type === 'staff.sessionsEnded' && (context.officer === null || context.officer.id === event.event.data.accountId),
  },
  delays: { retry: ({ context }) => context.retryMs },
}).createMachine({
  id: 'counter',
  context: ({ input }) => ({
    counterId: input.counterId,
    token: input.token ?? null,
    officer: null,
    refusal: null,
    view: null,
    errorCode: null,
    notice: null,
    pending: null,
    dossierCode: '',
    connected: false,
    retryMs: input.retryMs ?? 3_000,
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'hasToken', target: 'verifying' }, { target: 'signedOut' }] },
    signedOut: {
      on: {
        'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' },
        'token.submitted': {
          guard: ({ event }) => event.token.trim() !== '',
          target: 'verifying',
          actions: assign({ token: ({ event }) => event.token.trim(), errorCode: null, refusal: null }),
        },
      },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ context, event }) => {
          const e = event as Extract<CounterConsoleEvent, { type: 'credentials.submitted' }>;
          return { username: e.username.trim(), password: e.password, counterId: context.counterId };
        },
        onDone: { target: 'verifying', actions: assign({ token: ({ event }) => event.output.token, officer: ({ event }) => event.output.officer, errorCode: null, refusal: null }) },
        onError: { target: 'signedOut', actions: ['rememberError', assign({ refusal: ({ event }) => signInRefusal(event) })] },
      },
    },
    // Signing out ends the session at the agent too; the console is signed out whatever the agent says.
    signingOut: {
      invoke: {
        src: 'signOut',
        input: ({ context }) => ({ token: context.token ?? '' }),
        onDone: { target: 'signedOut', actions: [assign({ token: null, officer: null, view: null, notice: null, errorCode: null }), 'forgetToken'] },
        onError: { target: 'signedOut', actions: [assign({ token: null, officer: null, view: null, notice: null, errorCode: null }), 'forgetToken'] },
      },
    },
    verifying: {
      invoke: {
        src: 'loadCounter',
        input: ({ context }) => ({ counterId: context.counterId, token: context.token! }),
        onDone: { target: 'ready', actions: [assign({ view: ({ event }) => event.output, errorCode: null }), 'saveToken'] },
        onError: [
          { guard: 'unauthorized', target: 'signedOut', actions: ['rememberError', assign({ token: null, officer: null }), 'forgetToken'] },
          { guard: 'unknownCounter', target: 'unknownCounter', actions: 'rememberError' },
          { target: 'unreachable', actions: 'rememberError' },
        ],
      },
    },
    // The agent is down or restarting: try again by itself, the officer may also press retry.
    unreachable: { after: { retry: 'verifying' }, on: { retry: 'verifying' } },
    unknownCounter: {},
    ready: {
      invoke: { src: 'updates' },
      on: {
        signOut: { target: 'signingOut' },
        'dossier.typed': { actions: assign({ dossierCode: ({ event }) => event.code.slice(0, 64) }) },
        // Checked at once: the agent answers 401 and the console shows the sign-in form ("the session has ended").
        'agent.event': { guard: 'sessionsEnded', target: 'verifying' },
        'agent.connection': [
          { guard: 'reconnected', target: '.refreshing', actions: assign({ connected: true }) },
          { actions: assign({ connected: false }) },
        ],
      },
      initial: 'idle',
      states: {
        idle: {
          on: {
            ...officerActions,
            'agent.event': { guard: 'queueChanged', target: 'refreshing' },
          },
        },
        transferDialog: {
          on: {
            command: {
              guard: ({ context, event }) => event.command.kind === 'transfer' && commandAllowed('transfer', context.view),
              target: 'acting',
              actions: 'takeCommand',
            },
            // Queue events while the dialog is open are caught up when it closes.
            'dialog.cancel': 'refreshing',
          },
        },
        callNumberDialog: {
          on: {
            command: { guard: ({ event }) => event.command.kind === 'call', target: 'acting', actions: 'takeCommand' },
            'dialog.cancel': 'refreshing',
          },
        },
        acting: {
          invoke: {
            src: 'runCommand',
            input: ({ context }) => ({ counterId: context.counterId, token: context.token!, command: context.pending! }),
            onDone: {
              target: 'refreshing',
              actions: [
                assign({
                  errorCode: null,
                  notice: ({ context, event }) => ({ kind: context.pending!.kind, number: event.output.ticket.number }),
                }),
                'clearDossierWhenVisitEnds',
              ],
            },
            onError: [
              { guard: 'unauthorized', target: '#counter.signedOut', actions: ['rememberError', assign({ token: null, officer: null }), 'forgetToken'] },
              // Whatever failed, the picture may be stale (another counter took the ticket): refetch, keep the error.
              { target: 'refreshing', actions: ['rememberError', assign({ notice: null })] },
            ],
          },
        },
        refreshing: {
          // A background refresh must not swallow the officer's key press: the action goes ahead (and refreshes after).
          on: { ...officerActions, 'agent.event': { guard: 'queueChanged', target: 'refreshing', reenter: true } },
          invoke: {
            src: 'loadCounter',
            input: ({ context }) => ({ counterId: context.counterId, token: context.token! }),
            onDone: { target: 'idle', actions: assign({ view: ({ event }) => event.output }) },
            onError: [
              { guard: 'unauthorized', target: '#counter.signedOut', actions: ['rememberError', assign({ token: null, officer: null }), 'forgetToken'] },
              { target: 'idle', actions: 'rememberError' },
            ],
          },
        },
      },
    },
  },
});
