/**
 * Looking up a procedure (thủ tục hành chính) at the kiosk: a field of the catalogue chosen, or words typed on the
 * on-screen keyboard (the agent ignores diacritics, so plain letters find "Đăng ký khai sinh") → a procedure: the
 * papers to bring, time limit, fee, where to submit, its public page as a QR, the papers printed on the ticket
 * printer, and a ticket for its service in one touch (the session starts the ticket flow with it). A procedure code
 * scanned on any screen (the QR posted in the centre) opens it directly. A child of the kiosk session
 * (app/kiosk-session/); no React and no IO here: the agent is reached only through the actors
 * (procedures.actors.ts, or tests).
 */
import { assign, fromPromise, setup } from 'xstate';
import type { ProcedureDetail, ProcedureList } from '../../../../shared/procedure-schemas';
import { errorEventCode, type AgentErrorCode } from '../../agent-client/agent-client';

/** Longest query the keyboard takes: a name is found by its first few words. */
export const QUERY_MAX = 40;
/** Results shown at once: the list pages rather than scrolls, so the screen fits in every mode. */
export const RESULTS_PER_PAGE = 5;
/** Fields shown at once, two by three: a province's catalogue has dozens, and they page as the results do. */
export const FIELDS_PER_PAGE = 6;

export interface ProceduresInput {
  /** A procedure code scanned before the flow started (on any screen): opened at once. */
  code: string | null;
  timing?: { searchDelayMs?: number };
}

export type ProceduresOutput = { next: 'home' } | { next: 'ticket'; serviceId: string };

export interface SearchRequest {
  q: string;
  field: string | null;
}

export interface ProceduresContext {
  query: string;
  field: string | null;
  list: ProcedureList | null;
  /** The page of the list shown, from 0. */
  page: number;
  /** The procedure open now, or the code asked for while it loads. */
  code: string | null;
  procedure: ProcedureDetail | null;
  errorCode: AgentErrorCode | null;
  printErrorCode: AgentErrorCode | null;
  searchDelayMs: number;
  exit: ProceduresOutput | null;
}

export type ProceduresEvent =
  | { type: 'procedures.key'; key: string }
  | { type: 'procedures.delete' }
  | { type: 'procedures.clear' }
  | { type: 'procedures.field'; field: string | null }
  | { type: 'procedures.page'; page: number }
  | { type: 'procedures.open'; code: string }
  | { type: 'procedures.scanned'; code: string }
  | { type: 'procedures.back' }
  | { type: 'procedures.retry' }
  | { type: 'procedures.print' }
  | { type: 'procedures.takeTicket' }
  | { type: 'procedures.done' };

/**
 * Nothing typed and no field chosen: the screen lists the catalogue's fields to choose from (or to type instead),
 * not procedures. Paging then goes through the fields.
 */
export const choosingField = (c: Pick<ProceduresContext, 'query' | 'field'>): boolean => c.query.trim() === '' && c.field === null;

/** The rows of the list on screen now (the fields, or the procedures found) and how many a page holds. */
export function listed(c: Pick<ProceduresContext, 'query' | 'field' | 'list'>): { rows: number; perPage: number } {
  return choosingField(c) ? { rows: c.list?.fields.length ?? 0, perPage: FIELDS_PER_PAGE } : { rows: c.list?.procedures.length ?? 0, perPage: RESULTS_PER_PAGE };
}

const typed = (query: string, key: string): string => (query + key).replace(/^ +/, '').replace(/ {2,}/g, ' ').slice(0, QUERY_MAX);

export const proceduresMachine = setup({
  types: {
    context: {} as ProceduresContext,
    events: {} as ProceduresEvent,
    input: {} as ProceduresInput,
    output: {} as ProceduresOutput,
  },
  actors: {
    searchProcedures: fromPromise<ProcedureList, SearchRequest>(async () => {
      throw new Error('searchProcedures not provided');
    }),
    loadProcedure: fromPromise<ProcedureDetail, { code: string }>(async () => {
      throw new Error('loadProcedure not provided');
    }),
    printPapers: fromPromise<unknown, { code: string }>(async () => {
      throw new Error('printPapers not provided');
    }),
  },
  delays: { searchDelay: ({ context }) => context.searchDelayMs },
  actions: {
    goHome: assign({ exit: { next: 'home' } as ProceduresOutput }),
    openCode: assign({ code: ({ event }) => (event.type === 'procedures.open' || event.type === 'procedures.scanned' ? event.code : null), procedure: null, errorCode: null }),
  },
  guards: {
    scanned: ({ context }) => context.code !== null,
    hasService: ({ context }) => context.procedure?.service != null,
  },
}).createMachine({
  id: 'procedures',
  context: ({ input }) => ({
    ...{ query: '', field: null, list: null, page: 0, code: input.code, procedure: null, errorCode: null, printErrorCode: null },
    ...{ searchDelayMs: input.timing?.searchDelayMs ?? 300, exit: null },
  }),
  initial: 'starting',
  // A procedure's QR held under the scanner on any screen of the flow opens that procedure.
  on: { 'procedures.scanned': { target: '.loadingProcedure', actions: 'openCode' } },
  states: {
    starting: { always: [{ guard: 'scanned', target: 'loadingProcedure' }, { target: 'browsing' }] },
    browsing: {
      initial: 'loading',
      on: {
        // Each key waits a moment before asking (typing "khai sinh" is one search, not nine).
        'procedures.key': { target: '.typing', reenter: true, actions: assign({ query: ({ context, event }) => typed(context.query, event.key) }) },
        'procedures.delete': { target: '.typing', reenter: true, actions: assign({ query: ({ context }) => context.query.slice(0, -1).trimEnd() }) },
        'procedures.clear': { target: '.loading', actions: assign({ query: '' }) },
        'procedures.field': { target: '.loading', actions: assign({ field: ({ event }) => event.field }) },
        'procedures.open': { target: 'loadingProcedure', actions: 'openCode' },
        'procedures.done': { target: 'done', actions: 'goHome' },
      },
      states: {
        typing: { after: { searchDelay: 'loading' } },
        loading: {
          invoke: {
            src: 'searchProcedures',
            input: ({ context }) => ({ q: context.query.trim(), field: context.field }),
            onDone: { target: 'ready', actions: assign({ list: ({ event }) => event.output, page: 0, errorCode: null }) },
            onError: { target: 'failed', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
          },
        },
        ready: {
          on: {
            'procedures.page': {
              guard: ({ context, event }) => event.page >= 0 && event.page * listed(context).perPage < listed(context).rows,
              actions: assign({ page: ({ event }) => event.page }),
            },
          },
        },
        failed: { on: { 'procedures.retry': 'loading' } },
      },
    },
    loadingProcedure: {
      invoke: {
        src: 'loadProcedure',
        input: ({ context }) => ({ code: context.code ?? '' }),
        onDone: { target: 'showing', actions: assign({ procedure: ({ event }) => event.output, errorCode: null, printErrorCode: null }) },
        onError: { target: 'missing', actions: assign({ errorCode: ({ event }) => errorEventCode(event) }) },
      },
    },
    // Not in the catalogue (a code from another province), or the agent did not answer.
    missing: {
      on: {
        'procedures.retry': 'loadingProcedure',
        'procedures.back': { target: 'browsing', actions: assign({ code: null, errorCode: null }) },
        'procedures.done': { target: 'done', actions: 'goHome' },
      },
    },
    showing: {
      initial: 'idle',
      on: {
        // Back to the list as it was (its page too); a procedure opened by a scan has no list yet: it loads.
        'procedures.back': [
          { guard: ({ context }) => context.list !== null, target: 'browsing.ready', actions: assign({ code: null, procedure: null }) },
          { target: 'browsing', actions: assign({ code: null, procedure: null }) },
        ],
        'procedures.done': { target: 'done', actions: 'goHome' },
        'procedures.takeTicket': {
          guard: 'hasService',
          target: 'done',
          actions: assign({ exit: ({ context }) => ({ next: 'ticket', serviceId: context.procedure!.service!.id }) }),
        },
      },
      states: {
        idle: { on: { 'procedures.print': 'printing' } },
        printing: {
          invoke: {
            src: 'printPapers',
            input: ({ context }) => ({ code: context.procedure!.code }),
            onDone: 'printed',
            onError: { target: 'printFailed', actions: assign({ printErrorCode: ({ event }) => errorEventCode(event) }) },
          },
        },
        printed: { on: { 'procedures.print': 'printing' } },
        printFailed: { on: { 'procedures.print': 'printing' } },
      },
    },
    done: { type: 'final' },
  },
  output: ({ context }) => context.exit ?? { next: 'home' },
});

export type ProceduresMachine = typeof proceduresMachine;
