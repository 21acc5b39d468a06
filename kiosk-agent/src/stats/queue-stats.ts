/**
 * Statistics per day and service (tickets issued, waits, service time, no-shows) and per counter (served,
 * satisfaction levels), straight from the tickets and ratings tables. A wait runs from issue to the first call; a
 * service time from "start" (or the call, when staff skipped "start") to "finish". Tickets count for the service
 * they were issued for; service times for the queue that served them (after a transfer, the second service).
 * What a wait, a service time, served and no-show mean is written once, in ticket-measures.ts.
 */
import type { CounterStats, ServiceStats, Stats } from '../../../shared/counter-schemas';
import type { SqlStore } from '../store/store-port';
import { average, COUNTER_RATINGS_IN_DAYS, NO_SHOWS, SERVED, SERVICE_MS, toMinutes, WAIT_MS } from './ticket-measures';

type SvcRaw = Omit<ServiceStats, 'averageWaitMinutes' | 'longestWaitMinutes' | 'averageServiceMinutes' | 'walkIns' | 'appointmentsMissed'> & {
  avgWaitMs: number | null;
  maxWaitMs: number | null;
};
type CtrRaw = Omit<CounterStats, 'averageServiceMinutes' | 'ratings'> & { avgServiceMs: number | null };

export class QueueStats {
  constructor(
    private readonly store: SqlStore,
    private readonly ratingScale: number,
    /** Appointments whose time has ended without a check-in count as missed. */
    private readonly now: () => number = Date.now,
  ) {}

  async compute(from: string, to: string): Promise<Stats> {
    const q = this.store;
    const range = [from, to];
    const servicesRaw = await q.all<SvcRaw>(
      `SELECT day, service_id AS "serviceId", COUNT(*) AS issued,
              COUNT(first_called_at_ms) AS called,
              ${SERVED} AS served,
              ${NO_SHOWS} AS "noShows",
              COUNT(appointment_id) AS booked,
              COUNT(*) FILTER (WHERE appointment_id IS NOT NULL AND issued_at_ms <= booked_at_ms) AS "onTimeCheckIns",
              ${average(WAIT_MS)} AS "avgWaitMs",
              MAX(${WAIT_MS}) AS "maxWaitMs"
       FROM tickets WHERE day BETWEEN ? AND ? GROUP BY day, service_id ORDER BY day, service_id`,
      range,
    );
    const missedRaw = await q.all<{ day: string; serviceId: string; n: number }>(
      `SELECT day, service_id AS "serviceId", COUNT(*) AS n FROM appointments WHERE day BETWEEN ? AND ? AND status = 'booked' AND end_ms < ?
       GROUP BY day, service_id`,
      [...range, this.now()],
    );
    const timesRaw = await q.all<{ day: string; serviceId: string; avgServiceMs: number }>(
      `SELECT day, queue_service_id AS "serviceId", ${average(SERVICE_MS)} AS "avgServiceMs"
       FROM tickets WHERE day BETWEEN ? AND ? AND status = 'done' AND serving_at_ms IS NOT NULL GROUP BY day, queue_service_id`,
      range,
    );
    const countersRaw = await q.all<CtrRaw>(
      `SELECT day, counter_id AS "counterId", ${SERVED} AS served, ${NO_SHOWS} AS "noShows", ${average(SERVICE_MS)} AS "avgServiceMs"
       FROM tickets WHERE day BETWEEN ? AND ? AND counter_id IS NOT NULL AND status IN ('done', 'no-show')
       GROUP BY day, counter_id ORDER BY day, counter_id`,
      range,
    );
    const ratingsRaw = await q.all<{ day: string; counterId: string | null; level: number; n: number }>(
      `SELECT t.day AS day, r.counter_id AS "counterId", r.level AS level, COUNT(*) AS n
       FROM ${COUNTER_RATINGS_IN_DAYS} GROUP BY t.day, r.counter_id, r.level`,
      range,
    );
    const missed = new Map(missedRaw.map((r) => [`${r.day}|${r.serviceId}`, Number(r.n)]));
    return this.assemble(from, to, servicesRaw, timesRaw, countersRaw, ratingsRaw, missed);
  }

  /**
   * What an officer (not a supervisor) sees: the services' figures, and the counters' only for the counters the
   * officer worked at in the range (their account on a ticket event there).
   */
  async computeForOfficer(from: string, to: string, accountId: number): Promise<Stats> {
    const stats = await this.compute(from, to);
    const rows = await this.store.all<{ counterId: string }>(
      `SELECT DISTINCT counter_id AS "counterId" FROM ticket_events WHERE account_id = ? AND day BETWEEN ? AND ? AND counter_id IS NOT NULL`,
      [accountId, from, to],
    );
    const own = new Set(rows.map((r) => r.counterId));
    return { ...stats, counters: stats.counters.filter((c) => own.has(c.counterId)) };
  }

  private assemble(
    from: string,
    to: string,
    servicesRaw: SvcRaw[],
    timesRaw: { day: string; serviceId: string; avgServiceMs: number }[],
    countersRaw: CtrRaw[],
    ratingsRaw: { day: string; counterId: string | null; level: number; n: number }[],
    missed: Map<string, number>,
  ): Stats {
    const times = new Map(
      timesRaw.map((r) => [`${r.day}|${r.serviceId}`, r.avgServiceMs]),
    );
    const services = servicesRaw.map(({ avgWaitMs, maxWaitMs, ...r }) => ({
      ...r,
      walkIns: r.issued - r.booked,
      appointmentsMissed: missed.get(`${r.day}|${r.serviceId}`) ?? 0,
      averageWaitMinutes: toMinutes(avgWaitMs),
      longestWaitMinutes: toMinutes(maxWaitMs),
      averageServiceMinutes: toMinutes(times.get(`${r.day}|${r.serviceId}`) ?? null),
    }));

    const ratings = new Map<string, Record<string, number>>();
    for (const r of ratingsRaw) {
      if (r.counterId === null) continue;
      const key = `${r.day}|${r.counterId}`;
      const levels = ratings.get(key) ?? this.emptyLevels();
      levels[String(r.level)] = r.n;
      ratings.set(key, levels);
    }
    const counters: CounterStats[] = countersRaw.map(({ avgServiceMs, ...r }) => ({
      ...r,
      averageServiceMinutes: toMinutes(avgServiceMs),
      ratings: ratings.get(`${r.day}|${r.counterId}`) ?? this.emptyLevels(),
    }));
    // A counter rated on a day it has no finished tickets still shows its ratings.
    for (const [key, levels] of ratings) {
      const [day, counterId] = key.split('|') as [string, string];
      if (!counters.some((c) => c.day === day && c.counterId === counterId)) {
        counters.push({ day, counterId, served: 0, noShows: 0, averageServiceMinutes: null, ratings: levels });
      }
    }
    counters.sort((a, b) => a.day.localeCompare(b.day) || a.counterId.localeCompare(b.counterId, 'vi', { numeric: true }));
    return { from, to, ratingScale: this.ratingScale, services, counters };
  }

  private emptyLevels(): Record<string, number> {
    return Object.fromEntries(Array.from({ length: this.ratingScale }, (_, i) => [String(i + 1), 0]));
  }
}
