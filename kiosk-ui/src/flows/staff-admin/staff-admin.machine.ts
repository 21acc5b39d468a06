/**
 * The supervisor's page (/admin/staff): a supervisor signs in as on the counter console, sees every account (role,
 * active / disabled / locked, the counters it is signed in at now), adds an account, disables one (after a
 * confirmation; its console signs out at once) or enables it again, and resets a password. The list is fetched
 * again after every action. An officer who is not a supervisor is told so (the agent answers 403
 * STAFF_ROLE_REQUIRED). No React and no IO: `loadAccounts`, `addAccount`, `setDisabled`, `resetPassword`, `signIn`
 * and `signOut` are provided by the page (staff-admin.actors.ts) or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { AccountView, OfficerView, StaffRole } from '../../../../shared/staff-schemas';
import { errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { signInRefusal, type SignInRefusal } from '../../agent-client/sign-in-refusal';

export const MIN_PASSWORD_LENGTH = 8;

export interface NewAccount {
  username: string;
  name: string;
  role: StaffRole;
  password: string;
}

/** What the supervisor's form has wrong before anything is sent. */
export type FormProblem = 'passwordShort' | 'passwordMismatch' | 'missing';

/** What the last action did, for the confirmation line. */
export type AdminNotice =
  | { kind: 'added'; username: string }
  | { kind: 'disabled'; username: string; sessionsEnded: number }
  | { kind: 'enabled'; username: string }
  | { kind: 'passwordReset'; username: string };

export interface StaffAdminContext {
  token: string | null;
  /** The supervisor signed in (their own row cannot be disabled or reset here). */
  me: OfficerView | null;
  accounts: AccountView[] | null;
  errorCode: AgentErrorCode | null;
  refusal: SignInRefusal | null;
  formProblem: FormProblem | null;
  notice: AdminNotice | null;
  /** The account a confirmation or the password form is about. */
  selected: AccountView | null;
  /** What the confirmation sets `disabled` to. */
  disabling: boolean;
}

export type StaffAdminEvent =
  | { type: 'credentials.submitted'; username: string; password: string }
  | { type: 'signOut' }
  | { type: 'retry' }
  | { type: 'refresh' }
  | { type: 'add.open' }
  | { type: 'add.submit'; account: NewAccount; confirm: string }
  | { type: 'disable.ask'; accountId: number; disabled: boolean }
  | { type: 'disable.confirm' }
  | { type: 'password.open'; accountId: number }
  | { type: 'password.submit'; password: string; confirm: string }
  | { type: 'dialog.cancel' };

type Authed = { token: string };

function problemOf(password: string, confirm: string, filled = true): FormProblem | null {
  if (!filled) return 'missing';
  if (password.length < MIN_PASSWORD_LENGTH) return 'passwordShort';
  if (password !== confirm) return 'passwordMismatch';
  return null;
}

const signedOutContext = { token: null, me: null, accounts: null, selected: null, notice: null, formProblem: null } as const;

export const staffAdminMachine = setup({
  types: {
    context: {} as StaffAdminContext,
    events: {} as StaffAdminEvent,
    input: {} as { token?: string | null },
  },
  actors: {
    loadAccounts: fromPromise<{ me: OfficerView; accounts: AccountView[] }, Authed>(async () => {
      throw new Error('loadAccounts not provided');
    }),
    addAccount: fromPromise<OfficerView, Authed & { account: NewAccount }>(async () => {
      throw new Error('addAccount not provided');
    }),
    setDisabled: fromPromise<{ sessionsEnded: number }, Authed & { accountId: number; disabled: boolean }>(async () => {
      throw new Error('setDisabled not provided');
    }),
    resetPassword: fromPromise<unknown, Authed & { accountId: number; password: string }>(async () => {
      throw new Error('resetPassword not provided');
    }),
    signIn: fromPromise<{ token: string; officer: OfficerView }, { username: string; password: string }>(async () => {
      throw new Error('signIn not provided');
    }),
    /** Ends the session at the agent; the page is signed out whatever it answers. */
    signOut: fromPromise<unknown, Authed>(async () => undefined),
  },
  actions: {
    saveToken: () => undefined,
    forgetToken: () => undefined,
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
    signedOutForGood: assign({ ...signedOutContext, errorCode: 'UNAUTHORIZED' as AgentErrorCode }),
  },
  guards: {
    hasToken: ({ context }) => !!context.token,
    unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
    notSupervisor: ({ event }) => errorEventCode(event) === 'STAFF_ROLE_REQUIRED',
  },
}).createMachine({
  id: 'staffAdmin',
  context: ({ input }) => ({
    token: input.token ?? null,
    me: null,
    accounts: null,
    errorCode: null,
    refusal: null,
    formProblem: null,
    notice: null,
    selected: null,
    disabling: true,
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'hasToken', target: 'loading' }, { target: 'signedOut' }] },
    signedOut: {
      on: {
        'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' },
      },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ event }) => {
          const e = event as Extract<StaffAdminEvent, { type: 'credentials.submitted' }>;
          return { username: e.username.trim(), password: e.password };
        },
        onDone: { target: 'loading', actions: assign({ token: ({ event }) => event.output.token, me: ({ event }) => event.output.officer, errorCode: null, refusal: null }) },
        onError: { target: 'signedOut', actions: ['rememberError', assign({ refusal: ({ event }) => signInRefusal(event) })] },
      },
    },
    loading: {
      invoke: {
        src: 'loadAccounts',
        input: ({ context }) => ({ token: context.token! }),
        onDone: { target: 'ready', actions: [assign({ accounts: ({ event }) => event.output.accounts, me: ({ event }) => event.output.me, errorCode: null }), 'saveToken'] },
        onError: [
          { guard: 'unauthorized', target: 'signedOut', actions: ['signedOutForGood', 'forgetToken'] },
          { guard: 'notSupervisor', target: 'notSupervisor', actions: 'rememberError' },
          { target: 'failed', actions: 'rememberError' },
        ],
      },
    },
    // Signed in, but as an officer: this page is for supervisors. Signing in as someone else ends that session.
    notSupervisor: { on: { signOut: 'signingOut' } },
    failed: { on: { retry: 'loading', signOut: 'signingOut' } },
    signingOut: {
      invoke: {
        src: 'signOut',
        input: ({ context }) => ({ token: context.token ?? '' }),
        onDone: { target: 'signedOut', actions: [assign({ ...signedOutContext, errorCode: null, refusal: null }), 'forgetToken'] },
        onError: { target: 'signedOut', actions: [assign({ ...signedOutContext, errorCode: null, refusal: null }), 'forgetToken'] },
      },
    },
    ready: {
      on: { signOut: '#staffAdmin.signingOut' },
      initial: 'idle',
      states: {
        idle: {
          on: {
            refresh: 'refreshing',
            'add.open': { target: 'addForm', actions: assign({ formProblem: null, errorCode: null, notice: null }) },
            'disable.ask': {
              guard: ({ context, event }) => context.accounts?.some((a) => a.id === event.accountId && a.id !== context.me?.id) ?? false,
              target: 'confirmDisable',
              actions: assign({
                selected: ({ context, event }) => context.accounts!.find((a) => a.id === event.accountId)!,
                disabling: ({ event }) => event.disabled,
                errorCode: null,
                notice: null,
              }),
            },
            'password.open': {
              guard: ({ context, event }) => context.accounts?.some((a) => a.id === event.accountId && a.id !== context.me?.id) ?? false,
              target: 'passwordForm',
              actions: assign({ selected: ({ context, event }) => context.accounts!.find((a) => a.id === event.accountId)!, formProblem: null, errorCode: null, notice: null }),
            },
          },
        },
        addForm: {
          on: {
            'add.submit': [
              {
                guard: ({ event }) => problemOf(event.account.password, event.confirm, event.account.username.trim() !== '' && event.account.name.trim() !== '') !== null,
                actions: assign({
                  formProblem: ({ event }) => problemOf(event.account.password, event.confirm, event.account.username.trim() !== '' && event.account.name.trim() !== ''),
                  errorCode: null,
                }),
              },
              { target: 'adding', actions: assign({ formProblem: null, errorCode: null }) },
            ],
            'dialog.cancel': { target: 'refreshing', actions: assign({ formProblem: null, errorCode: null }) },
          },
        },
        adding: {
          invoke: {
            src: 'addAccount',
            input: ({ context, event }) => {
              const e = event as Extract<StaffAdminEvent, { type: 'add.submit' }>;
              return { token: context.token!, account: { ...e.account, username: e.account.username.trim(), name: e.account.name.trim() } };
            },
            onDone: { target: 'refreshing', actions: assign({ notice: ({ event }) => ({ kind: 'added' as const, username: event.output.username }) }) },
            onError: [
              { guard: 'unauthorized', target: '#staffAdmin.signedOut', actions: ['signedOutForGood', 'forgetToken'] },
              // The form stays open with what was typed (a taken username, a weak password): the supervisor fixes it.
              { target: 'addForm', actions: 'rememberError' },
            ],
          },
        },
        confirmDisable: {
          on: {
            'disable.confirm': 'settingDisabled',
            'dialog.cancel': { target: 'idle', actions: assign({ selected: null }) },
          },
        },
        settingDisabled: {
          invoke: {
            src: 'setDisabled',
            input: ({ context }) => ({ token: context.token!, accountId: context.selected!.id, disabled: context.disabling }),
            onDone: {
              target: 'refreshing',
              actions: assign({
                notice: ({ context, event }) =>
                  context.disabling
                    ? { kind: 'disabled' as const, username: context.selected!.username, sessionsEnded: event.output.sessionsEnded }
                    : { kind: 'enabled' as const, username: context.selected!.username },
                selected: null,
              }),
            },
            onError: [
              { guard: 'unauthorized', target: '#staffAdmin.signedOut', actions: ['signedOutForGood', 'forgetToken'] },
              { target: 'refreshing', actions: ['rememberError', assign({ selected: null })] },
            ],
          },
        },
        passwordForm: {
          on: {
            'password.submit': [
              {
                guard: ({ event }) => problemOf(event.password, event.confirm) !== null,
                actions: assign({ formProblem: ({ event }) => problemOf(event.password, event.confirm), errorCode: null }),
              },
              { target: 'resettingPassword', actions: assign({ formProblem: null, errorCode: null }) },
            ],
            'dialog.cancel': { target: 'refreshing', actions: assign({ selected: null, formProblem: null, errorCode: null }) },
          },
        },
        resettingPassword: {
          invoke: {
            src: 'resetPassword',
            input: ({ context, event }) => ({
              token: context.token!,
              accountId: context.selected!.id,
              password: (event as Extract<StaffAdminEvent, { type: 'password.submit' }>).password,
            }),
            onDone: { target: 'refreshing', actions: assign({ notice: ({ context }) => ({ kind: 'passwordReset' as const, username: context.selected!.username }), selected: null }) },
            onError: [
              { guard: 'unauthorized', target: '#staffAdmin.signedOut', actions: ['signedOutForGood', 'forgetToken'] },
              { target: 'passwordForm', actions: 'rememberError' },
            ],
          },
        },
        refreshing: {
          invoke: {
            src: 'loadAccounts',
            input: ({ context }) => ({ token: context.token! }),
            onDone: { target: 'idle', actions: assign({ accounts: ({ event }) => event.output.accounts, me: ({ event }) => event.output.me }) },
            onError: [
              { guard: 'unauthorized', target: '#staffAdmin.signedOut', actions: ['signedOutForGood', 'forgetToken'] },
              { guard: 'notSupervisor', target: '#staffAdmin.notSupervisor', actions: 'rememberError' },
              { target: 'idle', actions: 'rememberError' },
            ],
          },
        },
      },
    },
  },
});
