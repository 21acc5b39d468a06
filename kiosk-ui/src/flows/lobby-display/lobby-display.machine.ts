/**
 * The lobby display (/display, /display/<id>): the picture (each counter's latest call, waiting counts), its pages,
 * and the voice that calls each number. Four parallel regions:
 * - `data` learns the display's zone (GET /api/displays/:id; none for /display, which shows every counter; an
 *   unknown id stops at `unknownDisplay`), loads the snapshot (GET /api/display), applies `ticket.called` events as
 *   they come and refetches the counts when the queue changes (and the officers' names when one signs in or out);
 * - `link` follows the live connection: when it drops the screen says it is reconnecting, and when it returns
 *   the zone and the snapshot are fetched again (catch-up), announcing calls made meanwhile if they are still recent;
 * - `voice` speaks one announcement at a time from a queue: never two at once, a recall is announced again, and
 *   an announcement that hangs is abandoned after `announceTimeoutMs` so the queue keeps moving;
 * - `paging` turns the tiles' and the services' pages every `pageTurnMs` when they do not all fit
 *   (display-layout.ts), and turns the tiles to a new call's page at once, keeping it there a whole interval.
 * Calls at counters outside the zone are shown nowhere and never announced.
 * No React and no IO: `loadZone`, `loadSnapshot`, `announce` and `updates` are provided by the page or by tests.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { DisplaySnapshot } from '../../../../shared/counter-schemas';
import type { DisplayZone } from '../../../../shared/display-schemas';
import { errorEventCode } from '../../agent-client/agent-client';
import { noAgentUpdates } from '../../agent-client/agent-updates';
import { vi } from '../../i18n/vi';
import type { Announcement } from './announcement';
import { withCall } from './display-board';
import { nextPage, PAGE_TURN_MS, pageOfItem } from './display-paging';
import { announcementsOf, callOf, enqueue, inZone, layoutOf, type LobbyDisplayContext, type LobbyDisplayEvent, type LobbyDisplayInput } from './lobby-display.context';

export type { LobbyDisplayContext, LobbyDisplayEvent, LobbyDisplayInput } from './lobby-display.context';

export const lobbyDisplayMachine = setup({
  types: {
    context: {} as LobbyDisplayContext,
    events: {} as LobbyDisplayEvent,
    input: {} as LobbyDisplayInput,
  },
  actors: {
    loadZone: fromPromise<DisplayZone, string>(async () => {
      throw new Error('loadZone not provided');
    }),
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
    pageTurn: ({ context }) => context.timing.pageTurnMs,
  },
  guards: {
    connected: ({ event }) => event.type === 'agent.connection' && event.connected,
    disconnected: ({ event }) => event.type === 'agent.connection' && !event.connected,
    hasDisplayId: ({ context }) => context.displayId !== null,
    unknownDisplay: ({ event }) => ['DISPLAY_NOT_FOUND', 'VALIDATION_FAILED'].includes(errorEventCode(event)),
    isCall: ({ event }) => callOf(event) !== null,
    isZoneCall: ({ context, event }) => {
      const call = callOf(event);
      return call !== null && inZone(context, call.counterId);
    },
    queueChanged: ({ event }) => event.type === 'agent.event' && (event.event.type === 'ticket.issued' || event.event.type === 'ticket.updated'),
    // Someone signed in or out at a counter (`display.showOfficer`): the picture names who is there now.
    officerChanged: ({ event }) => event.type === 'agent.event' && event.event.type === 'counter.officerChanged',
    hasQueued: ({ context }) => context.queue.length > 0,
  },
  actions: {
    rememberError: assign({ errorCode: ({ event }) => errorEventCode(event) }),
    /** First load: show what is there, announce nothing old. Later loads (catch-up): announce recent new calls of the zone. */
    applySnapshot: assign(({ context, event }) => {
      const snapshot = (event as unknown as { output: DisplaySnapshot }).output;
      const first = context.snapshot === null;
      const cutoff = context.now() - context.timing.catchUpWindowMs;
      const ours = snapshot.calls.filter((c) => inZone(context, c.counterId));
      const missed = first ? [] : ours.filter((c) => Date.parse(c.at) >= cutoff);
      const all = announcementsOf(context, ours);
      const base = first ? { ...context, announced: [...context.announced, ...all.map((a) => a.key)] } : context;
      return { snapshot, errorCode: null, ...enqueue(base, announcementsOf(context, missed)) };
    }),
    /** Every call is kept (the snapshot's list); only the zone's are announced. */
    applyCall: assign(({ context, event }) => {
      const call = callOf(event);
      if (!call) return {};
      const snapshot = context.snapshot ? { ...context.snapshot, calls: withCall(context.snapshot.calls, call) } : null;
      return inZone(context, call.counterId) ? { snapshot, ...enqueue(context, announcementsOf(context, [call])) } : { snapshot };
    }),
    turnPages: assign(({ context }) => {
      const layout = layoutOf(context);
      return { page: { tiles: nextPage(context.page.tiles, layout.tiles.pages), services: nextPage(context.page.services, layout.services.pages) } };
    }),
    /** A new call of the zone: its counter's page, at once. */
    showCall: assign(({ context, event }) => {
      const call = callOf(event);
      const index = layoutOf(context).counterIds.indexOf(call?.counterId ?? '');
      return index < 0 ? {} : { page: { ...context.page, tiles: pageOfItem(index, layoutOf(context).tiles.perPage) } };
    }),
    resize: assign({ viewport: ({ context, event }) => (event.type === 'display.resized' ? { width: event.width, height: event.height } : context.viewport) }),
  },
}).createMachine({
  id: 'display',
  type: 'parallel',
  context: ({ input }) => ({
    displayId: input.displayId ?? null,
    zone: null,
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
      pageTurnMs: input.pageTurnMs ?? PAGE_TURN_MS,
    },
    now: input.now ?? Date.now,
    viewport: input.viewport ?? { width: 1920, height: 1080 },
    page: { tiles: 0, services: 0 },
  }),
  invoke: { src: 'updates' },
  states: {
    data: {
      initial: 'choosing',
      states: {
        choosing: { always: [{ guard: 'hasDisplayId', target: 'zone' }, { target: 'loading' }] },
        zone: {
          invoke: {
            src: 'loadZone',
            input: ({ context }) => context.displayId!,
            onDone: { target: 'loading', actions: assign({ zone: ({ event }) => event.output, errorCode: null }) },
            onError: [
              { guard: 'unknownDisplay', target: 'unknownDisplay', actions: 'rememberError' },
              { target: 'zoneFailed', actions: 'rememberError' },
            ],
          },
        },
        zoneFailed: { after: { retry: 'zone' } },
        // The address names no display of the site config: said full screen until the agent comes back with one.
        unknownDisplay: {},
        loading: {
          invoke: {
            src: 'loadSnapshot',
            onDone: { target: 'live', actions: 'applySnapshot' },
            onError: { target: 'failed', actions: 'rememberError' },
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
              { guard: 'officerChanged', target: '.refreshing', reenter: true },
            ],
          },
        },
      },
      on: { 'agent.connection': { guard: 'connected', target: '#display.data.choosing' } },
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
    paging: {
      initial: 'turning',
      states: {
        // Self-transitions of `turning` (not from `paging` to it): their domain is this region alone, so they never
        // pre-empt the data region's transition on the same event.
        turning: {
          after: { pageTurn: { target: 'turning', reenter: true, actions: 'turnPages' } },
          on: { 'agent.event': { guard: 'isZoneCall', target: 'turning', reenter: true, actions: 'showCall' } },
        },
      },
      on: { 'display.resized': { actions: 'resize' } },
    },
  },
});
