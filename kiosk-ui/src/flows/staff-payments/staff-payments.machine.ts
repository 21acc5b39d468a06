/**
 * The fees page for officers (/payments, "Thu phí, lệ phí"): an officer signs in as on /stats and the counter
 * console (the same form, session client and kept token), then, side by side:
 * - cash: a dossier code → its procedure, fees, paid and due → the amount received (what is due at first) → a
 *   confirmation → the new state and who recorded it;
 * - transfers the bank confirmed but whose content named no dossier: "Gán cho hồ sơ" → a dossier code → the row
 *   leaves the list; one already placed says on which dossier;
 * - for a supervisor, the fees CSV of a period.
 * Any request the agent answers UNAUTHORIZED (the session ended, or a supervisor disabled the account) goes back to
 * sign-in. No React and no IO: the actors are provided by the page (staff-payments.actors.ts) or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { DossierFees, PaymentState } from '../../../../shared/payment-schemas';
import { reportRangeProblem } from '../../../../shared/report-schemas';
import type { OfficerView } from '../../../../shared/staff-schemas';
import { errorDetailOf, errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';
import { signInRefusal } from '../../agent-client/sign-in-refusal';
import { parseCashAmount } from './cash-amount';
import type { StaffPaymentsContext, StaffPaymentsEvent, UnmatchedTransfer } from './staff-payments.types';

export type { CashRecorded, CashStep, StaffPaymentsContext, StaffPaymentsEvent, TransferNotice, TransfersStep, UnmatchedTransfer } from './staff-payments.types';

type Authed = { token: string };

const lookUpOn = { 'cash.lookup': { guard: 'codeTyped', target: 'looking', actions: 'lookUp' } } as const;
const cleared = { dossier: null, amount: null, cashError: null, amountInvalid: false, recorded: null } as const;
const signedOutContext = { token: null, officer: null, ...cleared, code: '', transfers: null, selected: null, transferNotice: null } as const;

export const staffPaymentsMachine = setup({
  types: {
    context: {} as StaffPaymentsContext,
    events: {} as StaffPaymentsEvent,
    input: {} as { token?: string | null },
  },
  actors: {
    signIn: fromPromise<{ token: string; officer: OfficerView }, { username: string; password: string }>(async () => {
      throw new Error('signIn not provided');
    }),
    /** Who a kept token signs in (a reload keeps the session): UNAUTHORIZED when it ended meanwhile. */
    whoAmI: fromPromise<{ officer: OfficerView }, Authed>(async () => {
      throw new Error('whoAmI not provided');
    }),
    signOut: fromPromise<unknown, Authed>(async () => undefined),
    loadDossier: fromPromise<DossierFees, Authed & { code: string }>(async () => {
      throw new Error('loadDossier not provided');
    }),
    recordCash: fromPromise<PaymentState, Authed & { code: string; amount: number }>(async () => {
      throw new Error('recordCash not provided');
    }),
    loadTransfers: fromPromise<UnmatchedTransfer[], Authed>(async () => {
      throw new Error('loadTransfers not provided');
    }),
    assignTransfer: fromPromise<PaymentState, Authed & { id: number; dossierCode: string }>(async () => {
      throw new Error('assignTransfer not provided');
    }),
    saveFeesCsv: fromPromise<void, Authed & { from: string; to: string }>(async () => {
      throw new Error('saveFeesCsv not provided');
    }),
  },
  actions: {
    saveToken: () => undefined,
    forgetToken: () => undefined,
    sessionEnded: assign({ ...signedOutContext, errorCode: 'UNAUTHORIZED' as AgentErrorCode, refusal: null }),
    lookUp: assign(({ event }) => ({ ...cleared, code: (event as Extract<StaffPaymentsEvent, { type: 'cash.lookup' }>).code.trim() })),
  },
  guards: {
    hasToken: ({ context }) => !!context.token,
    unauthorized: ({ event }) => errorEventCode(event) === 'UNAUTHORIZED',
    codeTyped: ({ event }) => 'code' in event && event.code.trim() !== '',
    isSupervisor: ({ context }) => context.officer?.role === 'supervisor' || context.officer?.role === 'admin',
  },
}).createMachine({
  id: 'staffPayments',
  context: ({ input }) => ({
    ...signedOutContext,
    token: input.token ?? null,
    errorCode: null,
    refusal: null,
    transferError: null,
    reportProblem: null,
    reportError: null,
    reportSaved: false,
  }),
  initial: 'starting',
  states: {
    starting: { always: [{ guard: 'hasToken', target: 'checking' }, { target: 'signedOut' }] },
    signedOut: {
      on: {
        'credentials.submitted': { guard: ({ event }) => event.username.trim() !== '' && event.password !== '', target: 'signingIn' },
      },
    },
    signingIn: {
      invoke: {
        src: 'signIn',
        input: ({ event }) => {
          const e = event as Extract<StaffPaymentsEvent, { type: 'credentials.submitted' }>;
          return { username: e.username.trim(), password: e.password };
        },
        onDone: { target: 'ready', actions: [assign({ token: ({ event }) => event.output.token, officer: ({ event }) => event.output.officer, errorCode: null, refusal: null }), 'saveToken'] },
        onError: { target: 'signedOut', actions: assign({ errorCode: ({ event }) => errorEventCode(event), refusal: ({ event }) => signInRefusal(event) }) },
      },
    },
    checking: {
      invoke: {
        src: 'whoAmI',
        input: ({ context }) => ({ token: context.token! }),
        onDone: { target: 'ready', actions: assign({ officer: ({ event }) => event.output.officer, errorCode: null }) },
        onError: [
          { guard: 'unauthorized', target: 'signedOut', actions: ['sessionEnded', 'forgetToken'] },
          { target: 'failed', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
        ],
      },
    },
    failed: { on: { retry: 'checking' } },
    signingOut: {
      invoke: {
        src: 'signOut',
        input: ({ context }) => ({ token: context.token ?? '' }),
        // Signed out here whatever the agent answered: the token is forgotten either way.
        onDone: { target: 'signedOut', actions: [assign({ ...signedOutContext, errorCode: null, refusal: null }), 'forgetToken'] },
        onError: { target: 'signedOut', actions: [assign({ ...signedOutContext, errorCode: null, refusal: null }), 'forgetToken'] },
      },
    },
    ready: {
      type: 'parallel',
      on: { signOut: '#staffPayments.signingOut' },
      states: {
        cash: {
          initial: 'entering',
          states: {
            // Another code may be looked up from any state but while a request is out: a cash payment being
            // recorded is never left behind on screen for the next dossier.
            entering: { on: lookUpOn },
            looking: {
              invoke: {
                src: 'loadDossier',
                input: ({ context }) => ({ token: context.token!, code: context.code }),
                onDone: { target: 'shown', actions: assign({ dossier: ({ event }) => event.output }) },
                onError: [
                  { guard: 'unauthorized', target: '#staffPayments.signedOut', actions: ['sessionEnded', 'forgetToken'] },
                  { target: 'entering', actions: assign({ dossier: null, cashError: ({ event }) => errorEventCode(event) }) },
                ],
              },
            },
            shown: {
              on: {
                ...lookUpOn,
                'cash.submit': [
                  { guard: ({ event }) => parseCashAmount(event.amount) === null, actions: assign({ amountInvalid: true, cashError: null }) },
                  // Paid in full already: nothing to take (the agent would answer the same, PAYMENT_NOT_DUE).
                  { guard: ({ context }) => (context.dossier?.due ?? 0) <= 0, actions: assign({ amountInvalid: false, cashError: 'PAYMENT_NOT_DUE' as AgentErrorCode }) },
                  { target: 'confirming', actions: assign({ amount: ({ event }) => parseCashAmount(event.amount), amountInvalid: false, cashError: null, recorded: null }) },
                ],
                'cash.clear': { target: 'entering', actions: assign({ ...cleared, code: '' }) },
              },
            },
            confirming: { on: { ...lookUpOn, 'cash.confirm': 'recording', 'cash.back': 'shown', 'cash.clear': { target: 'entering', actions: assign({ ...cleared, code: '' }) } } },
            recording: {
              invoke: {
                src: 'recordCash',
                input: ({ context }) => ({ token: context.token!, code: context.dossier!.dossierCode, amount: context.amount! }),
                onDone: {
                  target: 'recorded',
                  actions: assign({
                    dossier: ({ context, event }) => ({ ...context.dossier!, ...event.output }),
                    // The agent records the officer this session signs in: the name shown is that officer's.
                    recorded: ({ context }) => ({ amount: context.amount!, by: context.officer?.name ?? '' }),
                    amount: null,
                  }),
                },
                onError: [
                  { guard: 'unauthorized', target: '#staffPayments.signedOut', actions: ['sessionEnded', 'forgetToken'] },
                  // Paid meanwhile (a transfer arrived): read it again, so the officer sees what was paid.
                  { guard: ({ event }) => errorEventCode(event) === 'PAYMENT_NOT_DUE', target: 'looking', actions: assign({ cashError: 'PAYMENT_NOT_DUE' as AgentErrorCode, amount: null }) },
                  { guard: ({ event }) => errorEventCode(event) === 'DOSSIER_NOT_FOUND', target: 'entering', actions: assign({ ...cleared, cashError: 'DOSSIER_NOT_FOUND' as AgentErrorCode }) },
                  { target: 'shown', actions: assign({ cashError: ({ event }) => errorEventCode(event), amount: null }) },
                ],
              },
            },
            recorded: { on: { ...lookUpOn, 'cash.clear': { target: 'entering', actions: assign({ ...cleared, code: '' }) } } },
          },
        },
        transfers: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'loadTransfers',
                input: ({ context }) => ({ token: context.token! }),
                onDone: { target: 'listed', actions: assign({ transfers: ({ event }) => event.output }) },
                onError: [
                  { guard: 'unauthorized', target: '#staffPayments.signedOut', actions: ['sessionEnded', 'forgetToken'] },
                  { target: 'listed', actions: assign({ transferError: ({ event }) => errorEventCode(event) }) },
                ],
              },
            },
            listed: {
              on: {
                'transfers.refresh': { target: 'loading', actions: assign({ transferError: null, transferNotice: null }) },
                'transfer.pick': {
                  guard: ({ context, event }) => context.transfers?.some((t) => t.id === event.id) ?? false,
                  target: 'choosing',
                  actions: assign({ selected: ({ context, event }) => context.transfers!.find((t) => t.id === event.id)!, transferError: null, transferNotice: null }),
                },
              },
            },
            choosing: {
              on: {
                'transfer.assign': { guard: ({ event }) => event.dossierCode.trim() !== '', target: 'assigning', actions: assign({ transferError: null }) },
                'transfer.cancel': { target: 'listed', actions: assign({ selected: null, transferError: null }) },
              },
            },
            assigning: {
              invoke: {
                src: 'assignTransfer',
                input: ({ context, event }) => ({
                  token: context.token!,
                  id: context.selected!.id,
                  dossierCode: (event as Extract<StaffPaymentsEvent, { type: 'transfer.assign' }>).dossierCode.trim(),
                }),
                onDone: {
                  target: 'loading',
                  actions: assign({
                    transferNotice: ({ context, event }) => ({ kind: 'assigned' as const, dossierCode: event.output.dossierCode, amount: context.selected!.amount, due: event.output.due }),
                    // The dossier open for cash, if it is this one, shows what the transfer paid.
                    dossier: ({ context, event }) => (context.dossier?.dossierCode === event.output.dossierCode ? { ...context.dossier, ...event.output } : context.dossier),
                    selected: null,
                  }),
                },
                onError: [
                  { guard: 'unauthorized', target: '#staffPayments.signedOut', actions: ['sessionEnded', 'forgetToken'] },
                  // Placed by someone else meanwhile: say where it went, and list again (it has left the list).
                  {
                    guard: ({ event }) => errorEventCode(event) === 'UNMATCHED_PAYMENT_ASSIGNED',
                    target: 'loading',
                    actions: assign({
                      transferNotice: ({ context, event }) => ({
                        kind: 'alreadyAssigned' as const,
                        dossierCode: errorDetailOf((event as { error?: unknown }).error, 'dossierCode') ?? '',
                        amount: context.selected!.amount,
                        due: null,
                      }),
                      selected: null,
                    }),
                  },
                  { guard: ({ event }) => errorEventCode(event) === 'UNMATCHED_PAYMENT_NOT_FOUND', target: 'loading', actions: assign({ selected: null, transferError: 'UNMATCHED_PAYMENT_NOT_FOUND' as AgentErrorCode }) },
                  // A code that names no dossier, or one with nothing due: the dialog stays, the officer fixes the code.
                  { target: 'choosing', actions: assign({ transferError: ({ event }) => errorEventCode(event) }) },
                ],
              },
            },
          },
        },
        report: {
          initial: 'idle',
          states: {
            idle: {
              on: {
                'report.save': [
                  { guard: ({ event }) => reportRangeProblem(event.from, event.to) !== null, actions: assign({ reportProblem: ({ event }) => reportRangeProblem(event.from, event.to), reportSaved: false }) },
                  { guard: 'isSupervisor', target: 'saving', actions: assign({ reportProblem: null, reportError: null, reportSaved: false }) },
                ],
              },
            },
            saving: {
              invoke: {
                src: 'saveFeesCsv',
                input: ({ context, event }) => {
                  const e = event as Extract<StaffPaymentsEvent, { type: 'report.save' }>;
                  return { token: context.token!, from: e.from, to: e.to };
                },
                onDone: { target: 'idle', actions: assign({ reportSaved: true }) },
                onError: [
                  { guard: 'unauthorized', target: '#staffPayments.signedOut', actions: ['sessionEnded', 'forgetToken'] },
                  { target: 'idle', actions: assign({ reportError: ({ event }) => errorEventCode(event) }) },
                ],
              },
            },
          },
        },
      },
    },
  },
});
