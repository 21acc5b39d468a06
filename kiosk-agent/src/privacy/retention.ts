/**
 * Personal data does not live forever (`privacy.retentionDays`, default 90). A sweep at start-up and then every
 * `privacy.sweepMs`:
 * - a dossier that is finished (returned, withdrawn, rejected, stopped) and unchanged for the retention period loses its
 *   applicant's name and phone (and any pickup-code hash); its code, status and dates stay for the statistics and
 *   the audit trail;
 * - delivered and expired outbox messages older than that are deleted, and so are notifications no gateway took
 *   in all that time (reports to the one-stop system wait until delivered).
 * Tickets hold no name or phone (a number, a service, a priority category, times), so they are kept whole for the
 * statistics. A sweep that fails (the store cannot be written) is reported and tried again at the next tick.
 */
import type { Clock } from '../core/clock';
import type { SqlStore } from '../store/store-port';

const DAY_MS = 24 * 3_600_000;
const FINISHED = ['returned', 'withdrawn', 'rejected', 'stopped'] as const;

export interface RetentionReport {
  dossiersAnonymised: number;
  messagesDeleted: number;
}

export class Retention {
  constructor(
    private readonly store: SqlStore,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {}

  sweep(): Promise<RetentionReport> {
    const now = this.clock.now();
    const cutoff = now - this.retentionDays * DAY_MS;
    return this.store.transaction(async (tx) => {
      const anonymised = await tx.run(
        `UPDATE dossiers SET applicant_name = '', phone = NULL, pickup_code_hash = NULL, anonymised_at_ms = ?
         WHERE anonymised_at_ms IS NULL AND status IN (${FINISHED.map(() => '?').join(', ')}) AND updated_at_ms < ?`,
        [now, ...FINISHED, cutoff],
      );
      const delivered = await tx.run('DELETE FROM outbox WHERE done_at_ms IS NOT NULL AND done_at_ms < ?', [cutoff]);
      // A message to a person that no gateway took in all that time is given up (its text names them); reports to
      // the one-stop system are kept until delivered: the province's record needs them.
      const abandoned = await tx.run(`DELETE FROM outbox WHERE done_at_ms IS NULL AND kind = 'notify' AND created_at_ms < ?`, [cutoff]);
      // A phone left for the turn messages is for that day only: gone a day after its ticket, whatever the period.
      await tx.run('UPDATE tickets SET phone = NULL WHERE phone IS NOT NULL AND issued_at_ms < ?', [now - DAY_MS]);
      // An appointment's phone, name and booking address serve its day: gone a day after its time (its code, service
      // and times stay for the statistics).
      await tx.run(
        'UPDATE appointments SET phone = NULL, name = NULL, address = NULL WHERE (phone IS NOT NULL OR name IS NOT NULL OR address IS NOT NULL) AND end_ms < ?',
        [now - DAY_MS],
      );
      return { dossiersAnonymised: anonymised.changes, messagesDeleted: delivered.changes + abandoned.changes };
    });
  }

  start(everyMs: number, report: { done(r: RetentionReport): void; failed(err: unknown): void }): () => void {
    const run = (): void => {
      this.sweep().then((r) => {
        if (r.dossiersAnonymised || r.messagesDeleted) report.done(r);
      }, report.failed);
    };
    run();
    const timer = setInterval(run, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
