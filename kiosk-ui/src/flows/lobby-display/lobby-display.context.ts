/**
 * The lobby display machine's context, its events and the pure steps its actions take (lobby-display.machine.ts):
 * which calls are the zone's, what is queued to be said, how the screen is laid out now.
 */
import type { DisplaySnapshot, RecentCall } from '../../../../shared/counter-schemas';
import type { DisplayZone } from '../../../../shared/display-schemas';
import type { AgentErrorCode } from '../../agent-client/agent-client';
import type { AgentUpdate } from '../../agent-client/agent-updates';
import { announcementFor, type Announcement, type AnnouncementWords } from './announcement';
import { numberChars, zoneCounters, zoneServices } from './display-board';
import { planLayout, type DisplayLayout, type Viewport } from './display-layout';

export interface LobbyDisplayInput {
  /** `/display/<id>`: the display's id in the site config's `displays`; none for `/display` (every counter). */
  displayId?: string;
  words?: AnnouncementWords;
  retryMs?: number;
  announceTimeoutMs?: number;
  /** Without a live connection for this long at start, the screen says it is reconnecting. */
  connectGraceMs?: number;
  /** Calls missed while disconnected are announced on catch-up only if made within this window. */
  catchUpWindowMs?: number;
  /** How long a page of tiles or services stays before the next (display-paging.ts PAGE_TURN_MS). */
  pageTurnMs?: number;
  /** The screen's size in CSS pixels at start; `display.resized` follows it. */
  viewport?: Viewport;
  now?: () => number;
}

export interface LobbyDisplayContext {
  displayId: string | null;
  /** The display's zone once known; null for `/display`, which shows every counter. */
  zone: DisplayZone | null;
  snapshot: DisplaySnapshot | null;
  queue: Announcement[];
  speaking: Announcement | null;
  errorCode: AgentErrorCode | null;
  /** Announcement keys already queued or spoken, so a catch-up never repeats one. */
  announced: string[];
  words: AnnouncementWords;
  timing: { retryMs: number; announceTimeoutMs: number; connectGraceMs: number; catchUpWindowMs: number; pageTurnMs: number };
  now: () => number;
  viewport: Viewport;
  /** The page of tiles and of services shown (display-paging.ts shownPage() keeps it within the layout's pages). */
  page: { tiles: number; services: number };
}

export type LobbyDisplayEvent = AgentUpdate | { type: 'display.resized'; width: number; height: number };

/** Whether a call at `counterId` is this display's: any counter without a zone; none while a zone is being learnt. */
export function inZone(context: Pick<LobbyDisplayContext, 'displayId' | 'zone'>, counterId: string): boolean {
  if (context.displayId === null) return true;
  return context.zone?.counters.some((c) => c.id === counterId) ?? false;
}

/** The call an agent event announces, if it is one. */
export function callOf(event: LobbyDisplayEvent): RecentCall | null {
  if (event.type !== 'agent.event' || event.event.type !== 'ticket.called') return null;
  const { data } = event.event;
  return {
    ticketId: data.ticket.id,
    number: data.ticket.number,
    counterId: data.counterId,
    counterName: data.counterName,
    serviceId: data.ticket.serviceId,
    at: data.calledAt,
    recall: data.recall === true,
  };
}

export function announcementsOf(context: Pick<LobbyDisplayContext, 'words'>, calls: readonly RecentCall[]): Announcement[] {
  return calls.map((call) => announcementFor(call, context.words));
}

/** Queues announcements not seen before, oldest first; remembers their keys (bounded). */
export function enqueue(context: Pick<LobbyDisplayContext, 'queue' | 'announced'>, fresh: Announcement[]): Pick<LobbyDisplayContext, 'queue' | 'announced'> {
  const known = new Set(context.announced);
  const added = fresh.filter((a) => !known.has(a.key)).sort((a, b) => (a.call.at < b.call.at ? -1 : 1));
  return { queue: [...context.queue, ...added], announced: [...context.announced, ...added.map((a) => a.key)].slice(-200) };
}

/** The screen's layout now, and the order of its tiles (the zone's counters). */
export function layoutOf(context: Pick<LobbyDisplayContext, 'snapshot' | 'zone' | 'viewport'>): DisplayLayout & { counterIds: string[] } {
  const counters = zoneCounters(context.snapshot, context.zone);
  const services = zoneServices(context.snapshot, context.zone);
  // The agent sends `officers` (even empty) only with `display.showOfficer` on: then every tile keeps a line for a name.
  const officerLine = context.snapshot?.officers !== undefined;
  const layout = planLayout({ viewport: context.viewport, counters: counters.length, services: services.length, numberChars: numberChars(services), officerLine });
  return { ...layout, counterIds: counters.map((c) => c.id) };
}
