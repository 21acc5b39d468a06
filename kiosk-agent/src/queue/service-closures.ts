/** Services a supervisor closed for the rest of the day (a power cut at the counters): no more tickets until tomorrow. */
import { pluckAll, type SqlExecutor } from '../store/store-port';

export class ServiceClosures {
  constructor(private readonly q: SqlExecutor) {}

  in(tx: SqlExecutor): ServiceClosures {
    return new ServiceClosures(tx);
  }

  /** Closes a service for `day`; closing it again changes nothing (the first closing's time is kept). */
  async close(day: string, serviceId: string, nowMs: number, by: string | null): Promise<void> {
    await this.q.run('INSERT INTO service_closures (day, service_id, closed_at_ms, closed_by) VALUES (?, ?, ?, ?) ON CONFLICT (day, service_id) DO NOTHING', [
      day,
      serviceId,
      nowMs,
      by,
    ]);
  }

  async closedOn(day: string): Promise<Set<string>> {
    return new Set(await pluckAll<string>(this.q, 'SELECT service_id FROM service_closures WHERE day = ?', [day]));
  }
}
