/**
 * Statistics per day and service (tickets issued, waits, service time, no-shows) and per counter (served,
 * satisfaction levels), straight from the tickets and ratings tables. A wait runs from issue to the first call; a
 * service time from "start" (or the call, when staff skipped "start") to "finish". Tickets count for the service
 * they were issued for; service times for the queue that served them (after a transfer, the second service).
 */
import type { CounterStats, ServiceStats, Stats } from '../../../shared/counter-schemas';
import type { Db } from '../store/sqlite';

const toMinutes = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / 60_000) * 10) / 10);

export class QueueStats {
  private readonly s;

  constructor(
    db: Db,
    private readonly ratingScale: number,
  ) {
    this.s = {
      services: db.prepare(
        `SELECT day, service_id AS serviceId, COUNT(*) AS issued,
                SUM(first_called_at_ms IS NOT NULL) AS called,
                SUM(status = 'done') AS served,
                SUM(status = 'no-show') AS noShows,
                AVG(first_called_at_ms - issued_at_ms) AS avgWaitMs,
                MAX(first_called_at_ms - issued_at_ms) AS maxWaitMs
         FROM tickets WHERE day BETWEEN ? AND ? GROUP BY day, service_id ORDER BY day, service_id`,
      ),
      serviceTimes: db.prepare(
        `SELECT day, queue_service_id AS serviceId, AVG(done_at_ms - serving_at_ms) AS avgServiceMs
         FROM tickets WHERE day BETWEEN ? AND ? AND status = 'done' AND serving_at_ms IS NOT NULL GROUP BY day, queue_service_id`,
      ),
      counters: db.prepare(
        `SELECT day, counter_id AS counterId, SUM(status = 'done') AS served, SUM(status = 'no-show') AS noShows,
                AVG(CASE WHEN status = 'done' THEN done_at_ms - serving_at_ms END) AS avgServiceMs
         FROM tickets WHERE day BETWEEN ? AND ? AND counter_id IS NOT NULL AND status IN ('done', 'no-show')
         GROUP BY day, counter_id ORDER BY day, counter_id`,
      ),
      ratings: db.prepare(
        `SELECT t.day AS day, r.counter_id AS counterId, r.level AS level, COUNT(*) AS n
         FROM ratings r JOIN tickets t ON t.id = r.reference
         WHERE r.subject = 'counter' AND t.day BETWEEN ? AND ? GROUP BY t.day, r.counter_id, r.level`,
      ),
    };
  }

  compute(from: string, to: string): Stats {
    type SvcRaw = Omit<ServiceStats, 'averageWaitMinutes' | 'longestWaitMinutes' | 'averageServiceMinutes'> & { avgWaitMs: number | null; maxWaitMs: number | null };
    const times = new Map(
      (this.s.serviceTimes.all(from, to) as { day: string; serviceId: string; avgServiceMs: number }[]).map((r) => [`${r.day}|${r.serviceId}`, r.avgServiceMs]),
    );
    const services = (this.s.services.all(from, to) as SvcRaw[]).map(({ avgWaitMs, maxWaitMs, ...r }) => ({
      ...r,
      averageWaitMinutes: toMinutes(avgWaitMs),
      longestWaitMinutes: toMinutes(maxWaitMs),
      averageServiceMinutes: toMinutes(times.get(`${r.day}|${r.serviceId}`) ?? null),
    }));

    const ratings = new Map<string, Record<string, number>>();
    for (const r of this.s.ratings.all(from, to) as { day: string; counterId: string | null; level: number; n: number }[]) {
      if (r.counterId === null) continue;
      const key = `${r.day}|${r.counterId}`;
      const levels = ratings.get(key) ?? this.emptyLevels();
      levels[String(r.level)] = r.n;
      ratings.set(key, levels);
    }
    type CtrRaw = Omit<CounterStats, 'averageServiceMinutes' | 'ratings'> & { avgServiceMs: number | null };
    const counters: CounterStats[] = (this.s.counters.all(from, to) as CtrRaw[]).map(({ avgServiceMs, ...r }) => ({
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
