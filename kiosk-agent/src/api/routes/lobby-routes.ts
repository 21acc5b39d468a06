/** The lobby display's snapshot (anyone on the LAN: numbers and counters only, no citizen's name) and the statistics (staff). */
import type { Request } from 'express';
import type { z } from 'zod';
import { DisplaySnapshotSchema, StatsQuerySchema, StatsSchema, type DisplaySnapshot } from '../../../../shared/counter-schemas';
import type { CounterConfig } from '../../queue/counter-desk';
import type { CounterRepository, RecentCall } from '../../queue/counter-repository';
import type { QueueService } from '../../queue/queue-service';
import type { QueueStats } from '../../stats/queue-stats';
import { statsToCsv } from '../../stats/stats-csv';
import type { RouteRegistry } from '../route-registry';
import { officerOf } from '../route-auth';
import { counterNameOf } from '../../queue/counter-info';
import { displayCalls, type DisplayZones } from '../../display/display-zones';

const RECENT_CALLS = 10;

async function newestAndPerCounter(log: LobbyRouteDeps['counterLog'], day: string): Promise<RecentCall[]> {
  const [recent, perCounter] = await Promise.all([log.recentCalls(day, RECENT_CALLS), log.latestCallPerCounter(day)]);
  const seen = new Set(recent.map((c) => `${c.ticketId}|${c.atMs}`));
  return [...recent, ...perCounter.filter((c) => !seen.has(`${c.ticketId}|${c.atMs}`))].sort((a, b) => b.atMs - a.atMs);
}

export interface LobbyRouteDeps {
  centerName: string;
  timeZone: string;
  /** The centre's offset from UTC now (the agent's clock), for the display's clock. */
  utcOffsetMinutes: () => number;
  queue: QueueService;
  counterLog: CounterRepository;
  stats: QueueStats;
  counters: readonly CounterConfig[];
  zones: DisplayZones;
}

export function registerLobbyRoutes(r: RouteRegistry, deps: LobbyRouteDeps): void {
  const { queue } = deps;
  const counterName = (id: string) => counterNameOf(deps.counters, id);
  // Supervisors (and integration tokens) see every counter; an officer sees the services and their own counters.
  const statsFor = (req: Request, from: string, to: string) => {
    const officer = officerOf(req);
    return officer?.role === 'officer' ? deps.stats.computeForOfficer(from, to, officer.id) : deps.stats.compute(from, to);
  };
  const range = (query: Record<string, unknown>) => {
    const today = queue.today();
    const q = query as z.infer<typeof StatsQuerySchema>;
    return { from: q.from ?? q.to ?? today, to: q.to ?? q.from ?? today };
  };

  r.add(
    {
      method: 'get',
      path: '/api/display',
      summary:
        "The lobby display's picture: the day's latest calls (newest first) and the latest call of each counter, every counter, and the people waiting per service; fetched again after every reconnect. With the site config's `display.showOfficer`, also `officers`: the full name of the officer signed in at each staffed counter (absent otherwise)",
      tag: 'display',
      auth: 'none',
      responses: { 200: { description: 'Display snapshot', schema: DisplaySnapshotSchema } },
    },
    async (): Promise<DisplaySnapshot> => {
      // Present only with `display.showOfficer` on (display-zones.ts); off, the picture names no one.
      const officers = await deps.zones.officersOnDuty();
      return {
        centerName: deps.centerName,
        timezone: deps.timeZone,
        utcOffsetMinutes: deps.utcOffsetMinutes(),
        // The day's newest calls and every counter's latest, however long ago (one query each, merged newest first).
        calls: displayCalls(await newestAndPerCounter(deps.counterLog, queue.today()), RECENT_CALLS).map((c) => ({
          ticketId: c.ticketId,
          number: c.number,
          counterId: c.counterId,
          counterName: counterName(c.counterId),
          serviceId: c.serviceId,
          at: new Date(c.atMs).toISOString(),
          recall: c.recall,
        })),
        counters: deps.zones.allCounters(),
        ...(officers ? { officers } : {}),
        services: (await queue.listServices()).map((s) => ({ id: s.id, prefix: s.prefix, name: s.name, waiting: s.waiting, ...(s.state ? { state: s.state } : {}) })),
      };
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/stats',
      summary: 'Statistics per day and service (issued, waits, service time, no-shows) and per counter (served, satisfaction); default today',
      tag: 'stats',
      auth: 'staff',
      query: StatsQuerySchema,
      responses: { 200: { description: 'Statistics for the days from..to (YYYY-MM-DD, local days)', schema: StatsSchema } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED'],
    },
    ({ req, query }) => {
      const { from, to } = range(query);
      return statsFor(req, from, to);
    },
  );

  r.add(
    {
      method: 'get',
      path: '/api/stats.csv',
      summary: 'The same statistics as CSV (UTF-8 with BOM, opens in Excel), one row per service and day and per counter and day',
      tag: 'stats',
      auth: 'staff',
      query: StatsQuerySchema,
      responses: { 200: { description: 'text/csv' } },
      errors: ['UNAUTHORIZED', 'VALIDATION_FAILED'],
    },
    async ({ req, query, res }) => {
      const { from, to } = range(query);
      const csv = statsToCsv(await statsFor(req, from, to), {
        service: (id) => deps.queue.services().find((s) => s.id === id)?.name.vi ?? id,
        counter: (id) => counterName(id).vi,
      });
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="thong-ke-${from}_${to}.csv"`);
      res.send(csv);
      return undefined;
    },
  );
}
