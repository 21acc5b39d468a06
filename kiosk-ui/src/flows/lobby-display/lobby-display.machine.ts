/**
 * The lobby display (/display): the picture (recent calls, waiting counts) and the voice that calls each number.
 * Three parallel regions:
 * - `data` loads the snapshot (GET /api/display), applies `ticket.called` events as they come and refetches the
 *   counts when the queue changes;
 * - `link` follows the live connection: when it drops the screen says it is reconnecting, and when it returns
 *   the snapshot is fetched again (catch-up), announcing calls made meanwhile if they are still recent;
 * - `voice` speaks one announcement at a time from a queue: never two at once, a recall is announced again, and
 *   an announcement that hangs is abandoned after `announceTimeoutMs` so the queue keeps moving.
 * No React and no IO: `loadSnapshot`, `announce` and `updates` are provided by the page or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { DisplaySnapshot, RecentCall } from '../../../../shared/counter-schemas';
import { errorCodeOf, type AgentErrorCode } from '../../agent-client/agent-client';
import { noAgentUpdates, type AgentUpdate } from '../../agent-client/agent-updates';
import { vi } from '../../i18n/vi';
import { announcementFor, type Announcement, type AnnouncementWords } from './announcement';
import { withCall } from './display-board';

export interface LobbyDisplayInput {
  words?: AnnouncementWords;
  retryMs?: number;
  announceTimeoutMs?: number;
  /** Without a live connection for this long at start, the screen says it is reconnecting. */
  connectGraceMs?: number;
  /** Calls missed while disconnected are announced on catch-up only if made within this window. */
  catchUpWindowMs?: number;
  now?: () => number;
}

export interface LobbyDisplayContext {
  snapshot: DisplaySnapshot | null;
  queue: Announcement[];
  speaking: Announcement | null;
  errorCode: AgentErrorCode | null;
  /** Announcement keys already queued or spoken, so a catch-up never repeats one. */
  announced: string[];
  words: AnnouncementWords;
  timing: { retryMs: number; announceTimeoutMs: number; connectGraceMs: number; catchUpWindowMs: number };
  now: () => number;
}

export type LobbyDisplayEvent = AgentUpdate;

function announcementsOf(context: LobbyDisplayContext, calls: readonly RecentCall[]): Announcement[] {
  return calls.map((call) => announcementFor(call, context.words));
}

/** Queues announcements not seen before, oldest first; remembers their keys (bounded). */
function enqueue(context: LobbyDisplayContext, fresh: Announcement[]): Pick<LobbyDisplayContext, 'queue' | 'announced'> {
  const known = new Set(context.announced);
  const added = fresh.filter((a) => !known.has(a.key)).sort((a, b) => (a.call.at < b.call.at ? -1 : 1));
  return { queue: [...context.queue, ...added], announced: [...context.announced, ...added.map((a) => a.key)].slice(-200) };
}

export const lobbyDisplayMachine = setup({
  types: {
    context: {} as LobbyDisplayContext,
    events: {} as LobbyDisplayEvent,
    input: {} as LobbyDisplayInput,
  },
  actors: {
    loadSnapshot: fromPromise<DisplaySnapshot>(async () => {
      throw new Error('loadSnapshot not provided');
    }),
    announce: fromPromise<void, Announcement>(async () => undefined),
    updates: noAgentUpdates,
  },
  delays: {
    retry: ({ context }) => context.timing.retryMs,
    announceTimeout: ({ context }) => context.timing.announceTimeoutMs,
    connectGrace: ({ context }) => context.timing.connectGraceMs,
  },
  guards: {
    connected: ({ event }) => event.type === 'agent.connection' && event.connected,
    disconnected: ({ event }) => event.type === 'agent.connection' && !event.connected,
    isCall: ({ event }) => event.type === 'agent.event' && event.event.type === 'ticket.called',
    queueChanged: ({ event }) => event.type === 'agent.event' && (event.event.type === 'ticket.issued' || event.event.type === 'ticket.updated'),
    hasQueued: ({ context }) => context.queue.length > 0,
  },
  actions: {
    /** First load: show what is there, announce nothing old. Later loads (catch-up): announce recent new calls. */
    applySnapshot: assign(({ context, event }) => {
      const snapshot = (event as unknown as { output: DisplaySnapshot }).output;
      const first = context.snapshot === null;
      const cutoff = context.now() - context.timing.catchUpWindowMs;
      const missed = first ? [] : snapshot.calls.filter((c) => Date.parse(c.at) >= cutoff);
      const all = announcementsOf(context, snapshot.calls);
      const base = first ? { ...context, announced: [...context.announced, ...all.map((a) => a.key)] } : context;
      return { snapshot, errorCode: null, ...enqueue(base, announcementsOf(context, missed)) };
    }),
    applyCall: assign(({ context, event }) => {
      if (event.type !== 'agent.event' || event.event.type !== 'ticket.called') return {};
      const { data } = event.event;
      const call: RecentCall = {
        ticketId: data.ticket.id,
        number: data.ticket.number,
        counterId: data.counterId,
        counterName: data.counterName,
        serviceId: data.ticket.serviceId,
        at: data.calledAt,
        recall: data.recall === true,
      };
      const snapshot = context.snapshot ? { ...context.snapshot, calls: withCall(context.snapshot.calls, call) } : null;
      return { snapshot, ...enqueue(context, announcementsOf(context, [call])) };
    }),
  },
}).createMachine({
  id: 'display',
  type: 'parallel',
  context: ({ input }) => ({
    snapshot: null,
    queue: [],
    speaking: null,
    errorCode: null,
    announced: [],
    words: input.words ?? vi.display,
    timing: {
      retryMs: input.retryMs ?? 3_000,
      announceTimeoutMs: input.announceTimeoutMs ?? 15_000,
      connectGraceMs: input.connectGraceMs ?? 3_000,
      catchUpWindowMs: input.catchUpWindowMs ?? 120_000,
    },
    now: input.now ?? Date.now,
  }),
  invoke: { src: 'updates' },
  states: {
    data: {
      initial: 'loading',
      states: {
        loading: {
          invoke: {
            src: 'loadSnapshot',
            onDone: { target: 'live', actions: 'applySnapshot' },
            onError: { target: 'failed', actions: assign({ errorCode: ({ event }) => errorCodeOf(event.error) }) },
          },
        },
        failed: { after: { retry: 'loading' } },
        live: {
          initial: 'steady',
          states: {
            steady: {},
            // Waiting counts changed: refetch; a burst of events restarts the one fetch instead of queueing many.
            refreshing: {
              invoke: {
                src: 'loadSnapshot',
                onDone: { target: 'steady', actions: 'applySnapshot' },
                onError: { target: 'steady' },
              },
            },
          },
          on: {
            'agent.event': [
              { guard: 'isCall', target: '.refreshing', reenter: true, actions: 'applyCall' },
              { guard: 'queueChanged', target: '.refreshing', reenter: true },
            ],
          },
        },
      },
      on: { 'agent.connection': { guard: 'connected', target: '#display.data.loading' } },
    },
    link: {
      initial: 'connecting',
      states: {
        connecting: { after: { connectGrace: 'reconnecting' }, on: { 'agent.connection': { guard: 'connected', target: 'online' } } },
        online: { on: { 'agent.connection': { guard: 'disconnected', target: 'reconnecting' } } },
        reconnecting: { on: { 'agent.connection': { guard: 'connected', target: 'online' } } },
      },
    },
    voice: {
      initial: 'idle',
      states: {
        idle: { always: { guard: 'hasQueued', target: 'speaking' } },
        speaking: {
          entry: assign(({ context }) => ({ speaking: context.queue[0] ?? null, queue: context.queue.slice(1) })),
          exit: assign({ speaking: null }),
          invoke: { src: 'announce', input: ({ context }) => context.speaking!, onDone: 'idle', onError: 'idle' },
          after: { announceTimeout: 'idle' },
        },
      },
    },
  },
});
