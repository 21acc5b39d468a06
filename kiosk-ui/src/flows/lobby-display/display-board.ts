/**
 * What a lobby display shows of the calls (pure): one tile per counter of its zone with that counter's latest call,
 * the newest of them marked, and the waiting counts of the services the zone's counters serve. A display without a
 * zone (`/display`) shows every configured counter and every service.
 */
import type { DisplaySnapshot, RecentCall } from '../../../../shared/counter-schemas';
import type { DisplayCounter, DisplayService, DisplayZone } from '../../../../shared/display-schemas';

export interface CounterTile {
  counter: DisplayCounter;
  /** The counter's latest call today, null while it has called no one. */
  call: RecentCall | null;
  /** The full name of the officer signed in there (site config `display.showOfficer`), null when none or not shown. */
  officer: string | null;
}

export interface WaitingService extends DisplayService {
  waiting: number;
  /** Marked on the waiting list: outside its hours, or its daily limit reached (GET /api/services `state`). */
  shut?: 'closed' | 'full';
}

/** A snapshot's service, with the `state` the display's loader adds from the service list (lobby-display.actors.ts). */
type SnapshotService = DisplaySnapshot['services'][number] & { state?: string };

export interface ZoneBoard {
  tiles: CounterTile[];
  services: WaitingService[];
  /** The zone's newest call (highlighted), null before the first. */
  latest: RecentCall | null;
}

const newestFirst = (calls: readonly RecentCall[]): RecentCall[] => [...calls].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

/** The counters a display shows: its zone's, or every configured counter. */
export function zoneCounters(snapshot: DisplaySnapshot | null, zone: DisplayZone | null): readonly DisplayCounter[] {
  return zone?.counters ?? snapshot?.counters ?? [];
}

/** The services a display counts the waiting of: those its zone's counters serve, or every service. */
export function zoneServices(snapshot: DisplaySnapshot | null, zone: DisplayZone | null): readonly DisplayService[] {
  return zone?.services ?? snapshot?.services ?? [];
}

export function zoneBoard(snapshot: DisplaySnapshot, zone: DisplayZone | null): ZoneBoard {
  const latestOf = new Map<string, RecentCall>();
  for (const call of newestFirst(snapshot.calls)) if (!latestOf.has(call.counterId)) latestOf.set(call.counterId, call);
  const officerAt = new Map((snapshot.officers ?? []).map((o) => [o.counterId, o.name]));
  const tiles = zoneCounters(snapshot, zone).map((counter) => ({ counter, call: latestOf.get(counter.id) ?? null, officer: officerAt.get(counter.id) ?? null }));
  const byId = new Map(snapshot.services.map((s: SnapshotService) => [s.id, s]));
  const services = zoneServices(snapshot, zone).map((s): WaitingService => {
    const known = byId.get(s.id);
    const shut = known?.state === 'closed' || known?.state === 'full' ? known.state : undefined;
    return { id: s.id, prefix: s.prefix, name: s.name, waiting: known?.waiting ?? 0, ...(shut ? { shut } : {}) };
  });
  const latest = tiles.reduce<RecentCall | null>((best, t) => (t.call && (!best || t.call.at > best.at) ? t.call : best), null);
  return { tiles, services, latest };
}

/** The characters of the longest ticket number a zone will show: its longest prefix and three digits. */
export function numberChars(services: readonly { prefix: string }[]): number {
  return Math.max(1, ...services.map((s) => s.prefix.length)) + 3;
}

/**
 * Adds a call just announced by the agent to the list from the last snapshot (newest first, no duplicates). Keeps
 * the `keep` newest and the latest call of every counter, so no tile loses its number however many counters call.
 */
export function withCall(calls: readonly RecentCall[], call: RecentCall, keep = 20): RecentCall[] {
  const rest = calls.filter((c) => !(c.ticketId === call.ticketId && c.at === call.at));
  const seen = new Set<string>();
  return newestFirst([call, ...rest]).filter((c, i) => {
    const latestOfCounter = !seen.has(c.counterId);
    seen.add(c.counterId);
    return i < keep || latestOfCounter;
  });
}
